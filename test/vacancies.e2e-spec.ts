import { randomInt } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Client, createTestApp, TestApp } from './support/test-app';
import { ESCO, UNKNOWN_ID } from './support/esco-ids';

function partitaIva(): string {
  const digits = Array.from({ length: 10 }, () => randomInt(10));
  digits[0] = 1 + randomInt(9);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

const FUTURE = '2031-06-30T23:59:59+02:00';
const PAST = '2020-01-31T12:00:00Z';

describe('vacancies (e2e)', () => {
  let t: TestApp;
  /** These specs are about the records; who may touch them is test/access-matrix.e2e-spec.ts. */
  let admin: Client;
  let employerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    employerId = (await admin.request('POST', '/api/v1/employers', { name: 'Carrozzerie Test S.p.A.', vatNumber: partitaIva() })).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const counts = async () => {
    const [row] = await t.db.query(`select (select count(*) from vacancy)::int as v, (select count(*) from vacancy_requirement)::int as r`);
    return row;
  };

  const body = (patch: Record<string, unknown> = {}) => ({
    employerId,
    title: 'Saldatore TIG',
    location: { municipality: 'Torino' },
    contractType: 'permanent',
    requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 3 }],
    ...patch,
  });

  const create = async (patch: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/v1/vacancies', body(patch));
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('POST /api/v1/vacancies', () => {
    it('creates a vacancy with its requirements, labelled in Italian, with the employer and the resolved location', async () => {
      const res = await admin.request('POST', '/api/v1/vacancies', {
        employerId,
        title: 'Saldatore TIG per telai in alluminio',
        description: 'Turno giornaliero.',
        occupationId: ESCO.occupation.welder,
        location: { municipality: 'Cassino', province: 'FR' },
        contractType: 'fixed_term',
        salaryMinEur: 26000,
        salaryMaxEur: 32000,
        openings: 3,
        status: 'open',
        expiresAt: FUTURE,
        requirements: [
          { skillId: ESCO.skill.readEngineeringDrawings, importance: 'optional' },
          { skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 3 },
          { skillId: ESCO.skill.magWelding, importance: 'essential' },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        employer: { id: employerId, name: 'Carrozzerie Test S.p.A.' },
        title: 'Saldatore TIG per telai in alluminio',
        description: 'Turno giornaliero.',
        occupationId: ESCO.occupation.welder,
        occupation: { occupationId: ESCO.occupation.welder, uri: `http://data.europa.eu/esco/occupation/${ESCO.occupation.welder}`, label: expect.stringMatching(/saldat/i) },
        location: { municipality: 'Cassino', municipalityCode: '060019', province: 'FR', region: 'ITI4' },
        remote: false,
        contractType: 'fixed_term',
        salaryMinEur: 26000,
        salaryMaxEur: 32000,
        openings: 3,
        status: 'open',
        expiresAt: new Date(FUTURE).toISOString(),
        version: 1,
      });
      expect(res.body.requirements).toEqual([
        { skillId: ESCO.skill.tigWelding, uri: `http://data.europa.eu/esco/skill/${ESCO.skill.tigWelding}`, label: expect.stringMatching(/saldatura/), importance: 'essential', minLevel: 3 },
        expect.objectContaining({ skillId: ESCO.skill.magWelding, importance: 'essential', minLevel: 2 }),
        expect.objectContaining({ skillId: ESCO.skill.readEngineeringDrawings, label: 'leggere disegni tecnici', importance: 'optional', minLevel: 2 }),
      ]);
    });

    it('creates a remote vacancy without a location, with the defaults', async () => {
      const res = await admin.request('POST', '/api/v1/vacancies', {
        employerId, title: 'Progettista CAD', remote: true, contractType: 'permanent',
        requirements: [{ skillId: ESCO.skill.useCadSoftware, importance: 'essential' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ remote: true, location: null, occupationId: null, occupation: null, status: 'draft', openings: 1, description: '', expiresAt: null, salaryMinEur: null });
    });

    it('labels in English on request and falls back to English where Italian is missing', async () => {
      const created = await create({ requirements: [{ skillId: ESCO.skill.changeWatchBattery, importance: 'optional' }, { skillId: ESCO.skill.tigWelding, importance: 'essential' }] });
      const label = (v: any, id: string) => v.requirements.find((r: any) => r.skillId === id).label;
      expect(label(created, ESCO.skill.changeWatchBattery)).toBe('change watch battery');
      const en = await admin.request('GET', `/api/v1/vacancies/${created.id}`, undefined, { 'accept-language': 'en-GB,en;q=0.8' });
      expect(label(en.body, ESCO.skill.tigWelding)).toBe('perform tungsten inert gas welding');
      const it = await admin.request('GET', `/api/v1/vacancies/${created.id}?lang=it`, undefined, { 'accept-language': 'en' });
      expect(label(it.body, ESCO.skill.tigWelding)).toMatch(/saldatura/);
    });

    it.each([
      ['no requirements', { requirements: [] }, 'requirements', 'VACANCY.NO_REQUIREMENTS'],
      ['missing requirements', { requirements: undefined }, 'requirements', 'REQUEST.INVALID'],
      ['an unknown skill', { requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }, { skillId: UNKNOWN_ID, importance: 'optional' }] }, 'requirements[1].skillId', 'VACANCY.UNKNOWN_SKILL'],
      ['a skill listed twice', { requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }, { skillId: ESCO.skill.tigWelding, importance: 'optional' }] }, 'requirements[1].skillId', 'VACANCY.DUPLICATE_SKILL'],
      ['a minimum level above 4', { requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 5 }] }, 'requirements[0].minLevel', 'REQUEST.INVALID'],
      ['an unknown importance', { requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'nice' }] }, 'requirements[0].importance', 'REQUEST.INVALID'],
      ['a malformed skill id', { requirements: [{ skillId: 'tig', importance: 'essential' }] }, 'requirements[0].skillId', 'REQUEST.INVALID'],
      ['an unknown occupation', { occupationId: UNKNOWN_ID }, 'occupationId', 'VACANCY.UNKNOWN_OCCUPATION'],
      ['no location for an on-site vacancy', { location: undefined }, 'location', 'VACANCY.LOCATION_REQUIRED'],
      ['a null location for an on-site vacancy', { location: null, remote: false }, 'location', 'VACANCY.LOCATION_REQUIRED'],
      ['an unknown municipality', { location: { municipality: 'Atlantide' } }, 'location.municipality', 'LOCATION.UNKNOWN_MUNICIPALITY'],
      ['a latitude out of range', { location: { lat: -91, lng: 7 } }, 'location.lat', 'REQUEST.INVALID'],
      ['a maximum salary below the minimum', { salaryMinEur: 30000, salaryMaxEur: 25000 }, 'salaryMaxEur', 'VACANCY.SALARY_RANGE'],
      ['a negative salary', { salaryMinEur: -1 }, 'salaryMinEur', 'REQUEST.INVALID'],
      ['a salary with cents', { salaryMaxEur: 30000.5 }, 'salaryMaxEur', 'REQUEST.INVALID'],
      ['zero openings', { openings: 0 }, 'openings', 'REQUEST.INVALID'],
      ['an unknown contract type', { contractType: 'freelance' }, 'contractType', 'REQUEST.INVALID'],
      ['an unknown status', { status: 'paused' }, 'status', 'REQUEST.INVALID'],
      ['an open vacancy that has already expired', { status: 'open', expiresAt: PAST }, 'expiresAt', 'VACANCY.EXPIRES_IN_PAST'],
      ['an expiry date without a time', { expiresAt: '2031-06-30' }, 'expiresAt', 'REQUEST.INVALID'],
      ['an expiry that is not a date', { expiresAt: 'soon' }, 'expiresAt', 'REQUEST.INVALID'],
      ['a null remote flag', { remote: null }, 'remote', 'REQUEST.INVALID'],
      ['an empty title', { title: '' }, 'title', 'REQUEST.INVALID'],
      ['an unknown field', { bonus: true }, 'bonus', 'REQUEST.INVALID'],
    ])('rejects %s with 400 naming %s, writing nothing', async (_label, patch, field, code) => {
      const before = await counts();
      const res = await admin.request('POST', '/api/v1/vacancies', body(patch));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code, correlationId: expect.any(String) });
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('accepts a draft whose expiry is past (only opening needs a future one)', async () => {
      const res = await admin.request('POST', '/api/v1/vacancies', body({ status: 'draft', expiresAt: PAST }));
      expect(res.status).toBe(201);
    });

    it('answers 404 EMPLOYER.NOT_FOUND naming employerId for an unknown employer, writing nothing', async () => {
      const before = await counts();
      const res = await admin.request('POST', '/api/v1/vacancies', body({ employerId: UNKNOWN_ID }));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'EMPLOYER.NOT_FOUND', errors: [{ field: 'employerId', reason: expect.any(String) }] });
      expect(await counts()).toEqual(before);
    });
  });

  describe('GET, PATCH, DELETE /api/v1/vacancies/:id', () => {
    it('answers 404 VACANCY.NOT_FOUND for an unknown id and 400 naming id for a malformed one', async () => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const payload = method === 'PATCH' ? { title: 'X' } : undefined;
        const missing = await admin.request(method, `/api/v1/vacancies/${UNKNOWN_ID}`, payload);
        expect(missing.status).toBe(404);
        expect(missing.body.code).toBe('VACANCY.NOT_FOUND');
        const malformed = await admin.request(method, '/api/v1/vacancies/42', payload);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
      }
    });

    it('patches fields, replaces the requirements, opens the vacancy and bumps the version each time', async () => {
      const created = await create({ salaryMinEur: 25000 });
      const res = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, {
        title: 'Saldatore TIG esperto',
        status: 'open',
        expiresAt: FUTURE,
        salaryMaxEur: 30000,
        requirements: [{ skillId: ESCO.skill.magWelding, importance: 'essential', minLevel: 4 }, { skillId: ESCO.skill.useCadSoftware, importance: 'optional' }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Saldatore TIG esperto', status: 'open', salaryMinEur: 25000, salaryMaxEur: 30000, version: 2, contractType: 'permanent' });
      expect(res.body.requirements.map((r: any) => [r.skillId, r.minLevel])).toEqual([[ESCO.skill.magWelding, 4], [ESCO.skill.useCadSoftware, 2]]);
      const again = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { status: 'closed' });
      expect(again.body).toMatchObject({ status: 'closed', version: 3 });
    });

    it('makes a vacancy remote and drops its location with null; clears optional fields with null', async () => {
      const created = await create({ occupationId: ESCO.occupation.welder, salaryMinEur: 20000 });
      const res = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { remote: true, location: null, occupationId: null, salaryMinEur: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ remote: true, location: null, occupationId: null, occupation: null, salaryMinEur: null });
    });

    it('moves a vacancy to another employer, and answers 404 naming employerId for an unknown one', async () => {
      const created = await create();
      const other = (await admin.request('POST', '/api/v1/employers', { name: 'Altra S.r.l.', vatNumber: partitaIva() })).body;
      const moved = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { employerId: other.id });
      expect(moved.body.employer).toEqual({ id: other.id, name: 'Altra S.r.l.' });
      const missing = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { employerId: UNKNOWN_ID });
      expect(missing.status).toBe(404);
      expect(missing.body.errors[0].field).toBe('employerId');
    });

    it.each([
      ['empty requirements', { requirements: [] }, 'requirements'],
      ['an unknown skill', { requirements: [{ skillId: UNKNOWN_ID, importance: 'essential' }] }, 'requirements[0].skillId'],
      ['a maximum salary below the stored minimum', { salaryMaxEur: 1000 }, 'salaryMaxEur'],
      ['dropping the location of an on-site vacancy', { location: null }, 'location'],
      ['making a vacancy without location on-site', { remote: false, location: null }, 'location'],
      ['opening with an expiry in the past', { status: 'open', expiresAt: PAST }, 'expiresAt'],
      ['a null title', { title: null }, 'title'],
      ['a null status', { status: null }, 'status'],
      ['an unknown occupation', { occupationId: UNKNOWN_ID }, 'occupationId'],
    ])('rejects a patch with %s with 400 naming %s, changing nothing', async (_label, patch, field) => {
      const created = await create({ salaryMinEur: 22000, requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }] });
      const res = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { title: 'Changed', ...patch });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect((await admin.request('GET', `/api/v1/vacancies/${created.id}`)).body).toEqual(created);
    });

    it('refuses to reopen a vacancy whose expiry has passed unless a new one is given', async () => {
      const created = await create({ status: 'closed', expiresAt: PAST });
      const reopen = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { status: 'open' });
      expect(reopen.status).toBe(400);
      expect(reopen.body).toMatchObject({ code: 'VACANCY.EXPIRES_IN_PAST', errors: [{ field: 'expiresAt' }] });
      const ok = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, { status: 'open', expiresAt: FUTURE });
      expect(ok.status).toBe(200);
    });

    it('an empty patch changes nothing, not even the version', async () => {
      const created = await create();
      const res = await admin.request('PATCH', `/api/v1/vacancies/${created.id}`, {});
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    });

    it('deletes a vacancy and its requirements', async () => {
      const created = await create();
      expect((await admin.request('DELETE', `/api/v1/vacancies/${created.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/api/v1/vacancies/${created.id}`)).status).toBe(404);
      expect(await t.db.query(`select 1 from vacancy_requirement where vacancy_id = $1`, [created.id])).toEqual([]);
      expect((await admin.request('DELETE', `/api/v1/vacancies/${created.id}`)).status).toBe(404);
    });
  });

  describe('GET /api/v1/vacancies (list)', () => {
    let owner: string;
    let made: any[];

    beforeAll(async () => {
      owner = (await admin.request('POST', '/api/v1/employers', { name: 'Lista S.r.l.', vatNumber: partitaIva() })).body.id;
      made = [];
      const specs = [
        { location: { municipality: 'Torino' }, status: 'open', expiresAt: FUTURE, requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }] },
        { location: { municipality: 'Milano' }, status: 'draft', occupationId: ESCO.occupation.welder, requirements: [{ skillId: ESCO.skill.magWelding, importance: 'essential' }] },
        { location: null, remote: true, status: 'open', requirements: [{ skillId: ESCO.skill.useCadSoftware, importance: 'essential' }, { skillId: ESCO.skill.tigWelding, importance: 'optional' }] },
        { location: { municipality: 'Moncalieri' }, status: 'closed', requirements: [{ skillId: ESCO.skill.readEngineeringDrawings, importance: 'optional' }] },
      ];
      for (const spec of specs) made.push(await create({ employerId: owner, ...spec }));
    });

    const ids = async (query: string) => {
      const res = await admin.request('GET', `/api/v1/vacancies?employerId=${owner}&${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((v: any) => v.id);
    };

    it('pages newest first with a cursor, each item with its requirements', async () => {
      const first = await admin.request('GET', `/api/v1/vacancies?employerId=${owner}&limit=3`);
      expect(first.body.items.map((v: any) => v.id)).toEqual([made[3].id, made[2].id, made[1].id]);
      expect(first.body.items[1].requirements).toHaveLength(2);
      expect(first.body.items[1].employer).toEqual({ id: owner, name: 'Lista S.r.l.' });
      const second = await admin.request('GET', `/api/v1/vacancies?employerId=${owner}&limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((v: any) => v.id)).toEqual([made[0].id]);
      expect(second.body.nextCursor).toBeNull();
      expect(first.body.items[0]).toEqual(made[3]);
    });

    it('filters by status, region, province, occupation, skill and remote', async () => {
      expect(await ids('status=open')).toEqual([made[2].id, made[0].id]);
      expect(await ids('region=ITC1')).toEqual([made[3].id, made[0].id]);
      expect(await ids('province=mi')).toEqual([made[1].id]);
      expect(await ids(`occupationId=${ESCO.occupation.welder}`)).toEqual([made[1].id]);
      expect(await ids(`skillId=${ESCO.skill.tigWelding}`)).toEqual([made[2].id, made[0].id]);
      expect(await ids('remote=true')).toEqual([made[2].id]);
      expect(await ids('remote=false&status=open')).toEqual([made[0].id]);
    });

    it('reads a page in two queries however many vacancies it holds (no N+1)', async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await admin.request('GET', `/api/v1/vacancies?employerId=${owner}&limit=10`);
        expect(res.body.items).toHaveLength(4);
        const sql = spy.mock.calls.map(([q]) => String(q)).filter((q) => /vacanc/.test(q));
        expect(sql).toHaveLength(2);
      } finally {
        spy.mockRestore();
      }
    });

    it('rejects malformed filters naming them', async () => {
      for (const [query, field] of [['status=paused', 'status'], ['remote=maybe', 'remote'], ['skillId=tig', 'skillId'], ['region=Piemonte', 'region'], ['lang=de', 'lang']]) {
        const res = await admin.request('GET', `/api/v1/vacancies?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe(field);
      }
    });
  });
});
