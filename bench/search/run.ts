// `npm run bench:search [-- --courses 50000 --vacancies 100000 --duration 30 --rounds 3 --connections 50 --outbox 5000 --concurrency 2 --keep]`
//
// 1. A Meilisearch, a database (ricarica_bench) and an index prefix (bench_) of its own.
// 2. Generates courses and vacancies from the ESCO data (bench/search/generate.ts).
// 3. Bulk indexing: the reindex (fresh index + swap) of both indexes, documents/s.
// 4. Outbox path: the worker app running, N courses and N vacancies changed in PostgreSQL with their
//    outbox rows (as the services write them), documents/s until every change is in the index.
// 5. Queries: the API app running; the fixed mix (bench/search/queries.ts) with autocannon at 50
//    connections through the API and the same requests straight to Meilisearch, taking turns in rounds;
//    p50/p95/p99, req/s; then each query alone, sequentially, through both.
// 6. Writes bench/results/search.{json,md}; drops the database, the queues and the Meilisearch data.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Meilisearch } from 'meilisearch';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CatalogIndexer, CatalogSearchService, CourseSearchQuery, ReindexReport, VacancySearchQuery } from '@ricarica/catalog-search';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { QueueName, redisOptions } from '@ricarica/queue';
import { IndexNames, meiliHttpClient } from '@ricarica/search';
import { hashFiles, locateFiles, TaxonomyImporter } from '@ricarica/taxonomy';
import { generateCatalog, GenerateReport } from './generate';
import { LoadRequest, LoadResult, runInterleaved } from './load';
import { apiPath, MixEntry, queryMix } from './queries';
import { markdown } from './report';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const ROOT = findRoot(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMeilisearch, freePort } = require(path.join(ROOT, 'scripts', 'meilisearch.js')) as typeof import('../../scripts/meilisearch');

export interface Options {
  courses: number;
  vacancies: number;
  durationS: number;
  rounds: number;
  quietWaitS: number;
  connections: number;
  outbox: number;
  concurrency: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { courses: 50_000, vacancies: 100_000, durationS: 30, rounds: 3, quietWaitS: 900, connections: 50, outbox: 5_000, concurrency: 2, keep: false };
  const num = (v: string | undefined, flag: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--courses') o.courses = num(argv[++i], flag);
    else if (flag === '--vacancies') o.vacancies = num(argv[++i], flag);
    else if (flag === '--duration') o.durationS = num(argv[++i], flag);
    else if (flag === '--rounds') o.rounds = num(argv[++i], flag);
    else if (flag === '--quiet-wait') o.quietWaitS = Number(argv[++i]);
    else if (flag === '--connections') o.connections = num(argv[++i], flag);
    else if (flag === '--outbox') o.outbox = num(argv[++i], flag);
    else if (flag === '--concurrency') o.concurrency = num(argv[++i], flag);
    else if (flag === '--keep') o.keep = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  return o;
}

const log = (line: string) => console.log(`[bench:search] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

function startApp(script: string, env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, script)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) log(`${name} exited (${code ?? signal})`);
  });
  return child;
}

function stopApp(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}

async function prepareDatabase(url: string, meili: Meilisearch, prefix: string): Promise<DataSource> {
  await migrate(url);
  const db = new DataSource({ ...dataSourceOptions(url), extra: { max: 20 } });
  await db.initialize();
  const hash = await hashFiles(locateFiles(path.join(ROOT, 'data')));
  const [last] = await db.query(`select source_hash from taxonomy_import order by id desc limit 1`);
  if (last?.source_hash !== hash) {
    log('importing the ESCO taxonomy into the bench database (once)…');
    await new TaxonomyImporter(db, meili, new IndexNames(prefix), () => undefined).run({ dataDir: path.join(ROOT, 'data') });
  }
  return db;
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** The bench's queue is idle: nothing waiting, running or retrying (the check's next run aside). */
async function queueIdle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
  const retrying = (await queue.getDelayed()).filter((j) => !j.repeatJobKey).length;
  return Object.values(counts).every((n) => n === 0) && retrying === 0;
}

export interface OutboxReport {
  courses: number;
  vacancies: number;
  workerConcurrency: number;
  ms: number;
  documentsPerSecond: number;
  driftAfter: { courses: number; vacancies: number };
}

/** Changes `n` courses and `n` vacancies the way the services do (version bump + one outbox row each, one transaction per batch). */
async function writeChanges(db: DataSource, n: number): Promise<void> {
  for (const [table, event, key] of [['course', 'course.changed', 'courseId'], ['vacancy', 'vacancy.changed', 'vacancyId']] as const) {
    const status = table === 'course' ? `status = 'published'` : `status = 'open' and (expires_at is null or expires_at > now())`;
    const ids: string[] = (await db.query(`select id from ${table} where ${status} order by md5(id::text) limit $1`, [n])).map((r: { id: string }) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      await db.transaction(async (m) => {
        await m.query(`update ${table} set title = title || ' (agg.)', version = version + 1, updated_at = now() where id = any($1::uuid[])`, [batch]);
        await m.query(`insert into outbox (topic, payload) select $1, jsonb_build_object($2::text, id) from unnest($3::uuid[]) as id`, [event, key, batch]);
      });
    }
  }
}

export interface PerQuery {
  label: string;
  group: string;
  kind: string;
  total: number;
  apiMs: number;
  meiliMs: number;
}

/** One request over node:http (one write per request; Node's fetch stalls ~40 ms on kept-alive connections). */
function timedRequest(base: string, req: LoadRequest, agent: http.Agent): Promise<{ ms: number; body: string }> {
  const url = new URL(req.path, base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method: req.method, agent, headers: { ...req.headers, ...(req.body ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

async function unloadedLatencies(apiBase: string, meiliBase: string, entries: { entry: MixEntry; api: LoadRequest; meili: LoadRequest }[]): Promise<PerQuery[]> {
  const out: PerQuery[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const { entry, api, meili } of entries) {
    const viaApi: number[] = [];
    const direct: number[] = [];
    let total = 0;
    for (let i = 0; i < 25; i++) {
      const a = await timedRequest(apiBase, api, agent);
      viaApi.push(a.ms);
      total = (JSON.parse(a.body) as { total: number }).total;
      direct.push((await timedRequest(meiliBase, meili, agent)).ms);
    }
    out.push({ label: entry.label, group: entry.group, kind: entry.kind, total, apiMs: Math.round(median(viaApi) * 100) / 100, meiliMs: Math.round(median(direct) * 100) / 100 });
  }
  agent.destroy();
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  Logger.overrideLogger(['error', 'warn']);
  const loadAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const masterKey = `bench-${randomBytes(12).toString('hex')}`;
  const meiliDir = path.join(ROOT, 'tmp', 'meili-bench');
  rmSync(meiliDir, { recursive: true, force: true });
  const meiliPort = await freePort();
  const meiliProcess = await startMeilisearch({ dataDir: meiliDir, masterKey, port: meiliPort, logFile: `${meiliDir}.log` });
  const meili = new Meilisearch({ host: meiliProcess.url, apiKey: masterKey, timeout: 120_000, httpClient: meiliHttpClient() });
  const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica');
  baseUrl.pathname = '/ricarica_bench';
  const databaseUrl = baseUrl.toString();
  const prefix = 'bench_';
  const queuePrefix = `rbench${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const children: ChildProcess[] = [];
  let db: DataSource | undefined;
  const queue = new Queue(QueueName.Search, { connection: redisOptions(redisUrl), prefix: queuePrefix });
  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    MEILI_URL: meiliProcess.url,
    MEILI_MASTER_KEY: masterKey,
    MEILI_INDEX_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  });

  try {
    log(`Meilisearch on ${meiliProcess.url}; database ${databaseUrl}; index prefix ${prefix}; queue prefix ${queuePrefix}`);
    db = await prepareDatabase(databaseUrl, meili, prefix);
    log(`generating ${options.courses} courses and ${options.vacancies} vacancies from ESCO…`);
    const dataset = await generateCatalog(db, path.join(ROOT, 'data'), { courses: options.courses, vacancies: options.vacancies });
    log(`generated in ${(dataset.ms / 1000).toFixed(1)} s: ${JSON.stringify(dataset)}`);

    const indexer = new CatalogIndexer(db, meili, new IndexNames(prefix));
    const bulk: ReindexReport[] = [];
    for (const index of ['courses', 'vacancies'] as const) {
      const report = await indexer.reindex(index);
      bulk.push(report);
      log(`bulk ${index}: ${report.documents} documents in ${(report.buildMs / 1000).toFixed(1)} s = ${report.documentsPerSecond} docs/s (total with swap and check ${(report.ms / 1000).toFixed(1)} s)`);
    }

    // Outbox path.
    const workerHealth = await freePort();
    const worker = startApp('dist/apps/worker/src/main.js', env({ WORKER_CONCURRENCY: String(options.concurrency), OUTBOX_POLL_MS: '100', WORKER_HEALTH_PORT: String(workerHealth) }), 'worker');
    children.push(worker);
    await until(async () => (await fetch(`http://127.0.0.1:${workerHealth}/health`)).ok, 60_000, 'worker up');
    await sleep(1000);
    await until(() => queueIdle(queue), 300_000, 'worker idle after start-up (first consistency check)');
    log(`outbox path: changing ${options.outbox} courses and ${options.outbox} vacancies…`);
    const started = Date.now();
    await writeChanges(db, options.outbox);
    await until(async () => {
      const [{ n }] = await db!.query(`select count(*)::int as n from outbox where sent_at is null`);
      return n === 0 && (await queueIdle(queue));
    }, 1_800_000, 'outbox changes indexed', 100);
    const ms = Date.now() - started;
    const [c, v] = [await indexer.verify('courses', { repair: false }), await indexer.verify('vacancies', { repair: false })];
    const outbox: OutboxReport = {
      courses: options.outbox,
      vacancies: options.outbox,
      workerConcurrency: options.concurrency,
      ms,
      documentsPerSecond: Math.round((2 * options.outbox) / (ms / 1000)),
      driftAfter: { courses: c.missing + c.stale + c.extra, vacancies: v.missing + v.stale + v.extra },
    };
    log(`outbox path: ${2 * options.outbox} documents in ${(ms / 1000).toFixed(1)} s = ${outbox.documentsPerSecond} docs/s; drift after: ${JSON.stringify(outbox.driftAfter)}`);
    await stopApp(worker);

    // Queries.
    const apiPort = await freePort();
    const api = startApp('dist/apps/api/src/main.js', env({ PORT: String(apiPort) }), 'api');
    children.push(api);
    const apiBase = `http://127.0.0.1:${apiPort}`;
    await until(async () => (await fetch(`${apiBase}/api/v1/search/courses?limit=1`)).ok, 60_000, 'API up');

    const search = new CatalogSearchService(meili, new IndexNames(prefix));
    const base = { page: 1, limit: 20, lang: 'it' as const, sort: 'relevance' as const };
    const mix = queryMix().map((entry) => {
      const { q, ...params } =
        entry.kind === 'courses'
          ? search.courseRequest({ ...base, ...(entry.query as Partial<CourseSearchQuery>) } as CourseSearchQuery)
          : search.vacancyRequest({ ...base, ...(entry.query as Partial<VacancySearchQuery>) } as VacancySearchQuery);
      const uid = entry.kind === 'courses' ? `${prefix}courses` : `${prefix}vacancies`;
      const meiliRequest: LoadRequest = {
        method: 'POST',
        path: `/indexes/${uid}/search`,
        headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ q, ...params }),
      };
      return { entry, api: { method: 'GET', path: apiPath(entry) } as LoadRequest, meili: meiliRequest };
    });
    for (const m of mix) {
      const res = await fetch(`${apiBase}${m.api.path}`);
      if (!res.ok) throw new Error(`${m.api.path} answered ${res.status}: ${await res.text()}`);
    }
    // Other work on the machine (tests, builds) would weigh on the latencies: wait a while for a quiet moment.
    const quietBy = Date.now() + options.quietWaitS * 1000;
    while (os.loadavg()[0] > 1.5 && Date.now() < quietBy) {
      log(`load average ${os.loadavg()[0].toFixed(2)}: waiting for the machine to quieten before the query runs…`);
      await sleep(15_000);
    }
    log('warming up…');
    const targets = [
      { name: 'API (GET /api/v1/search/…)', url: apiBase, requests: mix.map((m) => m.api) },
      { name: 'Meilisearch (POST /indexes/…/search)', url: meiliProcess.url, requests: mix.map((m) => m.meili) },
    ];
    await runInterleaved(targets, options.connections, 10, 2);
    log(`API and Meilisearch in turns: ${options.connections} connections, ${options.durationS} s each in ${options.rounds} rounds…`);
    const [apiLoad, meiliLoad] = await runInterleaved(targets, options.connections, options.durationS, options.rounds);
    const loadDuringQueries = os.loadavg().map((n) => Math.round(n * 100) / 100);
    log(`API: ${JSON.stringify(apiLoad)}`);
    log(`Meilisearch: ${JSON.stringify(meiliLoad)}`);
    const perQuery = await unloadedLatencies(apiBase, meiliProcess.url, mix);
    await stopApp(api);

    const ratioP95 = apiLoad.latencyMs.p95 / meiliLoad.latencyMs.p95;
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        meilisearch: (await meili.getVersion()).pkgVersion,
        /** 1, 5 and 15-minute load averages: other work on the machine shows here. */
        loadAverageAtStart: loadAtStart,
        loadAverageDuringQueries: loadDuringQueries,
      },
      options,
      dataset,
      bulk,
      outbox,
      mix: mix.map((m) => ({ label: m.entry.label, group: m.entry.group, kind: m.entry.kind, api: m.api.path, meili: JSON.parse(m.meili.body!) })),
      api: apiLoad,
      meili: meiliLoad,
      ratioP95: Math.round(ratioP95 * 100) / 100,
      perQuery,
      goals: { apiP95Under25ms: apiLoad.latencyMs.p95 < 25, apiWithin1_5xMeiliP95: ratioP95 <= 1.5 },
    };
    const out = path.join(ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'search.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(out, 'search.md'), markdown(results));
    log(`results in bench/results/search.{json,md}: API p95 ${apiLoad.latencyMs.p95} ms, Meilisearch p95 ${meiliLoad.latencyMs.p95} ms, ratio ${results.ratioP95}`);
  } finally {
    for (const child of children) await stopApp(child);
    await queue.obliterate({ force: true }).catch(() => undefined);
    const maintenance = new Queue(QueueName.Maintenance, { connection: redisOptions(redisUrl), prefix: queuePrefix });
    await maintenance.obliterate({ force: true }).catch(() => undefined);
    await maintenance.close();
    await queue.close();
    await db?.destroy();
    await meiliProcess.stop();
    if (!options.keep) {
      await dropDatabase(databaseUrl);
      rmSync(meiliDir, { recursive: true, force: true });
      rmSync(`${meiliDir}.log`, { force: true });
      log('cleaned up: database ricarica_bench dropped, Meilisearch data and bench queues removed');
    }
  }
}

main().catch((e: Error) => {
  console.error(`bench:search failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
