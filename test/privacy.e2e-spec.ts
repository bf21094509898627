import { Meilisearch } from 'meilisearch';
import { ESCO } from './support/esco-ids';
import { courseBody, GOOD_PASSWORD, vacancyBody } from './support/fixtures';
import { Account, createTestApp, TestApp } from './support/test-app';
import { TEST_INDEX_PREFIX } from './support/test-env';

describe('personal data: export and erasure (e2e)', () => {
  let t: TestApp;
  let employer: Account;
  let provider: Account;

  beforeAll(async () => {
    t = await createTestApp();
    [employer, provider] = await Promise.all([t.withRecord('employer'), t.withRecord('provider')]);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A worker with a profile, an open application, a hired one and a seat in a course. */
  async function busyWorker(name: string) {
    const worker = await t.withRecord('worker', {
      name, visibleToEmployers: true, previousOccupations: [{ occupationId: ESCO.occupation.welder, years: 6 }],
    });
    const post = (as: Account, path: string, body?: unknown) => t.request('POST', path, body, as.headers).then((r) => r.body);
    const [open, hiredAt] = await Promise.all([
      post(employer, '/api/v1/vacancies', vacancyBody(employer.recordId!)),
      post(employer, '/api/v1/vacancies', vacancyBody(employer.recordId!)),
    ]);
    const course = await post(provider, '/api/v1/courses', courseBody(provider.recordId!));
    const openApplication = await post(worker, `/api/v1/vacancies/${open.id}/applications`);
    const hired = await post(worker, `/api/v1/vacancies/${hiredAt.id}/applications`);
    await t.request('PATCH', `/api/v1/applications/${hired.id}`, { status: 'shortlisted' }, employer.headers);
    await t.request('PATCH', `/api/v1/applications/${hired.id}`, { status: 'hired' }, employer.headers);
    const enrolment = await post(worker, `/api/v1/courses/${course.id}/enrolments`, { sessionId: course.sessions[0].id });
    // A refused attempt of theirs, for the audit log.
    await t.request('GET', '/api/v1/workers', undefined, worker.headers);
    return { worker, openApplicationId: openApplication.id, hiredApplicationId: hired.id, enrolmentId: enrolment.id, sessionId: course.sessions[0].id };
  }

  describe('GET /api/v1/me/export', () => {
    it('returns everything held about a worker: account, sessions, profile, applications, enrolments and their audit entries', async () => {
      const { worker, openApplicationId, hiredApplicationId, enrolmentId } = await busyWorker('Elena Export');
      const res = await t.request('GET', '/api/v1/me/export', undefined, worker.headers);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({
        account: { id: worker.id, email: worker.email, role: 'worker', workerId: worker.recordId },
        sessions: [expect.objectContaining({ revokedAt: null })],
        worker: { id: worker.recordId, name: 'Elena Export', previousOccupations: [expect.objectContaining({ occupationId: ESCO.occupation.welder })] },
        employer: null,
        provider: null,
      });
      expect(res.body.worker.skills.length).toBeGreaterThan(1);
      expect(res.body.applications.map((a: { id: string }) => a.id).sort()).toEqual([openApplicationId, hiredApplicationId].sort());
      expect(res.body.enrolments).toEqual([expect.objectContaining({ id: enrolmentId, status: 'requested' })]);
      expect(res.body.auditLog).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'GET /api/v1/workers', outcome: 'forbidden' })]));
      const text = JSON.stringify(res.body);
      for (const secret of ['argon2', 'password', 'token_hash', 'tokenHash', worker.refreshToken]) expect(text).not.toContain(secret);
    });

    it("gives an employer account its employer record and nobody else's data", async () => {
      const res = await t.request('GET', '/api/v1/me/export', undefined, employer.headers);
      expect(res.body).toMatchObject({ account: { role: 'employer' }, employer: { id: employer.recordId }, worker: null, applications: [], enrolments: [] });
    });
  });

  describe('DELETE /api/v1/me', () => {
    it('erases the account and profile, keeps applications and enrolments only as anonymous counts, and gives the seat back', async () => {
      const { worker, openApplicationId, hiredApplicationId, enrolmentId, sessionId } = await busyWorker('Erika Erased');
      const workerId = worker.recordId!;
      const matchTables = await t.db.query(`select to_regclass('worker_match') is not null as present`);
      if (matchTables[0].present) {
        const [{ id: vacancyId }] = await t.db.query(`select vacancy_id as id from application where id = $1`, [openApplicationId]);
        await t.db.query(
          `insert into worker_match (worker_id, vacancy_id, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
           values ($1, $2, 0.5, 1, 2, 3, 1, now())`,
          [workerId, vacancyId],
        );
      }
      const [tallyBefore] = await t.db.query(
        `select coalesce(sum(profiles), 0)::int as profiles, coalesce(sum(applications), 0)::int as applications from erasure_tally where region = 'ITC1'`,
      );

      const res = await t.request('DELETE', '/api/v1/me', undefined, worker.headers);
      expect(res.status).toBe(204);

      // PostgreSQL: nothing left that names the person.
      const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params))[0].n as number;
      expect(await count(`select count(*)::int as n from app_user where id = $1 or email = $2`, [worker.id, worker.email])).toBe(0);
      expect(await count(`select count(*)::int as n from auth_session where user_id = $1`, [worker.id])).toBe(0);
      expect(await count(`select count(*)::int as n from worker where id = $1 or name = 'Erika Erased'`, [workerId])).toBe(0);
      expect(await count(`select count(*)::int as n from worker_skill where worker_id = $1`, [workerId])).toBe(0);
      expect(await count(`select count(*)::int as n from worker_occupation where worker_id = $1`, [workerId])).toBe(0);
      expect(await count(`select count(*)::int as n from application where worker_id = $1`, [workerId])).toBe(0);
      expect(await count(`select count(*)::int as n from enrolment where worker_id = $1`, [workerId])).toBe(0);
      const applications = await t.db.query(`select id, worker_id, status from application where id = any($1::uuid[]) order by status`, [[openApplicationId, hiredApplicationId]]);
      expect(applications).toEqual([
        { id: hiredApplicationId, worker_id: null, status: 'hired' },
        { id: openApplicationId, worker_id: null, status: 'withdrawn' },
      ]);
      const [enrolment] = await t.db.query(`select worker_id, status from enrolment where id = $1`, [enrolmentId]);
      expect(enrolment).toEqual({ worker_id: null, status: 'withdrawn' });
      const [session] = await t.db.query(`select seats_taken from course_session where id = $1`, [sessionId]);
      expect(session.seats_taken).toBe(0);
      const [tallyAfter] = await t.db.query(
        `select sum(profiles)::int as profiles, sum(applications)::int as applications from erasure_tally where region = 'ITC1'`,
      );
      expect(tallyAfter.profiles - tallyBefore.profiles).toBe(1);
      expect(tallyAfter.applications - tallyBefore.applications).toBe(2);

      // The audit log keeps the fact of erasure, not the person.
      expect(await count(`select count(*)::int as n from audit_log where actor_user_id = $1 or target_id = any($2::uuid[])`, [worker.id, [worker.id, workerId]])).toBe(0);
      const [erased] = await t.db.query(`select actor_user_id, actor_role, target_id, outcome from audit_log where action = 'account.erased' order by id desc limit 1`);
      expect(erased).toEqual({ actor_user_id: null, actor_role: 'worker', target_id: null, outcome: 'succeeded' });
      const [event] = await t.db.query(`select topic from outbox where payload->>'workerId' = $1 order by id desc limit 1`, [workerId]);
      expect(event.topic).toBe('worker.changed');

      // Match tables (once the matching issue has added them): the worker's rows are gone.
      if (matchTables[0].present) {
        expect(await count(`select count(*)::int as n from worker_match where worker_id = $1`, [workerId])).toBe(0);
        expect(await count(`select count(*)::int as n from vacancy_candidate where worker_id = $1`, [workerId])).toBe(0);
      }

      // Meilisearch: no document in any of Ricarica's indexes names the person.
      const meili = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY });
      const { results } = await meili.getIndexes({ limit: 100 });
      for (const index of results.filter((i) => i.uid.startsWith(TEST_INDEX_PREFIX))) {
        for (const q of ['Erika Erased', worker.email, workerId]) {
          const hits = await meili.index(index.uid).search(q, { limit: 5, matchingStrategy: 'all' });
          expect(hits.hits.filter((h) => JSON.stringify(h).includes(q))).toEqual([]);
        }
      }

      // Its tokens and password are dead.
      const me = await t.request('GET', '/api/v1/me', undefined, worker.headers);
      expect(me.status).toBe(401);
      expect((await t.request('POST', '/api/v1/auth/refresh', { refreshToken: worker.refreshToken })).status).toBe(401);
      expect((await t.request('POST', '/api/v1/auth/login', { email: worker.email, password: GOOD_PASSWORD })).status).toBe(401);
      // The employer still counts the applications, without the person.
      const view = await t.request('GET', `/api/v1/applications/${hiredApplicationId}`, undefined, employer.headers);
      expect(view.body).toMatchObject({ status: 'hired', worker: null });
    });

    it("leaves an erased employer account's company record in place, unmanaged", async () => {
      const owner = await t.withRecord('employer');
      expect((await t.request('DELETE', '/api/v1/me', undefined, owner.headers)).status).toBe(204);
      const [row] = await t.db.query(`select owner_user_id from employer where id = $1`, [owner.recordId]);
      expect(row).toEqual({ owner_user_id: null });
      expect((await t.request('GET', `/api/v1/employers/${owner.recordId}`)).status).toBe(200);
    });

    it('erases a profile deleted through DELETE /workers/:id the same way, keeping the account', async () => {
      const { worker, openApplicationId } = await busyWorker('Profilo Cancellato');
      expect((await t.request('DELETE', `/api/v1/workers/${worker.recordId}`, undefined, worker.headers)).status).toBe(204);
      const [application] = await t.db.query(`select worker_id, status from application where id = $1`, [openApplicationId]);
      expect(application).toEqual({ worker_id: null, status: 'withdrawn' });
      const me = await t.request('GET', '/api/v1/me', undefined, worker.headers);
      expect(me.body).toMatchObject({ id: worker.id, workerId: null });
    });
  });
});
