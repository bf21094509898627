import { INestApplicationContext } from '@nestjs/common';
// Waits on the worker app (expiry, coalescing windows) on a machine that may be busy.
jest.setTimeout(120_000);
import { QueueEvents } from 'bullmq';
import { JobName, QueueName } from '@ricarica/queue';
import { clearRecordsWithSkills } from './support/cleanup';
import { partitaIva } from './support/fixtures';
import { Client, createTestApp, TestApp } from './support/test-app';
import { eventually, startWorkerApp } from './support/worker-app';

// Sibling ESCO skills under one group, shared only by the matching specs (cleared before each run).
const LATIN = '96e70743-6a84-4fee-b226-fe10cddb266e';
const ANCIENT_GREEK = '896b0b7f-e793-4b3f-a7a6-4ab1d237f695';
const SANSKRIT = '45289df8-d02d-4f08-9802-2c7deae944ad';

describe('matching coalesces bursts and expires vacancies on time (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: Client;
  let events: QueueEvents;
  let employerId: string;
  /** Matching syncs that recomputed at least one worker, as the queue reports them. */
  const recomputations: { changedWorkers: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    await clearRecordsWithSkills(t.db, [LATIN, ANCIENT_GREEK, SANSKRIT]);
    employerId = (await admin.request('POST', '/api/v1/employers', { name: 'Archivio Campidano S.r.l.', vatNumber: partitaIva() })).body.id;
    worker = await startWorkerApp(t.env);
    events = new QueueEvents(QueueName.Matching, { connection: { host: '127.0.0.1', port: 6379 }, prefix: t.env.QUEUE_PREFIX });
    await events.waitUntilReady();
    events.on('completed', ({ returnvalue }) => {
      const report = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as { mode: string; changedWorkers: number };
      if (report?.changedWorkers > 0) recomputations.push(report);
    });
  });

  afterAll(async () => {
    await events.close();
    await worker.close();
    await t.close();
  });

  const createVacancy = async (municipality: string, expiresAt: string) => {
    const res = await admin.request('POST', '/api/v1/vacancies', {
      employerId,
      title: 'Archivista di fondi antichi',
      location: { municipality },
      contractType: 'fixed_term',
      status: 'open',
      expiresAt,
      requirements: [{ skillId: LATIN, importance: 'essential', minLevel: 2 }],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const createWorker = async (mobilityRadiusKm: number) => {
    const res = await admin.request('POST', '/api/v1/workers', {
      name: 'Bonaria Atzeni',
      email: `bonaria-${Date.now()}-${Math.random()}@example.it`,
      home: { municipality: 'Cagliari' },
      mobilityRadiusKm,
      employmentStatus: 'at_risk',
      skills: [{ skillId: LATIN, level: 3 }],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const storedFor = async (workerId: string) =>
    (await t.db.query(`select vacancy_id from worker_match where worker_id = $1`, [workerId])).map((r: { vacancy_id: string }) => r.vacancy_id);

  const settled = (workerId: string) =>
    eventually(async () => ((await admin.request('GET', `/api/v1/workers/${workerId}/matches`)).body.stale === false ? true : undefined), 30000, 'matches up to date');

  it('a hundred edits of one worker within a second cause at most two recomputations, and the last edit wins', async () => {
    // Iglesias is about 49 km from Cagliari: in reach at 60 km, out of reach at 10.
    const far = await createVacancy('Iglesias', '2031-06-30T23:59:59+02:00');
    const workerId = await createWorker(60);
    await eventually(async () => ((await storedFor(workerId)).includes(far) ? true : undefined), 30000, 'vacancy in reach');
    await settled(workerId);
    await new Promise((r) => setTimeout(r, 1500));
    recomputations.length = 0;

    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 99 }, (_, i) => admin.request('PATCH', `/api/v1/workers/${workerId}`, { mobilityRadiusKm: i % 2 === 0 ? 10 : 60 })));
    expect(burst.map((r) => r.status)).toEqual(Array(99).fill(200));
    expect((await admin.request('PATCH', `/api/v1/workers/${workerId}`, { mobilityRadiusKm: 10 })).status).toBe(200);
    const seconds = Math.ceil((Date.now() - started) / 1000);
    await settled(workerId);
    // Jobs still waiting would show up here: give them the time to run.
    await new Promise((r) => setTimeout(r, 2500));

    // A sync waits a second for the rest of a burst, then one more runs for what came while it ran:
    // two for a burst within a second (a slower machine spreading the requests gets one more a second).
    expect(recomputations.length).toBeGreaterThanOrEqual(1);
    expect(recomputations.length).toBeLessThanOrEqual(1 + seconds);
    expect(await storedFor(workerId)).not.toContain(far);
  });

  it('a vacancy leaves every stored list when it expires, without any request', async () => {
    // A sweep every second: expiry needs no request, only the repeatable job. Queues of their own, so
    // the first app's scheduler (one sweep a minute, its next run already planned) is not in the way.
    await worker.close();
    const prefix = `${t.env.QUEUE_PREFIX}e`;
    const sweeps = new QueueEvents(QueueName.Matching, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    await sweeps.waitUntilReady();
    // A new worker process first rebuilds from PostgreSQL, which takes longer the more the shared test
    // database holds: wait for it, so the few seconds before expiry are all spent on this vacancy.
    const rebuilt = new Promise<void>((resolve) =>
      sweeps.on('completed', ({ returnvalue }) => {
        const report = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as { mode?: string };
        if (report?.mode === 'rebuild') resolve();
      }),
    );
    worker = await startWorkerApp({ ...t.env, QUEUE_PREFIX: prefix, MATCHING_SWEEP_MS: '1000' });
    await rebuilt;
    await sweeps.close();
    const soon = new Date(Date.now() + 6000).toISOString();
    const vacancyId = await createVacancy("Quartu Sant'Elena", soon);
    const workerId = await createWorker(30);
    await eventually(async () => ((await storedFor(workerId)).includes(vacancyId) ? true : undefined), 30000, 'listed before expiry');
    // From here on nothing is written and nothing is asked of the API: only the sweep runs.
    await eventually(async () => ((await storedFor(workerId)).includes(vacancyId) ? undefined : true), 60000, 'gone after expiry');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(soon));
    const [candidates] = await t.db.query(`select count(*)::int as n from vacancy_candidate where vacancy_id = $1`, [vacancyId]);
    expect(candidates.n).toBe(0);
  });
});
