import { randomUUID } from 'node:crypto';
import { Client, createTestApp, TestApp } from './support/test-app';
import { ESCO, UNKNOWN_ID } from './support/esco-ids';

const email = () => `w-${randomUUID()}@example.it`;

describe('workers (e2e)', () => {
  let t: TestApp;
  /** These specs are about the records; who may touch them is test/access-matrix.e2e-spec.ts. */
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
  });

  afterAll(async () => {
    await t.close();
  });

  const countWorkers = async () => Number((await t.db.query(`select count(*) from worker`))[0].count);

  describe('POST /api/v1/workers', () => {
    it('creates a worker from a municipality name, filling coordinates, province and region', async () => {
      const res = await admin.request('POST', '/api/v1/workers', {
        name: 'Giulia Ferrero',
        email: email(),
        home: { municipality: 'Moncalieri' },
        mobilityRadiusKm: 40,
        languages: ['it'],
        employmentStatus: 'displaced',
        skills: [{ skillId: ESCO.skill.tigWelding, level: 3 }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Giulia Ferrero',
        home: { municipality: 'Moncalieri', municipalityCode: '001156', province: 'TO', region: 'ITC1' },
        mobilityRadiusKm: 40,
        employmentStatus: 'displaced',
        visibleToEmployers: false,
        skills: [{ skillId: ESCO.skill.tigWelding, level: 3, source: 'declared' }],
      });
      expect(res.body.home.lat).toBeCloseTo(45.0, 0);
      expect(res.body.skills[0].uri).toBe(`http://data.europa.eu/esco/skill/${ESCO.skill.tigWelding}`);
    });

    it('keeps given coordinates and fills the nearest municipality', async () => {
      const res = await admin.request('POST', '/api/v1/workers', {
        name: 'Marco Colombo', email: email(), home: { lat: 45.4642, lng: 9.19 }, employmentStatus: 'at_risk',
      });
      expect(res.status).toBe(201);
      expect(res.body.home).toMatchObject({ lat: 45.4642, lng: 9.19, municipality: 'Milano', province: 'MI', region: 'ITC4' });
    });

    it('infers the essential skills of a previous occupation at level 2, while a declared skill wins', async () => {
      const res = await admin.request('POST', '/api/v1/workers', {
        name: 'Luca Bianchi',
        email: email(),
        home: { municipality: '001272' },
        employmentStatus: 'displaced',
        previousOccupations: [{ occupationId: ESCO.occupation.welder, years: 15 }],
        skills: [{ skillId: ESCO.skill.magWelding, level: 4 }],
      });
      expect(res.status).toBe(201);
      const essential: { skill_id: string }[] = await t.db.query(
        `select skill_id from occupation_skill where occupation_id = $1 and relation_type = 'essential'`,
        [ESCO.occupation.welder],
      );
      expect(essential.length).toBeGreaterThan(5);
      const bySkill = new Map(res.body.skills.map((s: any) => [s.skillId, s]));
      for (const { skill_id } of essential) {
        if (skill_id === ESCO.skill.magWelding) continue;
        expect(bySkill.get(skill_id)).toMatchObject({ level: 2, source: 'inferred' });
      }
      expect(bySkill.get(ESCO.skill.magWelding)).toMatchObject({ level: 4, source: 'declared' });
      expect(res.body.previousOccupations).toEqual([
        expect.objectContaining({ occupationId: ESCO.occupation.welder, years: 15, label: expect.stringMatching(/saldat/i) }),
      ]);
    });

    it.each([
      ['an unknown skill id', { skills: [{ skillId: UNKNOWN_ID, level: 2 }] }, 'skills[0].skillId'],
      ['a level above 4', { skills: [{ skillId: ESCO.skill.tigWelding, level: 5 }] }, 'skills[0].level'],
      ['a level below 1', { skills: [{ skillId: ESCO.skill.tigWelding, level: 0 }] }, 'skills[0].level'],
      ['an unknown occupation', { previousOccupations: [{ occupationId: UNKNOWN_ID, years: 2 }] }, 'previousOccupations[0].occupationId'],
      ['a latitude out of range', { home: { lat: 91, lng: 7 } }, 'home.lat'],
      ['a longitude out of range', { home: { lat: 45, lng: 181 } }, 'home.lng'],
      ['an unknown municipality', { home: { municipality: 'Atlantide' } }, 'home.municipality'],
      ['no location at all', { home: {} }, 'home'],
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['an unknown employment status', { employmentStatus: 'retired' }, 'employmentStatus'],
      ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
      ['a skill listed twice', { skills: [{ skillId: ESCO.skill.tigWelding, level: 2 }, { skillId: ESCO.skill.tigWelding, level: 3 }] }, 'skills[1].skillId'],
    ])('rejects %s with 400 naming %s, writing nothing', async (_label, patch, field) => {
      const before = await countWorkers();
      const res = await admin.request('POST', '/api/v1/workers', {
        name: 'Bad Input', email: email(), home: { municipality: 'Torino' }, employmentStatus: 'displaced', ...patch,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), correlationId: expect.any(String) });
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect(res.body.errors.find((e: any) => e.field === field).reason).toEqual(expect.any(String));
      expect(await countWorkers()).toBe(before);
    });

    it('refuses a second worker with the same email (any case) with 409', async () => {
      const address = email();
      const body = { name: 'A', email: address, home: { municipality: 'Torino' }, employmentStatus: 'employed' };
      expect((await admin.request('POST', '/api/v1/workers', body)).status).toBe(201);
      const again = await admin.request('POST', '/api/v1/workers', { ...body, email: address.toUpperCase() });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('WORKER.EMAIL_TAKEN');
    });

    it('asks for the province when a municipality name is ambiguous', async () => {
      const res = await admin.request('POST', '/api/v1/workers', {
        name: 'A', email: email(), home: { municipality: 'Samone' }, employmentStatus: 'employed',
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('LOCATION.AMBIGUOUS_MUNICIPALITY');
      const ok = await admin.request('POST', '/api/v1/workers', {
        name: 'A', email: email(), home: { municipality: 'Samone', province: 'TO' }, employmentStatus: 'employed',
      });
      expect(ok.status).toBe(201);
      expect(ok.body.home.province).toBe('TO');
    });
  });

  describe('GET, PATCH, PUT skills, DELETE', () => {
    let id: string;

    beforeEach(async () => {
      const res = await admin.request('POST', '/api/v1/workers', {
        name: 'Sara Russo', email: email(), home: { municipality: 'Torino' }, employmentStatus: 'at_risk',
        previousOccupations: [{ occupationId: ESCO.occupation.welder, years: 8 }],
      });
      id = res.body.id;
    });

    it('reads a worker with labels in the requested language', async () => {
      const it = await admin.request('GET', `/api/v1/workers/${id}?lang=it`);
      const en = await admin.request('GET', `/api/v1/workers/${id}`, undefined, { 'accept-language': 'en-GB,en;q=0.9' });
      expect(it.status).toBe(200);
      expect(it.body.previousOccupations[0].label).toMatch(/saldat/i);
      expect(en.body.previousOccupations[0].label).toBe('welder');
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const missing = await admin.request('GET', `/api/v1/workers/${UNKNOWN_ID}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('WORKER.NOT_FOUND');
      const malformed = await admin.request('GET', '/api/v1/workers/not-a-uuid');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('id');
    });

    it('patches fields, bumps the version, and leaves the rest alone', async () => {
      const res = await admin.request('PATCH', `/api/v1/workers/${id}`, { mobilityRadiusKm: 80, visibleToEmployers: true, home: { municipality: 'Milano' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mobilityRadiusKm: 80, visibleToEmployers: true, name: 'Sara Russo', version: 2 });
      expect(res.body.home).toMatchObject({ municipality: 'Milano', region: 'ITC4' });
    });

    it('removing a previous occupation removes the skills inferred only from it', async () => {
      const res = await admin.request('PATCH', `/api/v1/workers/${id}`, { previousOccupations: [] });
      expect(res.status).toBe(200);
      expect(res.body.skills.filter((s: any) => s.source === 'inferred')).toEqual([]);
    });

    it('rejects a bad patch with 400 and changes nothing', async () => {
      const before = await admin.request('GET', `/api/v1/workers/${id}`);
      const res = await admin.request('PATCH', `/api/v1/workers/${id}`, { mobilityRadiusKm: -5, name: 'Changed' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toEqual(['mobilityRadiusKm']);
      expect((await admin.request('GET', `/api/v1/workers/${id}`)).body).toEqual(before.body);
    });

    it('PUT skills replaces the whole set', async () => {
      const res = await admin.request('PUT', `/api/v1/workers/${id}/skills`, {
        skills: [{ skillId: ESCO.skill.tigWelding, level: 4, source: 'certified' }],
      });
      expect(res.status).toBe(200);
      expect(res.body.skills).toEqual([expect.objectContaining({ skillId: ESCO.skill.tigWelding, level: 4, source: 'certified' })]);
    });

    it('PUT skills with an unknown skill answers 400 and keeps the old set', async () => {
      const before = await admin.request('GET', `/api/v1/workers/${id}`);
      const res = await admin.request('PUT', `/api/v1/workers/${id}/skills`, { skills: [{ skillId: UNKNOWN_ID, level: 2 }] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('skills[0].skillId');
      expect((await admin.request('GET', `/api/v1/workers/${id}`)).body.skills).toEqual(before.body.skills);
    });

    it('deletes a worker and its skills', async () => {
      expect((await admin.request('DELETE', `/api/v1/workers/${id}`)).status).toBe(204);
      expect((await admin.request('GET', `/api/v1/workers/${id}`)).status).toBe(404);
      expect(await t.db.query(`select 1 from worker_skill where worker_id = $1`, [id])).toEqual([]);
      expect((await admin.request('DELETE', `/api/v1/workers/${id}`)).status).toBe(404);
    });
  });

  describe('GET /api/v1/workers (list)', () => {
    it('pages with a cursor and filters by region and status', async () => {
      const tag = randomUUID().slice(0, 8);
      for (let i = 0; i < 3; i++) {
        await admin.request('POST', '/api/v1/workers', { name: `L ${tag} ${i}`, email: email(), home: { municipality: 'Brescia' }, employmentStatus: 'unemployed' });
      }
      const first = await admin.request('GET', '/api/v1/workers?limit=2&region=ITC4&employmentStatus=unemployed');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await admin.request('GET', `/api/v1/workers?limit=2&region=ITC4&employmentStatus=unemployed&cursor=${first.body.nextCursor}`);
      const ids = [...first.body.items, ...second.body.items].map((w: any) => w.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const w of [...first.body.items, ...second.body.items]) expect(w).toMatchObject({ employmentStatus: 'unemployed', home: { region: 'ITC4' } });
    });

    it('rejects a limit over 100 and a forged cursor', async () => {
      expect((await admin.request('GET', '/api/v1/workers?limit=101')).body.errors[0].field).toBe('limit');
      const forged = await admin.request('GET', '/api/v1/workers?cursor=garbage');
      expect(forged.status).toBe(400);
      expect(forged.body.errors[0].field).toBe('cursor');
    });
  });
});
