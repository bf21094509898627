// `npm run bench:intake [-- --workers 100000 --vacancies 10000 --courses 2000 --members 5000 --reload]`
//
// 1. A database of its own (ricarica_bench_intake: created, migrated, ESCO imported as the tests' global
//    set-up does), a Meilisearch of its own (fresh, removed afterwards) and a queue prefix of its own.
// 2. The standing population, bulk-loaded with unnest (kept between runs unless --reload or the sizes
//    change): workers from ESCO's occupation-skill relations (bench/intake/workers.ts, the matching
//    bench's generator) and a catalog of vacancies and courses (bench/search/generate.ts).
// 3. The real API and worker apps in-process, an SMTP sink for the invitations; the worker's first
//    matching sync (a full rebuild of every list) runs and the queues drain before timing starts, as on
//    a server that has been up for a while.
// 4. Timed: an admin uploads a 5,000-member CSV (bench/intake's plant near Turin, scripts/demo/demo-cohort.ts)
//    and polls GET /api/v1/cohorts/:id until the stored report is current. Milestones: upload answered,
//    titles mapped (no member pending), pre-profiles made (processing ready), match lists current
//    (matched = profiled), report stored for the cohort's version.
// 5. bench/results/intake.{json,md}.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { Meilisearch } from 'meilisearch';
import type { Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { AccountsService } from '@ricarica/accounts';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { QueueName, redisOptions } from '@ricarica/queue';
import { IndexNames, meiliHttpClient } from '@ricarica/search';
import { TaxonomyImporter } from '@ricarica/taxonomy';
import { buildCohortMembers, memberCsv } from '../../scripts/demo/demo-cohort';
import { LocalMailSink } from '../../scripts/demo/demo-mail-sink';
import { readMunicipalities } from '../../scripts/demo/demo-source';
import { generateCatalog } from '../search/generate';
import { IntakeResult, markdown, Milestone } from './report';
import { loadWorkers } from './workers';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const ROOT = findRoot(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMeilisearch, freePort } = require(path.join(ROOT, 'scripts', 'meilisearch.js')) as typeof import('../../scripts/meilisearch');

interface Options {
  workers: number;
  vacancies: number;
  courses: number;
  members: number;
  reload: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { workers: 100_000, vacancies: 10_000, courses: 2_000, members: 5_000, reload: false };
  const num = (v: string | undefined, flag: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--workers') o.workers = num(argv[++i], flag);
    else if (flag === '--vacancies') o.vacancies = num(argv[++i], flag);
    else if (flag === '--courses') o.courses = num(argv[++i], flag);
    else if (flag === '--members') o.members = Math.min(5_000, num(argv[++i], flag));
    else if (flag === '--reload') o.reload = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  return o;
}

const log = (line: string) => console.log(`[bench:intake] ${new Date().toISOString().slice(11, 19)} ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GOAL_MS = 120_000;

async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, what: string, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/** Nothing waiting, running or retrying on the queue (repeatable schedules aside). */
async function queueIdle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
  const retrying = (await queue.getDelayed()).filter((j) => !j.repeatJobKey).length;
  return Object.values(counts).every((n) => n === 0) && retrying === 0;
}

/** Loads the standing population unless the database already holds one of these sizes; clears earlier bench cohorts. */
async function preparePopulation(db: DataSource, options: Options): Promise<{ reused: boolean; ms: number; workerSkills: number }> {
  const started = Date.now();
  // Earlier runs' cohorts and their pre-profiles go first, so the standing population is what is counted.
  await db.query(`delete from worker where id in (select worker_id from cohort_member where worker_id is not null)`);
  await db.query(`delete from cohort`);
  await db.query(`delete from match_state s where s.subject_type = 'worker' and not exists (select 1 from worker w where w.id = s.subject_id)`);
  const [have] = await db.query(
    `select (select count(*) from worker)::int as workers, (select count(*) from vacancy)::int as vacancies, (select count(*) from course)::int as courses,
            (select count(*) from worker_skill)::int as skills`,
  );
  if (!options.reload && have.workers === options.workers && have.vacancies === options.vacancies && have.courses === options.courses) {
    await db.query(`truncate outbox`);
    log(`reusing the loaded population: ${have.workers} workers (${have.skills} skills), ${have.vacancies} vacancies, ${have.courses} courses`);
    return { reused: true, ms: Date.now() - started, workerSkills: have.skills };
  }
  log(`generating ${options.vacancies} vacancies and ${options.courses} courses from ESCO…`);
  const catalog = await generateCatalog(db, path.join(ROOT, 'data'), { courses: options.courses, vacancies: options.vacancies });
  log(`catalog in ${(catalog.ms / 1000).toFixed(1)} s: ${catalog.openVacancies} open vacancies, ${catalog.requirements} requirements, ${catalog.publishedCourses} published courses, ${catalog.sessions} sessions`);
  log(`generating ${options.workers} workers from ESCO's occupation-skill relations…`);
  const workers = await loadWorkers(db, path.join(ROOT, 'data'), options.workers);
  log(`workers in ${(workers.ms / 1000).toFixed(1)} s: ${workers.workers} workers, ${workers.skills} worker skills`);
  await db.query(`truncate outbox`);
  return { reused: false, ms: Date.now() - started, workerSkills: workers.skills };
}

type Durations = Map<string, { sum: number; count: number }>;

async function jobDurations(histogram: Histogram<'queue' | 'job' | 'outcome'>): Promise<Durations> {
  const out: Durations = new Map();
  for (const v of (await histogram.get()).values) {
    const key = `${String(v.labels.job)}`;
    const entry = out.get(key) ?? { sum: 0, count: 0 };
    if (v.metricName?.endsWith('_sum')) entry.sum += v.value;
    else if (v.metricName?.endsWith('_count')) entry.count += v.value;
    else continue;
    out.set(key, entry);
  }
  return out;
}

interface CohortView {
  processing: 'processing' | 'ready';
  counts: { members: number; pending: number; mapped: number; toConfirm: number; profiled: number; invited: number; claimed: number; matched: number };
  report: { computedAt: string; stale: boolean } | null;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  Logger.overrideLogger(['error', 'warn']);
  const loadAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const masterKey = `bench-${randomBytes(12).toString('hex')}`;
  const meiliDir = path.join(ROOT, 'tmp', `meili-bench-intake-${process.pid}`);
  const meiliProcess = await startMeilisearch({ dataDir: meiliDir, masterKey, port: await freePort(), logFile: `${meiliDir}.log` });
  const meili = new Meilisearch({ host: meiliProcess.url, apiKey: masterKey, timeout: 120_000, httpClient: meiliHttpClient() });
  const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica');
  dbUrl.pathname = '/ricarica_bench_intake';
  const databaseUrl = dbUrl.toString();
  const indexPrefix = 'bench_intake_';
  const queuePrefix = `rbintake${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const sink = new LocalMailSink(null);
  let db: DataSource | undefined;
  let api: NestFastifyApplication | undefined;
  let worker: INestApplicationContext | undefined;
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection: redisOptions(redisUrl), prefix: queuePrefix }));

  try {
    log(`Meilisearch on ${meiliProcess.url}; database ${databaseUrl}; queue prefix ${queuePrefix}`);
    const applied = await migrate(databaseUrl);
    if (applied.length) log(`migrated: ${applied.join(', ')}`);
    db = new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 10 } });
    await db.initialize();
    const imported = await new TaxonomyImporter(db, meili, new IndexNames(indexPrefix), () => undefined).run({ dataDir: path.join(ROOT, 'data') });
    log(`taxonomy ${imported.status} (${(imported.durationMs / 1000).toFixed(1)} s, search indexes included)`);
    const population = await preparePopulation(db, options);

    const smtpUrl = await sink.start();
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      MEILI_URL: meiliProcess.url,
      MEILI_MASTER_KEY: masterKey,
      MEILI_INDEX_PREFIX: indexPrefix,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      SMTP_URL: smtpUrl,
      PUBLIC_APP_URL: 'https://ricarica.bench.invalid',
      OUTBOX_POLL_MS: '100',
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createApiApp } = require('../../apps/api/src/api-app') as typeof import('../../apps/api/src/api-app');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WorkerModule } = require('../../apps/worker/src/worker.module') as typeof import('../../apps/worker/src/worker.module');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JOB_DURATIONS } = require('../../apps/worker/src/worker-metrics') as typeof import('../../apps/worker/src/worker-metrics');

    const warmStarted = Date.now();
    api = await createApiApp(env);
    await api.listen(0, '127.0.0.1');
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: ['error', 'warn'] });
    await worker.init();
    log(`API on ${base}, worker up; waiting for the first matching sync (full rebuild) and idle queues…`);
    const [{ workers: standing }] = await db.query(`select count(*)::int as workers from worker`);
    await until(async () => {
      const [{ n }] = await db!.query(`select count(*)::int as n from match_state where subject_type = 'worker'`);
      return n >= standing && (await Promise.all(queues.map(queueIdle))).every(Boolean);
    }, 900_000, 'warm-up (matching rebuild)', 1000);
    const warmUpMs = Date.now() - warmStarted;
    log(`warm in ${(warmUpMs / 1000).toFixed(1)} s`);

    // The region's admin drives the intake through the API.
    const adminEmail = `admin-${randomBytes(4).toString('hex')}@bench.ricarica.invalid`;
    const password = `bench-${randomBytes(12).toString('hex')}`;
    await api.get(AccountsService).createAdmin({ email: adminEmail, password, displayName: 'Bench admin' });
    let token = '';
    const http = async <T>(method: string, route: string, body?: string, type = 'application/json'): Promise<{ status: number; body: T; ms: number }> => {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/${route}`, { method, headers: { ...(body !== undefined ? { 'content-type': type } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
      const text = await res.text();
      return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : (text as T), ms: performance.now() - started };
    };
    const login = await http<{ accessToken: string }>('POST', 'auth/login', JSON.stringify({ email: adminEmail, password }));
    token = login.body.accessToken;
    const [employer] = await db.query(`select id from employer order by name limit 1`);
    const created = await http<{ id: string }>('POST', 'cohorts', JSON.stringify({
      name: `Bench ${new Date().toISOString()}`, employerId: employer.id, reason: 'redundancy', announcedOn: new Date().toISOString().slice(0, 10),
      plant: { municipality: 'Orbassano', province: 'TO', name: 'Stabilimento componenti' },
    }));
    if (created.status !== 201) throw new Error(`POST /cohorts answered ${created.status}: ${JSON.stringify(created.body)}`);
    const cohortId = created.body.id;
    const municipalities = await readMunicipalities(path.join(ROOT, 'data'));
    const plant = municipalities.find((m) => m.name === 'Orbassano')!;
    const rows = buildCohortMembers(municipalities, plant, options.members, { seed: 20261127, emailDomain: 'example.it', refPrefix: 'OB' });
    const csv = memberCsv(rows);
    const before = await jobDurations(worker.get(JOB_DURATIONS));

    // Timed from here.
    const t0 = performance.now();
    const upload = await http<{ received: number; accepted: number; created: number; rejected: unknown[] }>('POST', `cohorts/${cohortId}/members`, csv, 'text/csv');
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body).slice(0, 500)}`);
    const milestones: Milestone[] = [{ name: 'upload', label: 'upload answered (rows validated and stored)', atMs: upload.ms }];
    const samples: { atMs: number; counts: CohortView['counts']; processing: string }[] = [];
    const seen = new Set<string>();
    const mark = (name: string, label: string, at: number) => {
      if (seen.has(name)) return;
      seen.add(name);
      milestones.push({ name, label, atMs: at });
      log(`${label}: ${(at / 1000).toFixed(1)} s`);
    };
    let last: CohortView | undefined;
    await until(async () => {
      const res = await http<CohortView>('GET', `cohorts/${cohortId}`);
      const at = performance.now() - t0;
      const view = res.body;
      last = view;
      if (!samples.length || at - samples[samples.length - 1].atMs >= 1000) samples.push({ atMs: Math.round(at), counts: view.counts, processing: view.processing });
      if (view.counts.pending === 0) mark('mapping', 'titles mapped (no member pending)', at);
      if (seen.has('mapping') && view.processing === 'ready' && view.counts.profiled === view.counts.mapped) mark('profiles', 'pre-profiles made (processing ready)', at);
      if (seen.has('profiles') && view.counts.matched >= view.counts.profiled) mark('matching', 'match lists current (matched = profiled)', at);
      if (seen.has('matching') && view.report && !view.report.stale) mark('report', 'report stored for the cohort', at);
      return seen.has('report') ? true : undefined;
    }, 900_000, 'cohort report', 200);
    const totalMs = milestones[milestones.length - 1].atMs;
    const after = await jobDurations(worker.get(JOB_DURATIONS));

    const full = await http<{ members: Record<string, { value: number | null } | number>; destinations: unknown[]; training: unknown[]; hardestToPlace: unknown[] }>('GET', `cohorts/${cohortId}/report`);
    const html = await http<string>('GET', `cohorts/${cohortId}/report?format=html`);
    const withEmail = await db.query(`select count(*)::int as n from cohort_member where cohort_id = $1 and email is not null and worker_id is not null`, [cohortId]);
    const invitations = withEmail[0].n as number;
    const invitedAt = await until(async () => (sink.received >= invitations ? performance.now() - t0 : undefined), 300_000, 'invitations sent', 250).catch(() => null);
    const [counts] = await db.query(
      `select count(*)::int as members, count(distinct job_title)::int as titles, count(*) filter (where status = 'to_confirm')::int as to_confirm,
              count(*) filter (where status = 'profiled')::int as profiled,
              (select count(*) from worker_match wm join cohort_member m on m.worker_id = wm.worker_id where m.cohort_id = $1)::int as stored_matches
         from cohort_member where cohort_id = $1`,
      [cohortId],
    );
    const jobs = [...after].map(([job, a]) => {
      const b = before.get(job) ?? { sum: 0, count: 0 };
      return { job, runs: a.count - b.count, seconds: Math.round((a.sum - b.sum) * 100) / 100 };
    }).filter((j) => j.runs > 0);

    const result: IntakeResult = {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', loadAtStart, loadAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100) },
      population: {
        workers: standing, workerSkills: population.workerSkills, vacancies: options.vacancies, courses: options.courses, reused: population.reused, loadMs: population.ms,
        openVacancies: (await db.query(`select count(*)::int as n from vacancy where status = 'open'`))[0].n,
      },
      warmUpMs,
      cohort: {
        rows: rows.length, csvBytes: Buffer.byteLength(csv), received: upload.body.received, accepted: upload.body.accepted, created: upload.body.created, rejected: upload.body.rejected.length,
        distinctTitles: counts.titles, mapped: last!.counts.mapped, toConfirm: counts.to_confirm, profiled: counts.profiled, storedMatches: counts.stored_matches, invitations,
      },
      milestones,
      totalMs,
      goalMs: GOAL_MS,
      invitationsSentAtMs: invitedAt === null ? null : Math.round(invitedAt),
      jobs,
      report: {
        status: full.status,
        fetchMs: Math.round(full.ms),
        htmlMs: Math.round(html.ms),
        htmlBytes: Buffer.byteLength(String(html.body)),
        members: full.body.members,
        destinations: full.body.destinations.length,
        training: full.body.training.length,
        hardest: full.body.hardestToPlace.length,
      },
      samples,
    };
    const out = path.join(ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'intake.json'), `${JSON.stringify(result, null, 1)}\n`);
    writeFileSync(path.join(out, 'intake.md'), markdown(result));
    log(`total ${(totalMs / 1000).toFixed(1)} s (goal < ${GOAL_MS / 1000} s: ${totalMs < GOAL_MS ? 'met' : 'missed'}); bench/results/intake.{json,md} written`);
  } finally {
    await worker?.close().catch((e: Error) => log(`worker close: ${e.message}`));
    await api?.close().catch((e: Error) => log(`api close: ${e.message}`));
    for (const q of queues) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await db?.destroy();
    await sink.stop();
    await meiliProcess.stop();
    rmSync(meiliDir, { recursive: true, force: true });
    rmSync(`${meiliDir}.log`, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
