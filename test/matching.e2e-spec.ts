import { INestApplicationContext } from '@nestjs/common';
import { Client, createTestApp, TestApp } from './support/test-app';
import { candidateRef, candidateRefKey } from '@ricarica/applications';
import { WORKER_MATCH_ORDER } from '@ricarica/matches';
import { clearRecordsWithSkills } from './support/cleanup';
import { TEST_JWT_SECRET } from './support/test-env';
import { eventually, startWorkerApp } from './support/worker-app';

// Three sibling skills under one ESCO skill group (so each is "related" to the others), used by no
// other test: the lists below hold only what this file creates.
const LATIN = '96e70743-6a84-4fee-b226-fe10cddb266e';
const ANCIENT_GREEK = '896b0b7f-e793-4b3f-a7a6-4ab1d237f695';
const SANSKRIT = '45289df8-d02d-4f08-9802-2c7deae944ad';
const FUTURE = '2031-06-30T23:59:59+02:00';

describe('matching through the real queue (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let admin: Client;
  let employerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    employerId = (await admin.request('POST', '/api/v1/employers', { name: 'Classici Sardi S.r.l.', vatNumber: await freshVat() })).body.id;
    await clearRecordsWithSkills(t.db, [LATIN, ANCIENT_GREEK, SANSKRIT]);
    worker = await startWorkerApp(t.env);
  });

  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  async function freshVat(): Promise<string> {
    const { partitaIva } = await import('./support/fixtures');
    return partitaIva();
  }

  const createWorker = async (patch: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/v1/workers', {
      name: 'Efisio Melis',
      email: `efisio-${Date.now()}-${Math.random()}@example.it`,
      home: { municipality: 'Cagliari' },
      mobilityRadiusKm: 30,
      employmentStatus: 'displaced',
      visibleToEmployers: true,
      skills: [{ skillId: SANSKRIT, level: 2 }],
      ...patch,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const createVacancy = async (patch: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/v1/vacancies', {
      employerId,
      title: 'Traduttore di testi classici',
      location: { municipality: 'Quartu Sant\'Elena' },
      contractType: 'permanent',
      status: 'open',
      expiresAt: FUTURE,
      requirements: [
        { skillId: LATIN, importance: 'essential', minLevel: 2 },
        { skillId: ANCIENT_GREEK, importance: 'optional', minLevel: 2 },
      ],
      ...patch,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** The worker's matches once they reflect its current version. */
  const matchesOf = (workerId: string) =>
    eventually(async () => {
      const res = await admin.request('GET', `/api/v1/workers/${workerId}/matches?lang=en`);
      return res.status === 200 && !res.body.stale ? res.body : undefined;
    }, 30000, `matches of ${workerId} up to date`);

  /** Waits until the stored lists satisfy `check` (for changes that do not touch the worker itself). */
  const until = <T>(check: () => Promise<T | undefined>, what: string) => eventually(check, 30000, what);

  const scoreIn = (body: any, vacancyId: string): number | undefined => body.items.find((i: any) => i.vacancy.id === vacancyId)?.score;

  it('scores a worker against a vacancy, with related skills earning half credit, and rescores when skills change', async () => {
    const vacancyId = await createVacancy();
    const workerId = await createWorker();

    // Sanskrit is related to both requirements: (2·0.5 + 1·0.5) / 3 = 0.5.
    const before = await until(async () => {
      const body = await matchesOf(workerId);
      return scoreIn(body, vacancyId) !== undefined ? body : undefined;
    }, 'vacancy in the worker list');
    const entry = before.items.find((i: any) => i.vacancy.id === vacancyId);
    expect(entry).toMatchObject({ score: 0.5, matched: [], vacancy: { title: 'Traduttore di testi classici', employer: { id: employerId } } });
    expect(entry.distanceKm).toBeGreaterThan(0);
    expect(entry.gap.map((g: any) => [g.skillId, g.credit, g.relatedSkill?.skillId])).toEqual([
      [LATIN, 0.5, SANSKRIT],
      [ANCIENT_GREEK, 0.5, SANSKRIT],
    ]);
    expect(entry.explanation).toBe('You lack the one essential skill: Latin (intermediate level), close to Sanskrit which you already know.');

    // With Latin itself: (2·1 + 1·0.5) / 3 = 0.8333.
    expect((await admin.request('PUT', `/api/v1/workers/${workerId}/skills`, { skills: [{ skillId: LATIN, level: 3 }] })).status).toBe(200);
    const after = await matchesOf(workerId);
    expect(scoreIn(after, vacancyId)).toBe(0.8333);
  });

  it('shows a vacancy its consenting candidates, moves them when requirements change and drops them when it closes', async () => {
    const visible = await createWorker({ skills: [{ skillId: LATIN, level: 2 }, { skillId: ANCIENT_GREEK, level: 1 }] });
    const hidden = await createWorker({ visibleToEmployers: false, skills: [{ skillId: LATIN, level: 4 }] });
    const vacancyId = await createVacancy();

    // Candidates carry no worker id: the test knows their references the way the API signs them.
    const key = candidateRefKey(TEST_JWT_SECRET);
    const refOf = (workerId: string) => candidateRef(key, vacancyId, workerId);
    const candidates = () => admin.request('GET', `/api/v1/vacancies/${vacancyId}/candidates?lang=it`).then((r) => r.body);
    const first = await until(async () => {
      const body = await candidates();
      return body.items?.some((c: any) => c.ref === refOf(visible)) ? body : undefined;
    }, 'candidate listed');
    // Latin met, Greek at level 1 of 2: (2·1 + 1·0.5) / 3.
    const mine = first.items.find((c: any) => c.ref === refOf(visible));
    expect(mine).toMatchObject({ score: 0.8333, municipality: 'Cagliari', province: 'CA', employmentStatus: 'displaced', revealed: false, applicant: null });
    expect(JSON.stringify(mine)).not.toContain(visible);
    expect(first.items.map((c: any) => c.ref)).not.toContain(refOf(hidden));

    // Greek becomes essential at level 1: the visible worker now meets everything.
    const patched = await admin.request('PATCH', `/api/v1/vacancies/${vacancyId}`, {
      requirements: [
        { skillId: LATIN, importance: 'essential', minLevel: 2 },
        { skillId: ANCIENT_GREEK, importance: 'essential', minLevel: 1 },
      ],
    });
    expect(patched.status).toBe(200);
    await until(async () => ((await candidates()).items?.find((c: any) => c.ref === refOf(visible))?.score === 1 ? true : undefined), 'score moved to 1');

    expect((await admin.request('PATCH', `/api/v1/vacancies/${vacancyId}`, { status: 'closed' })).status).toBe(200);
    await until(async () => ((await candidates()).items?.length === 0 ? true : undefined), 'candidates gone');
    const stored = await t.db.query(`select count(*)::int as n from worker_match where vacancy_id = $1`, [vacancyId]);
    expect(stored[0].n).toBe(0);
    // A closed vacancy has nothing left to recompute: not stale, and no bookkeeping kept for it.
    await until(async () => ((await t.db.query(`select 1 from match_state where subject_id = $1`, [vacancyId])).length === 0 ? true : undefined), 'state forgotten');
    expect((await candidates()).stale).toBe(false);
  });

  it('applies every change made while the worker app was stopped once it is back', async () => {
    const workerId = await createWorker({ skills: [{ skillId: LATIN, level: 2 }] });
    const keep = await createVacancy();
    const drop = await createVacancy();
    await until(async () => {
      const body = await matchesOf(workerId);
      return scoreIn(body, keep) !== undefined && scoreIn(body, drop) !== undefined ? true : undefined;
    }, 'both vacancies listed');

    await worker!.close();
    worker = undefined;
    const added = await createVacancy({ requirements: [{ skillId: LATIN, importance: 'essential', minLevel: 1 }] });
    expect((await admin.request('DELETE', `/api/v1/vacancies/${drop}`)).status).toBe(204);
    expect((await admin.request('PUT', `/api/v1/workers/${workerId}/skills`, { skills: [{ skillId: LATIN, level: 1 }] })).status).toBe(200);
    const unsent = await t.db.query(`select count(*)::int as n from outbox where sent_at is null`);
    expect(unsent[0].n).toBeGreaterThanOrEqual(3);

    worker = await startWorkerApp(t.env);
    const body = await until(async () => {
      const b = await matchesOf(workerId);
      return scoreIn(b, added) !== undefined ? b : undefined;
    }, 'changes applied after restart');
    // Latin at level 1: against minLevel 2 half credit; Greek related to Latin: (2·0.5 + 1·0.25) / 3 = 0.4167.
    expect(scoreIn(body, keep)).toBe(0.4167);
    expect(scoreIn(body, added)).toBe(1);
    expect(scoreIn(body, drop)).toBeUndefined();
  });

  it('relaying the same outbox row twice has one effect', async () => {
    const workerId = await createWorker({ skills: [{ skillId: LATIN, level: 3 }] });
    const vacancyId = await createVacancy();
    const first = await until(async () => {
      const b = await matchesOf(workerId);
      return scoreIn(b, vacancyId) !== undefined ? b : undefined;
    }, 'listed');
    const rowsBefore = await t.db.query(`select vacancy_id, score, computed_at from worker_match m where worker_id = $1 order by ${WORKER_MATCH_ORDER}`, [workerId]);

    // Mark the worker's last outbox row unsent again: the relay sends it a second time.
    await t.db.query(
      `update outbox set sent_at = null where id = (select max(id) from outbox where topic = 'worker.changed' and payload->>'workerId' = $1)`,
      [workerId],
    );
    await until(async () => ((await t.db.query(`select count(*)::int as n from outbox where sent_at is null`))[0].n === 0 ? true : undefined), 'relayed again');
    await new Promise((r) => setTimeout(r, 500));

    const second = await matchesOf(workerId);
    expect(second.items).toEqual(first.items);
    expect(await t.db.query(`select vacancy_id, score, computed_at from worker_match m where worker_id = $1 order by ${WORKER_MATCH_ORDER}`, [workerId])).toEqual(rowsBefore);
  });
});
