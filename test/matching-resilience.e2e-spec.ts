import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { MatchingPopulationLoader, WORKER_MATCH_ORDER } from '@ricarica/matches';
import { referenceLists } from '@ricarica/matching';
import { freePort } from '../scripts/meilisearch';
import { JobName, QueueName } from '@ricarica/queue';
import { startRedis, spawnWorker, stop } from './support/processes';
import { createTestApp, TestApp } from './support/test-app';
import { eventually } from './support/worker-app';

// Sibling ESCO skills used by no other test, and a place no other test uses: the lists of this
// file's workers and vacancies hold only this file's records.
const SKILLS = ['96e70743-6a84-4fee-b226-fe10cddb266e', '896b0b7f-e793-4b3f-a7a6-4ab1d237f695', '45289df8-d02d-4f08-9802-2c7deae944ad'];
const WORKERS = 3000;
// Two worker processes booting, a rebuild each, lock expiry: more than the default minute.
jest.setTimeout(180_000);
const VACANCIES = 80;

/** Inserts a seeded population around Cagliari in bulk; returns its ids. */
async function insertPopulation(db: DataSource, tag: string): Promise<{ workers: string[]; vacancies: string[]; employerId: string }> {
  await db.query(`select setseed(0.42)`);
  const workers: { id: string }[] = await db.query(
    `insert into worker (name, home_lat, home_lng, home_municipality, home_province, home_region, mobility_radius_km, employment_status, visible_to_employers)
     select $1 || g, 39.15 + random() * 0.3, 9.0 + random() * 0.3, 'Cagliari', 'CA', 'ITG2', 10 + (g % 30), 'displaced', random() < 0.6
       from generate_series(1, $2) g returning id`,
    [`${tag} `, WORKERS],
  );
  await db.query(
    `insert into worker_skill (worker_id, skill_id, level, source)
     select w.id, s.skill, 1 + floor(random() * 4)::int, 'declared'
       from unnest($1::uuid[]) w(id) cross join unnest($2::uuid[]) s(skill) where random() < 0.5`,
    [workers.map((w) => w.id), SKILLS],
  );
  const [employer] = await db.query(`insert into employer (name, vat_number) values ($1, $2) returning id`, [tag, `IT${Date.now() % 1e11}`]);
  const vacancies: { id: string }[] = await db.query(
    `insert into vacancy (employer_id, title, location_lat, location_lng, location_municipality, location_province, location_region,
                          remote, contract_type, status, expires_at)
     select $1, $2 || g, 39.15 + random() * 0.3, 9.0 + random() * 0.3, 'Cagliari', 'CA', 'ITG2', g % 10 = 0, 'permanent', 'open', '2031-06-30'
       from generate_series(1, $3) g returning id`,
    [employer.id, `${tag} `, VACANCIES],
  );
  await db.query(
    `insert into vacancy_requirement (vacancy_id, skill_id, importance, min_level)
     select v.id, s.skill, case when random() < 0.6 then 'essential' else 'optional' end, 1 + floor(random() * 4)::int
       from unnest($1::uuid[]) v(id) cross join unnest($2::uuid[]) s(skill) where random() < 0.7`,
    [vacancies.map((v) => v.id), SKILLS],
  );
  return { workers: workers.map((w) => w.id), vacancies: vacancies.map((v) => v.id), employerId: employer.id };
}

/** The stored lists of these workers and vacancies equal a brute-force scoring of PostgreSQL's current state. */
async function expectListsMatchReference(db: DataSource, workerIds: string[], vacancyIds: string[]): Promise<void> {
  const loader = new MatchingPopulationLoader(db);
  const { skills, relatedness } = await loader.taxonomy();
  // Everyone these skills reach (other files' records with them included), so the reference is whole.
  const reached = async (sql: string) => ((await db.query(sql, [SKILLS])) as { id: string }[]).map((r) => r.id);
  const allWorkers = await reached(`select distinct worker_id as id from worker_skill where skill_id = any($1::uuid[])`);
  const allVacancies = await reached(`select distinct vacancy_id as id from vacancy_requirement where skill_id = any($1::uuid[])`);
  const workers = (await loader.workers(skills, allWorkers)).map((w) => w.record);
  const vacancies = (await loader.openVacancies(skills, allVacancies)).map((v) => v.record);
  const expected = referenceLists(workers, vacancies, relatedness, new Date(), { worker: 50, vacancy: 200 });
  const storedWorkers: { worker_id: string; list: string[] }[] = await db.query(
    `select worker_id, array_agg(vacancy_id || ' ' || score order by ${WORKER_MATCH_ORDER}) as list from worker_match m where worker_id = any($1::uuid[]) group by worker_id`,
    [workerIds],
  );
  const storedVacancies: { vacancy_id: string; list: string[] }[] = await db.query(
    `select vacancy_id, array_agg(worker_id || ' ' || score order by rank) as list from vacancy_candidate where vacancy_id = any($1::uuid[]) group by vacancy_id`,
    [vacancyIds],
  );
  const fmt = (n: number) => n.toFixed(4);
  const want = (map: Map<string, { score: number }[]>, ids: string[], key: (e: any) => string) =>
    Object.fromEntries(ids.filter((id) => (map.get(id) ?? []).length > 0).map((id) => [id, map.get(id)!.map((e) => `${key(e)} ${fmt(e.score)}`)]));
  expect(Object.fromEntries(storedWorkers.map((r) => [r.worker_id, r.list]))).toEqual(want(expected.workers, workerIds, (e) => e.vacancyId));
  expect(Object.fromEntries(storedVacancies.map((r) => [r.vacancy_id, r.list]))).toEqual(want(expected.vacancies, vacancyIds, (e) => e.workerId));
}

describe('matching survives a killed worker and a Redis restart (e2e, separate processes)', () => {
  let t: TestApp;
  let redisPort: number;
  let redis: ChildProcess;
  let queue: Queue;
  let worker: ChildProcess | undefined;
  let population: { workers: string[]; vacancies: string[]; employerId: string };
  let workerEnv: Record<string, string>;
  const tag = `resilience-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    workerEnv = { ...t.env, LOG_LEVEL: 'info', OUTBOX_POLL_MS: '50', MATCHING_LOCK_MS: '3000', MATCHING_STALLED_INTERVAL_MS: '1000', MATCHING_SWEEP_MS: '5000' };
    queue = new Queue(QueueName.Matching, { connection: { host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: null }, prefix: t.env.QUEUE_PREFIX });
    // A run that was killed leaves its population behind: clear it first.
    await t.db.query(`delete from worker where name like 'resilience-%'`);
    await t.db.query(`delete from employer where name like 'resilience-%'`);
    population = await insertPopulation(t.db, tag);
  });

  afterAll(async () => {
    if (worker) await stop(worker);
    await queue.close();
    await t.db.query(`delete from worker where name like $1`, [`${tag} %`]);
    await t.db.query(`delete from employer where id = $1`, [population.employerId]);
    await t.close();
    await stop(redis);
  });

  const activeJob = () => eventually(async () => ((await queue.getActiveCount()) > 0 ? true : undefined), 30000, 'a matching job running');
  const idle = () =>
    eventually(async () => {
      // The sweep scheduler always keeps its next run delayed; that one does not count.
      const counts = await queue.getJobCounts('active', 'waiting', 'prioritized');
      return Object.values(counts).every((n) => n === 0) ? true : undefined;
    }, 60000, 'matching queue idle');

  it('a rebuild whose process is killed with SIGKILL is taken up again and stores the same lists, without duplicates', async () => {
    worker = spawnWorker(workerEnv);
    await idle().catch(() => undefined);
    const job = await queue.add(JobName.MatchingRebuild, {}, { jobId: `rebuild-${tag}` });
    await activeJob();
    await stop(worker, 'SIGKILL');

    worker = spawnWorker(workerEnv);
    await eventually(async () => ((await queue.getJob(job.id as string))?.finishedOn ? true : undefined), 60000, 'killed rebuild completed');
    expect(await (await queue.getJob(job.id as string))!.getState()).toBe('completed');
    await idle();
    await expectListsMatchReference(t.db, population.workers, population.vacancies);
  });

  it('a Redis restart during processing loses no change: changes made meanwhile are applied once it is back', async () => {
    const admin = t.as(await t.admin());
    await queue.add(JobName.MatchingRebuild, {}, { jobId: `rebuild-2-${tag}` });
    await activeJob();
    await stop(redis, 'SIGKILL');

    // Written while Redis is down: PostgreSQL and the outbox take it.
    const changed = population.workers[0];
    const put = await admin.request('PUT', `/api/v1/workers/${changed}/skills`, { skills: SKILLS.map((skillId) => ({ skillId, level: 4 })) });
    expect(put.status).toBe(200);

    redis = await startRedis(redisPort);
    await eventually(async () => {
      const [row] = await t.db.query(
        `select w.version = s.computed_version as current from worker w join match_state s on s.subject_type = 'worker' and s.subject_id = w.id where w.id = $1`,
        [changed],
      );
      return row?.current ? true : undefined;
    }, 60000, 'the change made during the outage applied');
    await idle();
    await expectListsMatchReference(t.db, population.workers, population.vacancies);
  });
});
