// `npm run bench:matching:e2e [-- --workers 100000 --vacancies 20 --keep]`
//
// End to end: a vacancy created through the HTTP API until its candidate list is readable.
// 1. A database (ricarica_bench_matching_e2e) migrated with the real migrations, the ESCO taxonomy
//    imported, a Meilisearch of its own (scripts/meilisearch.js).
// 2. Workers bulk-inserted straight into the real tables (worker, worker_skill), generated from ESCO
//    occupations as in `npm run bench:matching`.
// 3. The real API app and worker app running in this process; one warm-up vacancy lets the worker
//    app do its first full load; then each vacancy is posted (open) and GET
//    /api/v1/vacancies/:id/candidates is polled until it answers for the vacancy's current version.
// 4. Adds the figures to bench/results/matching.{json,md} (key "e2e"); drops the database.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import { Meilisearch } from 'meilisearch';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AccountsService } from '@ricarica/accounts';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { MatchingEngine, roundScore } from '@ricarica/matching';
import { MatchingPopulationLoader, type MatchingSyncReport } from '@ricarica/matches';
import { QueueName, redisOptions } from '@ricarica/queue';
import { IndexNames, meiliHttpClient } from '@ricarica/search';
import { TaxonomyImporter } from '@ricarica/taxonomy';
import { createApiApp } from '../../apps/api/src/api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loadEsco, loadNorthernPlaces } from './esco-data';
import { PopulationGenerator } from './population-generator';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const ROOT = findRoot(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMeilisearch, freePort } = require(path.join(ROOT, 'scripts', 'meilisearch.js')) as typeof import('../../scripts/meilisearch');

const DB_NAME = 'ricarica_bench_matching_e2e';
const SEED = 20250116;
/** Municipalities the API geocodes (ISTAT names), around Turin and Milan and across the north. */
const SITES = ['Torino', 'Milano', 'Moncalieri', 'Rivoli', 'Monza', 'Bergamo', 'Novara', 'Pavia', 'Brescia', 'Cuneo'];

interface Options {
  workers: number;
  vacancies: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { workers: 100_000, vacancies: 20, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep') o.keep = true;
    else if (a === '--workers' || a === '--vacancies') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a} needs a positive integer`);
      o[a === '--workers' ? 'workers' : 'vacancies'] = n;
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function recreateDatabase(adminUrl: URL, drop: boolean): Promise<void> {
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    if (!drop) await admin.query(`create database ${DB_NAME}`);
  } finally {
    await admin.end();
  }
}

/** Workers straight into the real tables: one insert per batch of rows, columns passed as arrays. */
async function insertWorkers(db: DataSource, gen: PopulationGenerator, skillUuid: string[], n: number): Promise<void> {
  const BATCH = 5_000;
  for (let start = 0; start < n; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - start) }, () => ({ record: gen.worker(), place: gen.lastPlace() }));
    const ids = batch.map((b) => b.record.id);
    await db.query(
      `insert into worker (id, name, email, mobility_radius_km, employment_status, visible_to_employers, home_lat, home_lng, home_municipality)
       select id, 'Bench worker', null, radius, 'displaced', visible, lat, lng, municipality
         from unnest($1::uuid[], $2::int[], $3::bool[], $4::float8[], $5::float8[], $6::text[]) as t(id, radius, visible, lat, lng, municipality)`,
      [ids, batch.map((b) => Math.round(b.record.mobilityRadiusKm)), batch.map((b) => b.record.visibleToEmployers), batch.map((b) => b.record.lat), batch.map((b) => b.record.lng), batch.map((b) => b.place.name)],
    );
    const skills = batch.flatMap((b) => b.record.skills.map(([s, level]) => [b.record.id, skillUuid[s], level] as const));
    await db.query(`insert into worker_skill (worker_id, skill_id, level, source) select w, s, l, 'declared' from unnest($1::uuid[], $2::uuid[], $3::int[]) as t(w, s, l)`, [
      skills.map((x) => x[0]),
      skills.map((x) => x[1]),
      skills.map((x) => x[2]),
    ]);
  }
  await db.query(`analyze worker; analyze worker_skill`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica');
  const adminUrl = new URL(base.toString());
  adminUrl.pathname = '/postgres';
  const url = new URL(base.toString());
  url.pathname = `/${DB_NAME}`;
  const masterKey = `bench-${randomBytes(12).toString('hex')}`;
  const dataDir = path.join(ROOT, 'tmp', 'meili-bench-matching');
  rmSync(dataDir, { recursive: true, force: true });
  const meiliProcess = await startMeilisearch({ dataDir, masterKey, port: await freePort(), logFile: `${dataDir}.log` });
  const meili = new Meilisearch({ host: meiliProcess.url, apiKey: masterKey, timeout: 120_000, httpClient: meiliHttpClient() });
  const prefix = 'benchm_';
  let db: DataSource | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  try {
    await recreateDatabase(adminUrl, false);
    await migrate(url.toString());
    db = new DataSource(dataSourceOptions(url.toString()));
    await db.initialize();
    console.log('importing the ESCO taxonomy…');
    await new TaxonomyImporter(db, meili, new IndexNames(prefix), () => undefined).run({ dataDir: path.join(ROOT, 'data') });

    const esco = loadEsco(path.join(ROOT, 'data'));
    const byUri = new Map(((await db.query(`select id, uri from skill`)) as { id: string; uri: string }[]).map((r) => [r.uri, r.id]));
    const skillUuid = Array.from({ length: esco.skills.size }, (_, i) => {
      const id = byUri.get(esco.skills.keyOf(i));
      if (!id) throw new Error(`skill ${esco.skills.keyOf(i)} is not in the imported taxonomy`);
      return id;
    });
    const gen = new PopulationGenerator(esco, loadNorthernPlaces(path.join(ROOT, 'data')), SEED, Date.now());
    console.log(`inserting ${options.workers} workers…`);
    const l0 = performance.now();
    await insertWorkers(db, gen, skillUuid, options.workers);
    const loadMs = performance.now() - l0;

    const env = {
      DATABASE_URL: url.toString(),
      MEILI_URL: meiliProcess.url,
      MEILI_MASTER_KEY: masterKey,
      MEILI_INDEX_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `rbm${randomBytes(3).toString('hex')}`,
      RATE_LIMIT_PER_MINUTE: '1000000',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
    };
    const app = await createApiApp(env);
    await app.init();
    closers.push(() => app.close());
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    // What each matching job did (recomputed lists, rows written, time writing), to see where the time goes.
    const syncs: MatchingSyncReport[] = [];
    const events = new QueueEvents(QueueName.Matching, { connection: redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix: env.QUEUE_PREFIX });
    await events.waitUntilReady();
    closers.push(() => events.close());
    events.on('completed', ({ returnvalue }) => {
      const report = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as MatchingSyncReport;
      if (report?.mode === 'catch-up' && report.changedVacancies > 0) syncs.push(report);
    });
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: false });
    await worker.init();
    closers.push(() => worker.close());

    const email = `bench-matching-${randomBytes(4).toString('hex')}@example.it`;
    const password = `Bench-${randomBytes(8).toString('hex')}`;
    await app.get(AccountsService).createAdmin({ email, password, displayName: 'Matching bench' });
    const login = await fastify.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const headers = { authorization: `Bearer ${JSON.parse(login.body).accessToken}` };
    const post = async (route: string, body: unknown): Promise<{ id: string }> => {
      const res = await fastify.inject({ method: 'POST', url: `/api/v1/${route}`, payload: body as never, headers });
      if (res.statusCode !== 201) throw new Error(`POST ${route}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body) as { id: string };
    };
    const employer = await post('employers', { name: 'Bench Componenti S.p.A.', vatNumber: '01234567897' });
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const vacancyBody = (i: number) => {
      const v = gen.vacancy();
      return {
        employerId: employer.id,
        title: `Bench vacancy ${i}`,
        location: { municipality: SITES[(i + SITES.length) % SITES.length] },
        remote: false,
        contractType: 'permanent',
        status: 'open',
        expiresAt,
        requirements: v.requirements.slice(0, 100).map(([s, importance, minLevel]) => ({ skillId: skillUuid[s], importance, minLevel })),
      };
    };
    type CandidateList = { computedAt: string | null; stale: boolean; items: { score: number; distanceKm: number }[] };
    const candidatesWhenComputed = async (id: string, timeoutMs: number): Promise<CandidateList> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await fastify.inject({ method: 'GET', url: `/api/v1/vacancies/${id}/candidates?limit=200`, headers });
        if (res.statusCode !== 200) throw new Error(`GET candidates: ${res.statusCode} ${res.body}`);
        const body = JSON.parse(res.body) as CandidateList;
        if (body.computedAt !== null && !body.stale) return body;
        if (Date.now() > deadline) throw new Error(`candidates of ${id} not computed within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    // The worker app loads everything on its first sync; that is not what is measured.
    console.log('warming up (first full load in the worker app)…');
    const w0 = performance.now();
    const warm = await post('vacancies', vacancyBody(-1));
    await candidatesWhenComputed(warm.id, 600_000);
    const warmUpMs = performance.now() - w0;

    const times: number[] = [];
    const created: { id: string; list: CandidateList }[] = [];
    for (let i = 0; i < options.vacancies; i++) {
      const t0 = performance.now();
      const { id } = await post('vacancies', vacancyBody(i));
      const list = await candidatesWhenComputed(id, 120_000);
      times.push(performance.now() - t0);
      created.push({ id, list });
      const sync = syncs.at(-1);
      console.log(`vacancy ${i + 1}: ${Math.round(times[i])} ms, ${list.items.length} candidates; last sync: ${sync ? `${sync.changedWorkers} worker lists, ${sync.rowsWritten} rows written in ${sync.writeMs} ms of ${sync.ms} ms, ${sync.pendingWorkers ?? 0} left for the next` : 'none'}`);
    }

    // The served lists against an engine run on the same rows (scores and distances, in order: the API shows no worker ids).
    const loader = new MatchingPopulationLoader(db);
    const { skills, relatedness } = await loader.taxonomy();
    const engine = new MatchingEngine(relatedness);
    engine.loadWorkers((await loader.workers(skills)).map((w) => w.record));
    engine.loadVacancies((await loader.openVacancies(skills)).map((v) => v.record));
    engine.rebuild(new Date());
    const listsEqualToEngine = created.every(({ id, list }) => {
      const expected = engine.candidatesOf(id);
      return expected.length === list.items.length && expected.every((c, i) => roundScore(c.numerator, c.denominator) === list.items[i].score && Math.abs(c.distanceKm - list.items[i].distanceKm) < 0.05);
    });

    const sorted = [...times].sort((a, b) => a - b);
    const counts = created.map((c) => c.list.items.length).sort((a, b) => a - b);
    const result = {
      scenario: 'e2e',
      workers: options.workers,
      vacancies: options.vacancies,
      route: 'GET /api/v1/vacancies/:id/candidates',
      loadMs: Math.round(loadMs),
      warmUpMs: Math.round(warmUpMs),
      medianMs: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      maxMs: Math.round(sorted[sorted.length - 1]),
      timesMs: times.map((t) => Math.round(t)),
      candidatesPerVacancy: { min: counts[0], median: counts[Math.floor(counts.length / 2)] },
      listsEqualToEngine,
      // Per matching job that took a vacancy in: worker lists rewritten, rows written, time writing.
      syncs: syncs.map(({ changedWorkers, changedVacancies, rowsWritten, writeMs, pendingWorkers, ms }) => ({ changedWorkers, changedVacancies, rowsWritten, writeMs, pendingWorkers, ms })),
    };
    console.log(JSON.stringify(result));
    const out = path.join(ROOT, 'bench', 'results');
    const file = path.join(out, 'matching.json');
    mkdirSync(out, { recursive: true });
    const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { results: Record<string, unknown> }) : { results: {} };
    saved.results.e2e = result;
    writeFileSync(file, JSON.stringify(saved, null, 2) + '\n');
    console.log(`wrote ${file}; run \`node dist/bench/matching/matching.bench.js --report-only\` to refresh matching.md`);
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await db?.destroy();
    await meiliProcess.stop();
    if (!options.keep) {
      await recreateDatabase(adminUrl, true);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
