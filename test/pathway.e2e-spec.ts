import { INestApplicationContext } from '@nestjs/common';
// A worker app that first rebuilds every list of the shared test database can take a while.
jest.setTimeout(240_000);
import { partitaIva } from './support/fixtures';
import { Client, createTestApp, TestApp } from './support/test-app';
import { clearRecordsWithSkills } from './support/cleanup';
import { eventually, startWorkerApp } from './support/worker-app';

// Sibling skills under one ESCO group (related to each other), used only by the matching tests.
const LATIN = '96e70743-6a84-4fee-b226-fe10cddb266e';
const ANCIENT_GREEK = '896b0b7f-e793-4b3f-a7a6-4ab1d237f695';
const SANSKRIT = '45289df8-d02d-4f08-9802-2c7deae944ad';
const SOON = { startsAt: '2031-01-10T09:00:00+01:00', endsAt: '2031-03-10T18:00:00+01:00', seats: 12 };

describe('retraining pathways (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: Client;
  let providerId: string;
  let workerId: string;
  let vacancyId: string;
  const courses: Record<string, string> = {};

  const course = async (key: string, body: Record<string, unknown>) => {
    const res = await admin.request('POST', '/api/v1/courses', { providerId, language: 'it', status: 'published', funding: ['GOL'], ...body });
    expect(res.status).toBe(201);
    courses[key] = res.body.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    await clearRecordsWithSkills(t.db, [LATIN, ANCIENT_GREEK, SANSKRIT]);
    worker = await startWorkerApp(t.env);
    const employerId = (await admin.request('POST', '/api/v1/employers', { name: 'Biblioteca Sarda S.r.l.', vatNumber: partitaIva() })).body.id;
    providerId = (await admin.request('POST', '/api/v1/providers', { name: 'Scuola di Lingue Antiche' })).body.id;
    vacancyId = (
      await admin.request('POST', '/api/v1/vacancies', {
        employerId,
        title: 'Catalogatore di manoscritti',
        location: { municipality: 'Cagliari' },
        contractType: 'fixed_term',
        status: 'open',
        expiresAt: '2031-06-30T23:59:59+02:00',
        requirements: [
          { skillId: LATIN, importance: 'essential', minLevel: 2 },
          { skillId: ANCIENT_GREEK, importance: 'essential', minLevel: 3 },
          { skillId: SANSKRIT, importance: 'optional', minLevel: 2 },
        ],
      })
    ).body.id;
    // Reachable: in person in Cagliari with a session soon; online and self-paced, but needing Latin first.
    await course('latin', { title: 'Latino di base', mode: 'in_person', location: { municipality: 'Cagliari' }, hours: 40, costEur: 0, skillsTaught: [{ skillId: LATIN, targetLevel: 2 }], sessions: [SOON] });
    await course('greek', { title: 'Greco antico', mode: 'online', hours: 60, costEur: 150, skillsTaught: [{ skillId: ANCIENT_GREEK, targetLevel: 3 }], prerequisites: [LATIN] });
    // Not takeable: too far, only past sessions, or no seats left.
    await course('far', { title: 'Sanscrito a Milano', mode: 'in_person', location: { municipality: 'Milano' }, hours: 10, skillsTaught: [{ skillId: SANSKRIT, targetLevel: 2 }], sessions: [SOON] });
    await course('past', { title: 'Sanscrito (concluso)', mode: 'in_person', location: { municipality: 'Cagliari' }, hours: 10, skillsTaught: [{ skillId: SANSKRIT, targetLevel: 2 }], sessions: [{ startsAt: '2020-01-10T09:00:00+01:00', endsAt: '2020-02-10T18:00:00+01:00', seats: 10 }] });
    await course('full', { title: 'Sanscrito online (completo)', mode: 'online', hours: 10, skillsTaught: [{ skillId: SANSKRIT, targetLevel: 2 }], sessions: [{ ...SOON, seats: 0 }] });
    workerId = (
      await admin.request('POST', '/api/v1/workers', {
        name: 'Maria Pinna',
        email: `maria-${Date.now()}@example.it`,
        home: { municipality: 'Cagliari' },
        mobilityRadiusKm: 20,
        employmentStatus: 'displaced',
        skills: [{ skillId: SANSKRIT, level: 1 }],
      })
    ).body.id;
    await eventually(async () => {
      const res = await admin.request('GET', `/api/v1/workers/${workerId}/matches`);
      return res.body.items?.some((i: any) => i.vacancy.id === vacancyId) ? true : undefined;
    }, 90000, 'vacancy in the worker matches');
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('plans the reachable courses that close the gap, prerequisites first, with the score before and after', async () => {
    const res = await admin.request('GET', `/api/v1/workers/${workerId}/matches/${vacancyId}/pathway?lang=en`);
    expect(res.status).toBe(200);
    // Earlier runs on the same database may have left identical courses: compare what they are.
    expect(res.body.courses.map((c: any) => c.title)).toEqual(['Latino di base', 'Greco antico']);
    expect(res.body.courses[0]).toMatchObject({ title: 'Latino di base', hours: 40, mode: 'in_person', nextSession: { seats: 12 }, covers: [{ skillId: LATIN }] });
    expect(res.body.courses[1]).toMatchObject({ mode: 'online', nextSession: null, covers: [{ skillId: ANCIENT_GREEK }] });
    // Before: Latin 6/24 and Greek 4/24 via related Sanskrit (weight 2), Sanskrit itself 12/24 (weight 1): 32/120.
    // After: Latin and Greek held at the taught levels, Sanskrit unchanged: (48 + 48 + 12) / 120.
    expect(res.body).toMatchObject({ totalHours: 100, totalCostEur: 150, scoreBefore: 0.2667, scoreAfter: 0.9 });
    expect(res.body.uncovered).toEqual([expect.objectContaining({ skillId: SANSKRIT, importance: 'optional', credit: 0.5 })]);
  });

  it('scoreAfter equals the score the worker gets once it holds the taught skills', async () => {
    const put = await admin.request('PUT', `/api/v1/workers/${workerId}/skills`, {
      skills: [{ skillId: SANSKRIT, level: 1 }, { skillId: LATIN, level: 2, source: 'certified' }, { skillId: ANCIENT_GREEK, level: 3, source: 'certified' }],
    });
    expect(put.status).toBe(200);
    const score = await eventually(async () => {
      const res = await admin.request('GET', `/api/v1/workers/${workerId}/matches`);
      return res.body.stale ? undefined : res.body.items.find((i: any) => i.vacancy.id === vacancyId)?.score;
    }, 90000, 'rescored');
    expect(score).toBe(0.9);
    await admin.request('PUT', `/api/v1/workers/${workerId}/skills`, { skills: [{ skillId: SANSKRIT, level: 1 }] });
  });

  it('lists the best pathways across the top matches with a plain summary', async () => {
    await eventually(async () => ((await admin.request('GET', `/api/v1/workers/${workerId}/matches`)).body.stale ? undefined : true), 30000, 'rescored back');
    const res = await admin.request('GET', `/api/v1/workers/${workerId}/pathways?lang=it`);
    expect(res.status).toBe(200);
    const mine = res.body.items.find((p: any) => p.vacancies.some((v: any) => v.vacancyId === vacancyId));
    expect(mine).toMatchObject({ totalHours: 100, courses: [{ title: 'Latino di base' }, { title: 'Greco antico' }] });
    expect(mine.summary).toMatch(/^Questi 2 corsi, 100 ore, ti portano almeno a 0,\d\d di compatibilità per \d+ offert[ae]\.$/);
  });

  it('answers 404 for an unknown vacancy and 400 for a malformed id', async () => {
    expect((await admin.request('GET', `/api/v1/workers/${workerId}/matches/00000000-0000-4000-8000-000000000000/pathway`)).status).toBe(404);
    const bad = await admin.request('GET', `/api/v1/workers/${workerId}/matches/nope/pathway`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('vacancyId');
  });
});
