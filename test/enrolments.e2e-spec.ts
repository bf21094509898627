import { courseBody } from './support/fixtures';
import { Account, createTestApp, TestApp } from './support/test-app';

describe('enrolment requests and seats (e2e)', () => {
  let t: TestApp;
  let provider: Account;

  beforeAll(async () => {
    t = await createTestApp();
    provider = await t.withRecord('provider');
  });

  afterAll(async () => {
    await t.close();
  });

  const course = async (seats: number, patch: Record<string, unknown> = {}) => {
    const res = await t.request('POST', '/api/v1/courses', courseBody(provider.recordId!, {
      sessions: [{ startsAt: '2032-02-01T09:00:00+01:00', endsAt: '2032-04-30T18:00:00+02:00', seats }],
      ...patch,
    }), provider.headers);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, sessionId: res.body.sessions[0]?.id as string };
  };
  const seats = async (sessionId: string) =>
    (await t.db.query(`select seats, seats_taken from course_session where id = $1`, [sessionId]))[0] as { seats: number; seats_taken: number };
  const request = (who: Account, c: { id: string; sessionId: string }) =>
    t.request('POST', `/api/v1/courses/${c.id}/enrolments`, { sessionId: c.sessionId }, who.headers);
  const move = (who: Account, id: string, status: string) => t.request('PATCH', `/api/v1/enrolments/${id}`, { status }, who.headers);

  it('gives exactly 5 seats to 20 workers asking at once for a session with 5, and never goes below zero', async () => {
    const c = await course(5);
    const workers = await Promise.all(Array.from({ length: 20 }, () => t.withRecord('worker')));
    const answers = await Promise.all(workers.map((w) => request(w, c)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'ENROLMENT.SESSION_FULL')).toBe(true);
    expect(await seats(c.sessionId)).toEqual({ seats: 5, seats_taken: 5 });
    const [{ n }] = await t.db.query(`select count(*)::int as n from enrolment where session_id = $1`, [c.sessionId]);
    expect(n).toBe(5);
    const view = await t.request('GET', `/api/v1/courses/${c.id}`);
    expect(view.body.sessions[0]).toMatchObject({ seats: 5, seatsLeft: 0 });
  });

  it('refuses the database a session with more seats taken than it has', async () => {
    const c = await course(1);
    await expect(t.db.query(`update course_session set seats_taken = 2 where id = $1`, [c.sessionId])).rejects.toThrow(/course_session_seats_taken/);
    await expect(t.db.query(`update course_session set seats_taken = -1 where id = $1`, [c.sessionId])).rejects.toThrow(/course_session_seats_taken/);
  });

  it("reveals the worker to the provider, who accepts or declines; declining gives the seat back", async () => {
    const c = await course(2);
    const [anna, marco] = await Promise.all([t.withRecord('worker', { name: 'Anna Bosio' }), t.withRecord('worker')]);
    const first = await request(anna, c);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'requested', course: { id: c.id, provider: { id: provider.recordId } }, session: { id: c.sessionId }, worker: { name: 'Anna Bosio' } });
    const second = (await request(marco, c)).body;
    expect(await seats(c.sessionId)).toMatchObject({ seats_taken: 2 });

    expect((await move(provider, first.body.id, 'accepted')).body.status).toBe('accepted');
    expect((await move(provider, second.id, 'declined')).body.status).toBe('declined');
    expect(await seats(c.sessionId)).toMatchObject({ seats_taken: 1 });
    const list = await t.request('GET', `/api/v1/courses/${c.id}/enrolments?status=accepted`, undefined, provider.headers);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([first.body.id]);

    expect((await move(anna, first.body.id, 'withdrawn')).body.status).toBe('withdrawn');
    expect(await seats(c.sessionId)).toMatchObject({ seats_taken: 0 });
    expect((await move(provider, first.body.id, 'accepted')).status).toBe(409);
  });

  it('lets a worker hold one live request per course, and ask again after withdrawing', async () => {
    const c = await course(3);
    const sara = await t.withRecord('worker');
    const first = await request(sara, c);
    const again = await request(sara, c);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ENROLMENT.ALREADY_REQUESTED');
    expect(await seats(c.sessionId)).toMatchObject({ seats_taken: 1 });
    await move(sara, first.body.id, 'withdrawn');
    expect((await request(sara, c)).status).toBe(201);
  });

  it('refuses a session of another course (400), one that has started, and a course not published', async () => {
    const c = await course(3);
    const other = await course(3);
    const luca = await t.withRecord('worker');
    const wrong = await t.request('POST', `/api/v1/courses/${c.id}/enrolments`, { sessionId: other.sessionId }, luca.headers);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('sessionId');
    const past = await course(3, { sessions: [{ startsAt: '2020-02-01T09:00:00+01:00', endsAt: '2020-04-30T18:00:00+02:00', seats: 3 }] });
    expect((await request(luca, past)).body.code).toBe('ENROLMENT.SESSION_STARTED');
    const draft = await course(3, { status: 'draft' });
    await t.request('PATCH', `/api/v1/courses/${draft.id}`, { status: 'published' }, provider.headers);
    await t.request('PATCH', `/api/v1/courses/${draft.id}`, { status: 'archived' }, provider.headers);
    expect((await request(luca, draft)).status).toBe(404);
  });

  describe('editing the sessions of a course with enrolment requests', () => {
    it('keeps a session named by id with the seats taken in it, and refuses fewer seats than taken', async () => {
      const c = await course(4);
      await request(await t.withRecord('worker'), c);
      await request(await t.withRecord('worker'), c);
      const session = { id: c.sessionId, startsAt: '2032-03-01T09:00:00+01:00', endsAt: '2032-05-30T18:00:00+02:00' };
      const kept = await t.request('PATCH', `/api/v1/courses/${c.id}`, { sessions: [{ ...session, seats: 6 }] }, provider.headers);
      expect(kept.status).toBe(200);
      expect(kept.body.sessions).toEqual([expect.objectContaining({ id: c.sessionId, seats: 6, seatsLeft: 4, startsAt: '2032-03-01T08:00:00.000Z' })]);
      const tooFew = await t.request('PATCH', `/api/v1/courses/${c.id}`, { sessions: [{ ...session, seats: 1 }] }, provider.headers);
      expect(tooFew.status).toBe(409);
      expect(tooFew.body.errors[0].field).toBe('sessions[0].seats');
    });

    it('refuses to drop a session someone holds a seat in, and drops an empty one', async () => {
      const c = await course(4);
      await request(await t.withRecord('worker'), c);
      const replace = { sessions: [{ startsAt: '2033-02-01T09:00:00+01:00', endsAt: '2033-04-30T18:00:00+02:00', seats: 8 }] };
      const refused = await t.request('PATCH', `/api/v1/courses/${c.id}`, replace, provider.headers);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('COURSE.SESSION_HAS_ENROLMENTS');
      const empty = await course(4);
      const replaced = await t.request('PATCH', `/api/v1/courses/${empty.id}`, replace, provider.headers);
      expect(replaced.status).toBe(200);
      expect(replaced.body.sessions).toEqual([expect.objectContaining({ seats: 8, seatsLeft: 8 })]);
      expect(replaced.body.sessions[0].id).not.toBe(empty.sessionId);
    });

    it('refuses an id that is not a session of the course', async () => {
      const c = await course(4);
      const other = await course(4);
      const res = await t.request('PATCH', `/api/v1/courses/${c.id}`, {
        sessions: [{ id: other.sessionId, startsAt: '2033-02-01T09:00:00+01:00', endsAt: '2033-04-30T18:00:00+02:00', seats: 8 }],
      }, provider.headers);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'COURSE.UNKNOWN_SESSION', errors: [{ field: 'sessions[0].id' }] });
    });
  });
});
