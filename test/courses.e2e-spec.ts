import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Client, createTestApp, TestApp } from './support/test-app';
import { ESCO, UNKNOWN_ID } from './support/esco-ids';

const session = (startsAt: string, endsAt: string, seats = 12) => ({ startsAt, endsAt, seats });

describe('courses (e2e)', () => {
  let t: TestApp;
  /** These specs are about the records; who may touch them is test/access-matrix.e2e-spec.ts. */
  let admin: Client;
  let providerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    providerId = (await admin.request('POST', '/api/v1/providers', { name: 'Ente Corsi Test' })).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const counts = async () => {
    const [row] = await t.db.query(
      `select (select count(*) from course)::int as c, (select count(*) from course_skill)::int as s,
              (select count(*) from course_prerequisite)::int as p, (select count(*) from course_session)::int as n`,
    );
    return row;
  };

  const body = (patch: Record<string, unknown> = {}) => ({
    providerId,
    title: 'Manutenzione batterie EV',
    mode: 'in_person',
    location: { municipality: 'Torino' },
    hours: 120,
    skillsTaught: [{ skillId: ESCO.skill.operateBatteryTestEquipment, targetLevel: 3 }],
    ...patch,
  });

  const create = async (patch: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/v1/courses', body(patch));
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('POST /api/v1/courses', () => {
    it('creates a course with skills, prerequisites and sessions, labelled and ordered', async () => {
      const res = await admin.request('POST', '/api/v1/courses', {
        providerId,
        title: 'Manutenzione di batterie per veicoli elettrici',
        description: 'Sicurezza in alta tensione.',
        language: 'it',
        mode: 'blended',
        location: { municipality: 'Melfi' },
        hours: 160,
        costEur: 1450.5,
        funding: ['GOL', 'FSE+'],
        eqfLevel: 4,
        status: 'published',
        skillsTaught: [
          { skillId: ESCO.skill.repairBatteryComponents, targetLevel: 2 },
          { skillId: ESCO.skill.operateBatteryTestEquipment, targetLevel: 3 },
        ],
        prerequisites: [ESCO.skill.readEngineeringDrawings],
        sessions: [
          session('2032-02-01T09:00:00+01:00', '2032-04-30T18:00:00+02:00', 16),
          session('2020-09-01T09:00:00+02:00', '2020-12-15T18:00:00+01:00', 20),
          session('2031-10-01T09:00:00+02:00', '2031-12-20T18:00:00+01:00', 0),
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        provider: { id: providerId, name: 'Ente Corsi Test' },
        title: 'Manutenzione di batterie per veicoli elettrici',
        description: 'Sicurezza in alta tensione.',
        language: 'it',
        mode: 'blended',
        location: { municipality: 'Melfi', province: 'PZ', region: 'ITF5' },
        hours: 160,
        costEur: 1450.5,
        funding: ['GOL', 'FSE+'],
        eqfLevel: 4,
        status: 'published',
        version: 1,
        nextSessionStartsAt: '2031-10-01T07:00:00.000Z',
        prerequisites: [{ skillId: ESCO.skill.readEngineeringDrawings, uri: `http://data.europa.eu/esco/skill/${ESCO.skill.readEngineeringDrawings}`, label: 'leggere disegni tecnici' }],
      });
      expect(res.body.skillsTaught).toEqual([
        { skillId: ESCO.skill.operateBatteryTestEquipment, uri: `http://data.europa.eu/esco/skill/${ESCO.skill.operateBatteryTestEquipment}`, label: expect.stringMatching(/batterie/), targetLevel: 3 },
        expect.objectContaining({ skillId: ESCO.skill.repairBatteryComponents, targetLevel: 2 }),
      ]);
      expect(res.body.sessions.map((s: any) => [s.startsAt, s.seats])).toEqual([
        ['2020-09-01T07:00:00.000Z', 20], ['2031-10-01T07:00:00.000Z', 0], ['2032-02-01T08:00:00.000Z', 16],
      ]);
      expect(res.body.sessions[0]).toEqual({ id: expect.any(String), startsAt: expect.any(String), endsAt: '2020-12-15T17:00:00.000Z', seats: 20, seatsLeft: 20 });
    });

    it('creates an online course without a location, with the defaults', async () => {
      const res = await admin.request('POST', '/api/v1/courses', body({ mode: 'online', location: undefined }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        location: null, language: 'it', costEur: 0, funding: [], eqfLevel: null, status: 'draft', prerequisites: [], sessions: [], nextSessionStartsAt: null, description: '',
      });
    });

    it('labels in English on request', async () => {
      const created = await create();
      const en = await admin.request('GET', `/api/v1/courses/${created.id}?lang=en`);
      expect(en.body.skillsTaught[0].label).toBe('operate battery test equipment');
    });

    it.each([
      ['an in-person course without a location', { location: undefined }, 'location', 'COURSE.LOCATION_REQUIRED'],
      ['a blended course with a null location', { mode: 'blended', location: null }, 'location', 'COURSE.LOCATION_REQUIRED'],
      ['no skills taught', { skillsTaught: [] }, 'skillsTaught', 'COURSE.NO_SKILLS'],
      ['an unknown skill taught', { skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }, { skillId: UNKNOWN_ID, targetLevel: 2 }] }, 'skillsTaught[1].skillId', 'COURSE.UNKNOWN_SKILL'],
      ['a skill taught twice', { skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }, { skillId: ESCO.skill.tigWelding, targetLevel: 3 }] }, 'skillsTaught[1].skillId', 'COURSE.DUPLICATE_SKILL'],
      ['a target level of 5', { skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 5 }] }, 'skillsTaught[0].targetLevel', 'REQUEST.INVALID'],
      ['an unknown prerequisite', { prerequisites: [ESCO.skill.readEngineeringDrawings, UNKNOWN_ID] }, 'prerequisites[1]', 'COURSE.UNKNOWN_SKILL'],
      ['a prerequisite listed twice', { prerequisites: [ESCO.skill.readEngineeringDrawings, ESCO.skill.readEngineeringDrawings] }, 'prerequisites[1]', 'COURSE.DUPLICATE_SKILL'],
      ['a malformed prerequisite', { prerequisites: ['drawings'] }, 'prerequisites', 'REQUEST.INVALID'],
      ['a session ending before it starts', { sessions: [session('2031-01-01T09:00:00Z', '2031-02-01T09:00:00Z'), session('2031-03-01T09:00:00Z', '2031-02-01T09:00:00Z')] }, 'sessions[1].endsAt', 'COURSE.SESSION_ENDS_BEFORE_START'],
      ['a session ending when it starts', { sessions: [session('2031-01-01T09:00:00Z', '2031-01-01T10:00:00+01:00')] }, 'sessions[0].endsAt', 'COURSE.SESSION_ENDS_BEFORE_START'],
      ['negative seats', { sessions: [session('2031-01-01T09:00:00Z', '2031-02-01T09:00:00Z', -1)] }, 'sessions[0].seats', 'REQUEST.INVALID'],
      ['a session start without an offset', { sessions: [session('2031-01-01T09:00:00', '2031-02-01T09:00:00Z')] }, 'sessions[0].startsAt', 'REQUEST.INVALID'],
      ['zero hours', { hours: 0 }, 'hours', 'REQUEST.INVALID'],
      ['5001 hours', { hours: 5001 }, 'hours', 'REQUEST.INVALID'],
      ['a cost with three decimals', { costEur: 10.125 }, 'costEur', 'REQUEST.INVALID'],
      ['a negative cost', { costEur: -1 }, 'costEur', 'REQUEST.INVALID'],
      ['an unknown funding source', { funding: ['bank'] }, 'funding', 'REQUEST.INVALID'],
      ['a funding source listed twice', { funding: ['GOL', 'GOL'] }, 'funding', 'REQUEST.INVALID'],
      ['none with another funding source', { funding: ['none', 'GOL'] }, 'funding', 'COURSE.FUNDING_CONFLICT'],
      ['an EQF level of 9', { eqfLevel: 9 }, 'eqfLevel', 'REQUEST.INVALID'],
      ['a three-letter language', { language: 'ita' }, 'language', 'REQUEST.INVALID'],
      ['an unknown mode', { mode: 'correspondence' }, 'mode', 'REQUEST.INVALID'],
      ['an unknown status', { status: 'live' }, 'status', 'REQUEST.INVALID'],
      ['an unknown municipality', { location: { municipality: 'Atlantide' } }, 'location.municipality', 'LOCATION.UNKNOWN_MUNICIPALITY'],
      ['an unknown field', { teacher: 'Rossi' }, 'teacher', 'REQUEST.INVALID'],
    ])('rejects %s with 400 naming %s, writing nothing', async (_label, patch, field, code) => {
      const before = await counts();
      const res = await admin.request('POST', '/api/v1/courses', body(patch));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code, correlationId: expect.any(String) });
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('names every unknown skill, taught and prerequisite, in one answer', async () => {
      const res = await admin.request('POST', '/api/v1/courses', body({
        skillsTaught: [{ skillId: UNKNOWN_ID, targetLevel: 2 }],
        prerequisites: ['00000000-0000-4000-8000-000000000001'],
      }));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toEqual(['skillsTaught[0].skillId', 'prerequisites[0]']);
    });

    it('answers 404 PROVIDER.NOT_FOUND naming providerId for an unknown provider, writing nothing', async () => {
      const before = await counts();
      const res = await admin.request('POST', '/api/v1/courses', body({ providerId: UNKNOWN_ID }));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'PROVIDER.NOT_FOUND', errors: [{ field: 'providerId' }] });
      expect(await counts()).toEqual(before);
    });
  });

  describe('GET, PATCH, DELETE /api/v1/courses/:id', () => {
    it('answers 404 COURSE.NOT_FOUND for an unknown id and 400 naming id for a malformed one', async () => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const payload = method === 'PATCH' ? { title: 'X' } : undefined;
        const missing = await admin.request(method, `/api/v1/courses/${UNKNOWN_ID}`, payload);
        expect(missing.status).toBe(404);
        expect(missing.body.code).toBe('COURSE.NOT_FOUND');
        const malformed = await admin.request(method, '/api/v1/courses/course-1', payload);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
      }
    });

    it('patches fields and replaces the arrays given, leaving the others, and bumps the version', async () => {
      const created = await create({
        prerequisites: [ESCO.skill.readEngineeringDrawings],
        sessions: [session('2031-01-10T09:00:00Z', '2031-02-10T17:00:00Z')],
        funding: ['GOL'],
      });
      const res = await admin.request('PATCH', `/api/v1/courses/${created.id}`, {
        title: 'Batterie EV, livello avanzato',
        hours: 200,
        costEur: 0,
        skillsTaught: [{ skillId: ESCO.skill.batteryChemistry, targetLevel: 2 }, { skillId: ESCO.skill.repairBatteryComponents, targetLevel: 4 }],
        sessions: [session('2031-05-01T09:00:00Z', '2031-06-01T17:00:00Z', 8), session('2031-03-01T09:00:00Z', '2031-04-01T17:00:00Z', 9)],
        funding: ['none'],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Batterie EV, livello avanzato', hours: 200, costEur: 0, funding: ['none'], version: 2, mode: 'in_person' });
      expect(res.body.skillsTaught.map((s: any) => s.skillId)).toEqual([ESCO.skill.repairBatteryComponents, ESCO.skill.batteryChemistry]);
      expect(res.body.prerequisites).toEqual(created.prerequisites);
      expect(res.body.sessions.map((s: any) => s.seats)).toEqual([9, 8]);
      expect(res.body.nextSessionStartsAt).toBe('2031-03-01T09:00:00.000Z');
      const cleared = await admin.request('PATCH', `/api/v1/courses/${created.id}`, { prerequisites: [], sessions: [], eqfLevel: null });
      expect(cleared.body).toMatchObject({ prerequisites: [], sessions: [], nextSessionStartsAt: null, eqfLevel: null, version: 3 });
    });

    it('turns a course online and drops its location; back in person it needs one again', async () => {
      const created = await create();
      const online = await admin.request('PATCH', `/api/v1/courses/${created.id}`, { mode: 'online', location: null });
      expect(online.body).toMatchObject({ mode: 'online', location: null });
      const inPerson = await admin.request('PATCH', `/api/v1/courses/${created.id}`, { mode: 'in_person' });
      expect(inPerson.status).toBe(400);
      expect(inPerson.body).toMatchObject({ code: 'COURSE.LOCATION_REQUIRED', errors: [{ field: 'location' }] });
      const withPlace = await admin.request('PATCH', `/api/v1/courses/${created.id}`, { mode: 'in_person', location: { municipality: 'Modena' } });
      expect(withPlace.body).toMatchObject({ mode: 'in_person', location: { region: 'ITH5' } });
    });

    it.each([
      ['no skills taught', { skillsTaught: [] }, 'skillsTaught'],
      ['an unknown prerequisite', { prerequisites: [UNKNOWN_ID] }, 'prerequisites[0]'],
      ['a session ending before it starts', { sessions: [session('2031-03-01T09:00:00Z', '2031-02-01T09:00:00Z')] }, 'sessions[0].endsAt'],
      ['dropping the location of an in-person course', { location: null }, 'location'],
      ['a null title', { title: null }, 'title'],
      ['null sessions', { sessions: null }, 'sessions'],
      ['an unknown provider', { providerId: UNKNOWN_ID }, 'providerId'],
    ])('rejects a patch with %s naming %s, changing nothing', async (_label, patch, field) => {
      const created = await create({ sessions: [session('2031-01-10T09:00:00Z', '2031-02-10T17:00:00Z')], prerequisites: [ESCO.skill.readEngineeringDrawings] });
      const res = await admin.request('PATCH', `/api/v1/courses/${created.id}`, { title: 'Changed', hours: 7, ...patch });
      expect([400, 404]).toContain(res.status);
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect((await admin.request('GET', `/api/v1/courses/${created.id}`)).body).toEqual(created);
    });

    it('deletes a course with its skills, prerequisites and sessions', async () => {
      const created = await create({ prerequisites: [ESCO.skill.readEngineeringDrawings], sessions: [session('2031-01-10T09:00:00Z', '2031-02-10T17:00:00Z')] });
      expect((await admin.request('DELETE', `/api/v1/courses/${created.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/api/v1/courses/${created.id}`)).status).toBe(404);
      for (const table of ['course_skill', 'course_prerequisite', 'course_session']) {
        expect(await t.db.query(`select 1 from ${table} where course_id = $1`, [created.id])).toEqual([]);
      }
      expect((await admin.request('DELETE', `/api/v1/courses/${created.id}`)).status).toBe(404);
    });
  });

  describe('GET /api/v1/courses (list)', () => {
    let owner: string;
    let made: any[];

    beforeAll(async () => {
      owner = (await admin.request('POST', '/api/v1/providers', { name: 'Ente Lista' })).body.id;
      made = [];
      const specs = [
        { mode: 'in_person', location: { municipality: 'Torino' }, status: 'published', funding: ['GOL', 'FSE+'], skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 3 }] },
        { mode: 'online', location: null, status: 'published', funding: ['FSE+'], skillsTaught: [{ skillId: ESCO.skill.useCadSoftware, targetLevel: 2 }], sessions: [session('2031-01-10T09:00:00Z', '2031-02-10T17:00:00Z')] },
        { mode: 'blended', location: { municipality: 'Milano' }, status: 'draft', funding: ['employer'], skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }, { skillId: ESCO.skill.magWelding, targetLevel: 2 }], prerequisites: [ESCO.skill.readEngineeringDrawings] },
        { mode: 'in_person', location: { municipality: 'Moncalieri' }, status: 'archived', skillsTaught: [{ skillId: ESCO.skill.batteryChemistry, targetLevel: 1 }] },
      ];
      for (const spec of specs) made.push(await create({ providerId: owner, ...spec }));
    });

    const ids = async (query: string) => {
      const res = await admin.request('GET', `/api/v1/courses?providerId=${owner}&${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((c: any) => c.id);
    };

    it('pages newest first with a cursor, each item complete', async () => {
      const first = await admin.request('GET', `/api/v1/courses?providerId=${owner}&limit=2`);
      expect(first.body.items.map((c: any) => c.id)).toEqual([made[3].id, made[2].id]);
      expect(first.body.items[1]).toEqual(made[2]);
      const second = await admin.request('GET', `/api/v1/courses?providerId=${owner}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items).toEqual([made[1], made[0]]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('filters by status, mode, region, province, skill and funding', async () => {
      expect(await ids('status=published')).toEqual([made[1].id, made[0].id]);
      expect(await ids('mode=in_person')).toEqual([made[3].id, made[0].id]);
      expect(await ids('region=ITC1')).toEqual([made[3].id, made[0].id]);
      expect(await ids('province=MI')).toEqual([made[2].id]);
      expect(await ids(`skillId=${ESCO.skill.tigWelding}`)).toEqual([made[2].id, made[0].id]);
      expect(await ids(`funding=${encodeURIComponent('FSE+')}`)).toEqual([made[1].id, made[0].id]);
      expect(await ids('funding=employer&mode=blended')).toEqual([made[2].id]);
    });

    it('reads a page in four queries however many courses it holds (no N+1)', async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await admin.request('GET', `/api/v1/courses?providerId=${owner}`);
        expect(res.body.items).toHaveLength(4);
        expect(spy.mock.calls.map(([q]) => String(q)).filter((q) => /course/.test(q))).toHaveLength(4);
      } finally {
        spy.mockRestore();
      }
    });

    it('rejects malformed filters naming them', async () => {
      for (const [query, field] of [['funding=FSE', 'funding'], ['mode=remote', 'mode'], ['providerId=1', 'providerId'], ['province=TOR', 'province']]) {
        const res = await admin.request('GET', `/api/v1/courses?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe(field);
      }
    });
  });
});
