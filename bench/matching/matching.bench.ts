import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { compareCandidates, compareMatches, eligibleDistance, MatchingEngine, rebuildInThreads, roundScore, scorePair, type CandidateEntry, type MatchEntry, type RebuildStats, type VacancyRecord, type WorkerRecord } from '@ricarica/matching';
import { loadEsco, loadNorthernPlaces, type EscoData } from './esco-data';
import { PopulationGenerator } from './population-generator';
import { runSqlComparison, type SqlComparisonResult } from './sql-comparison';

/*
 * Matching engine benchmark. `npm run bench:matching` builds, then runs this file, which runs each
 * scenario in its own child process (so peak RSS is per scenario) and writes
 * bench/results/matching.json and matching.md.
 */

const ROOT = resolve(__dirname, '../../..');
const DATA = join(ROOT, 'data');
const NOW = Date.UTC(2025, 0, 15);
const SEED = 20250115;
const THREADS = 2;

type Scenario = 'rebuild' | 'events' | 'batch-slice' | 'sql';
const SCENARIOS: Scenario[] = ['rebuild', 'events', 'batch-slice', 'sql'];

interface RebuildResult {
  scenario: 'rebuild';
  workers: number;
  vacancies: number;
  threads: number;
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
  stats: RebuildStats;
  check: { workersChecked: number; vacanciesChecked: number; mismatches: number };
  loadAverage: number[];
}

interface EventsResult {
  scenario: 'events';
  workers: number;
  vacancies: number;
  worker: Percentiles;
  vacancy: Percentiles;
  rescoredWorkers: number;
  check: { workersChecked: number; vacanciesChecked: number; mismatches: number };
  peakRssMiB: number;
  loadAverage: number[];
}

interface SliceResult {
  scenario: 'batch-slice';
  sliceWorkers: number;
  targetWorkers: number;
  vacancies: number;
  threads: number;
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
  extrapolatedWallS: number;
  stats: RebuildStats;
  memory: { populationMiB: number; workerListsFor1MMiB: number; vacancyListsMiB: number; note: string };
  loadAverage: number[];
}

interface Percentiles {
  count: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function peakRssMiB(): number {
  // maxRSS is in KiB and covers the whole process, worker threads included.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function percentiles(xs: number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { count: s.length, medianMs: round2(at(0.5)), p95Ms: round2(at(0.95)), maxMs: round2(s[s.length - 1]) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Generates and loads the population in batches, so that only the engine's packed arrays stay in memory. */
function buildEngine(esco: EscoData, gen: PopulationGenerator, workers: number, vacancies: number): MatchingEngine {
  const engine = new MatchingEngine(esco.relatedness);
  for (let i = 0; i < vacancies; i += 1000) engine.loadVacancies(Array.from({ length: Math.min(1000, vacancies - i) }, () => gen.vacancy()));
  for (let i = 0; i < workers; i += 1000) engine.loadWorkers(Array.from({ length: Math.min(1000, workers - i) }, () => gen.worker()));
  return engine;
}

/** Brute force for a sample: every pair scored with scorePair, as the reference does. */
function checkAgainstBruteForce(engine: MatchingEngine, esco: EscoData, workerIds: string[], vacancyIds: string[], allWorkerIds: string[], allVacancyIds: string[]): { workersChecked: number; vacanciesChecked: number; mismatches: number } {
  const vacancies = allVacancyIds.map((id) => engine.vacancyRecord(id) as VacancyRecord);
  const reqs = vacancies.map((v) => v.requirements.map(([skill, importance, minLevel]) => ({ skill, importance, minLevel })));
  let mismatches = 0;
  for (const id of workerIds) {
    const w = engine.workerRecord(id) as WorkerRecord;
    const profile = w.skills.map(([skill, level]) => ({ skill, level }));
    const list: MatchEntry[] = [];
    vacancies.forEach((v, j) => {
      const km = eligibleDistance(w, v, NOW);
      if (km === null) return;
      const s = scorePair(profile, reqs[j], esco.relatedness);
      if (s.numerator > 0) list.push({ vacancyId: v.id, score: roundScore(s.numerator, s.denominator), numerator: s.numerator, denominator: s.denominator, distanceKm: km });
    });
    const expected = list.sort(compareMatches).slice(0, engine.depths.workerServed);
    if (JSON.stringify(expected) !== JSON.stringify(engine.matchesOf(id))) mismatches++;
  }
  for (const id of vacancyIds) {
    const v = engine.vacancyRecord(id) as VacancyRecord;
    const r = v.requirements.map(([skill, importance, minLevel]) => ({ skill, importance, minLevel }));
    const list: CandidateEntry[] = [];
    for (const wid of allWorkerIds) {
      const w = engine.workerRecord(wid) as WorkerRecord;
      if (!w.visibleToEmployers) continue;
      const km = eligibleDistance(w, v, NOW);
      if (km === null) continue;
      const s = scorePair(w.skills.map(([skill, level]) => ({ skill, level })), r, esco.relatedness);
      if (s.numerator > 0) list.push({ workerId: wid, score: roundScore(s.numerator, s.denominator), numerator: s.numerator, denominator: s.denominator, distanceKm: km });
    }
    const expected = list.sort(compareCandidates).slice(0, engine.depths.vacancyServed);
    if (JSON.stringify(expected) !== JSON.stringify(engine.candidatesOf(id))) mismatches++;
  }
  return { workersChecked: workerIds.length, vacanciesChecked: vacancyIds.length, mismatches };
}

function ids(engine: MatchingEngine, kind: 'worker' | 'vacancy'): string[] {
  const view = engine.view();
  const list = kind === 'worker' ? view.workerIds : view.vacancyIds;
  return list.filter((id): id is string => id !== undefined);
}

function sample<T>(xs: T[], n: number, seed: number): T[] {
  const step = Math.max(1, Math.floor(xs.length / n));
  return Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[(i * step + seed) % xs.length]);
}

async function runRebuild(): Promise<RebuildResult> {
  const esco = loadEsco(DATA);
  const gen = new PopulationGenerator(esco, loadNorthernPlaces(DATA), SEED, NOW);
  const engine = buildEngine(esco, gen, 100_000, 10_000);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = await rebuildInThreads(engine, { now: NOW, threads: THREADS });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rss = peakRssMiB();
  const load = loadavg();
  const workers = ids(engine, 'worker');
  const vacancies = ids(engine, 'vacancy');
  const check = checkAgainstBruteForce(engine, esco, sample(workers, 20, 7), sample(vacancies, 2, 3), workers, vacancies);
  return { scenario: 'rebuild', workers: 100_000, vacancies: 10_000, threads: THREADS, wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMiB: rss, stats, check, loadAverage: load.map(round2) };
}

async function runEvents(): Promise<EventsResult> {
  const esco = loadEsco(DATA);
  const gen = new PopulationGenerator(esco, loadNorthernPlaces(DATA), SEED, NOW);
  const engine = buildEngine(esco, gen, 100_000, 10_000);
  await rebuildInThreads(engine, { now: NOW, threads: THREADS });
  engine.prepareForEvents();
  const workers = ids(engine, 'worker');
  const vacancies = ids(engine, 'vacancy');
  // Changed records are prepared up front so that only the engine's work is timed.
  const workerEvents = sample(workers, 100, 11).map((id) => gen.changedWorker(engine.workerRecord(id) as WorkerRecord));
  const vacancyEvents = sample(vacancies, 100, 5).map((id) => gen.changedVacancy(engine.vacancyRecord(id) as VacancyRecord));
  const workerMs: number[] = [];
  const vacancyMs: number[] = [];
  let rescored = 0;
  // Alternate the two kinds, as a live queue would.
  for (let i = 0; i < 100; i++) {
    let t = performance.now();
    engine.upsertWorker(workerEvents[i], NOW);
    workerMs.push(performance.now() - t);
    t = performance.now();
    rescored += engine.upsertVacancy(vacancyEvents[i], NOW).rescoredWorkers.length;
    vacancyMs.push(performance.now() - t);
  }
  const check = checkAgainstBruteForce(engine, esco, sample(workerEvents.map((w) => w.id), 10, 1), sample(vacancyEvents.map((v) => v.id), 2, 1), workers, vacancies);
  return { scenario: 'events', workers: 100_000, vacancies: 10_000, worker: percentiles(workerMs), vacancy: percentiles(vacancyMs), rescoredWorkers: rescored, check, peakRssMiB: peakRssMiB(), loadAverage: loadavg().map(round2) };
}

async function runSlice(): Promise<SliceResult> {
  const esco = loadEsco(DATA);
  const gen = new PopulationGenerator(esco, loadNorthernPlaces(DATA), SEED + 1, NOW);
  const slice = 50_000;
  const target = 1_000_000;
  const engine = buildEngine(esco, gen, slice, 100_000);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = await rebuildInThreads(engine, { now: NOW, threads: THREADS });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const view = engine.view();
  const populationBytes = [view.workerFlags, view.workerLat, view.workerLng, view.workerRadius, view.workerUnit, view.workerSkillStart, view.workerSkillCount, view.workerRank].reduce((t, a) => t + a.byteLength, 0) + view.workerSkills.byteLength;
  const perWorker = populationBytes / slice;
  const MiB = 1024 * 1024;
  return {
    scenario: 'batch-slice',
    sliceWorkers: slice,
    targetWorkers: target,
    vacancies: 100_000,
    threads: THREADS,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMiB: peakRssMiB(),
    extrapolatedWallS: Math.round(((wallMs / 1000) * target) / slice),
    stats,
    memory: {
      populationMiB: Math.round((perWorker * target) / MiB),
      workerListsFor1MMiB: Math.round((target * engine.depths.workerStored * 16) / MiB),
      vacancyListsMiB: Math.round((100_000 * engine.depths.vacancyStored * 16) / MiB),
      note: 'packed worker arrays scaled linearly to 1M; worker lists at 16 B per stored entry if kept in memory (a batch writes each chunk out instead); vacancy lists at 16 B per entry, plus per-thread partials of the same size while a rebuild runs',
    },
    loadAverage: loadavg().map(round2),
  };
}

async function runSql(): Promise<SqlComparisonResult> {
  const esco = loadEsco(DATA);
  const gen = new PopulationGenerator(esco, loadNorthernPlaces(DATA), SEED + 2, NOW);
  // A database of its own next to the application's: BENCH_ADMIN_DATABASE_URL names the server (any database on it).
  const admin = new URL(process.env.BENCH_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  return runSqlComparison(esco, gen, NOW, admin, 10_000, 1_000);
}

function runScenario(name: Scenario): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--scenario', name], { execArgv: ['--max-old-space-size=8192'] });
    child.once('message', (m) => resolvePromise(m));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`scenario ${name} exited with ${code}`))));
  });
}

/** Written by `npm run bench:matching:e2e` (bench/matching/e2e.bench.ts) into the same results file. */
interface E2eSummary {
  scenario: 'e2e';
  workers: number;
  vacancies: number;
  route: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  candidatesPerVacancy: { min: number; median: number };
  listsEqualToEngine: boolean;
}

function markdown(r: RebuildResult, e: EventsResult, s: SliceResult, q?: SqlComparisonResult, x?: E2eSummary): string {
  const goal = (ok: boolean) => (ok ? 'met' : 'missed');
  return [
    '# Matching engine benchmark',
    '',
    `Generated by \`npm run bench:matching\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${THREADS} worker threads. Population from full ESCO v1.1.1 and ISTAT municipality centroids of northern Italy (seed ${SEED}); see bench/matching/population-generator.ts.`,
    '',
    '| Measure | Result | Goal |',
    '| --- | --- | --- |',
    `| Full rebuild, ${r.workers.toLocaleString('en')} workers × ${r.vacancies.toLocaleString('en')} vacancies | ${(r.wallMs / 1000).toFixed(1)} s wall; ${(r.cpuMs / 1000).toFixed(1)} s CPU, i.e. ≈ ${(r.cpuMs / 1000 / r.threads).toFixed(1)} s on ${r.threads} free cores | < 10 s: ${goal(r.wallMs < 10_000)} |`,
    `| Peak RSS of that rebuild (process incl. threads) | ${r.peakRssMiB} MiB | < 1 GiB: ${goal(r.peakRssMiB < 1024)} |`,
    `| Worker event (changed skills), ${e.worker.count} events | median ${e.worker.medianMs} ms, p95 ${e.worker.p95Ms} ms | p95 < 10 ms: ${goal(e.worker.p95Ms < 10)} |`,
    `| Vacancy event (changed requirements), ${e.vacancy.count} events | median ${e.vacancy.medianMs} ms, p95 ${e.vacancy.p95Ms} ms | p95 < 100 ms: ${goal(e.vacancy.p95Ms < 100)} |`,
    `| Offline batch 1,000,000 × 100,000 (extrapolated from a slice) | ≈ ${Math.round(s.extrapolatedWallS / 60)} min (${s.extrapolatedWallS} s), peak RSS of the slice ${s.peakRssMiB} MiB | < 20 min and < 4 GiB: ${goal(s.extrapolatedWallS < 1200)} |`,
    ...(q ? [`| Same scoring in PostgreSQL, ${q.workers.toLocaleString('en')} × ${q.vacancies.toLocaleString('en')} | SQL ${(q.sqlMs / 1000).toFixed(1)} s; engine ${q.engineSingleThreadMs} ms on one thread, ${q.engineMs} ms on 2 threads; speed-up ${q.speedUp}× | ≥ 20×: ${goal(q.speedUp >= 20)} |`] : []),
    ...(x ? [`| End to end: vacancy created through the API until its candidates are readable, ${x.vacancies} vacancies, ${x.workers.toLocaleString('en')} workers | median ${(x.medianMs / 1000).toFixed(2)} s, p95 ${(x.p95Ms / 1000).toFixed(2)} s | p95 < 2 s: ${goal(x.p95Ms < 2000)} |`] : []),
    '',
    `Offline batch: measured on a slice of ${s.sliceWorkers.toLocaleString('en')} workers against all ${s.vacancies.toLocaleString('en')} vacancies in ${(s.wallMs / 1000).toFixed(1)} s (peak RSS ${s.peakRssMiB} MiB), then extrapolated linearly to ${s.targetWorkers.toLocaleString('en')} workers (the work per worker does not depend on how many other workers there are). Memory estimate for the full batch: packed workers ≈ ${s.memory.populationMiB} MiB, vacancy candidate lists ≈ ${s.memory.vacancyListsMiB} MiB; worker lists (≈ ${s.memory.workerListsFor1MMiB} MiB if all were held) are written out chunk by chunk.`,
    '',
    `Rebuild detail: per worker, ${(r.stats.creditedRequirements / r.workers).toFixed(0)} credited (worker, requirement) pairs accumulated, ${(r.stats.candidatesChecked / r.workers).toFixed(0)} (worker, vacancy) pairs reached a K-th floor and were checked for eligibility. Time per phase, summed over threads: ${Object.entries(r.stats.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}.`,
    '',
    `Checks against brute force (every pair scored with scorePair): rebuild ${r.check.workersChecked} workers and ${r.check.vacanciesChecked} vacancies, events ${e.check.workersChecked} workers and ${e.check.vacanciesChecked} vacancies: ${r.check.mismatches + e.check.mismatches} mismatches. ${e.rescoredWorkers} worker lists were recomputed in full during the vacancy events.`,
    '',
    ...(q
      ? [
          `PostgreSQL comparison (${q.postgres}, database ${q.database} created and dropped by the bench): the scoring as a user might first write it (bench/matching/sql-comparison.ts: a join for direct credits, a join through a related-skills table for related ones, the best per requirement, sums per pair, haversine eligibility, row_number() for the top lists; work_mem 256 MB) over ${q.pairsScoredBySql.toLocaleString('en')} (worker, vacancy) pairs sharing a skill or a related one. Bulk load ${(q.loadMs / 1000).toFixed(1)} s (not timed in the comparison). Lists compared entry for entry (id, numerator, denominator, distance within 1e-6 km): ${q.check.workerLists.toLocaleString('en')} worker lists, ${q.check.mismatchedWorkerLists} different; ${q.check.vacancyLists.toLocaleString('en')} candidate lists, ${q.check.mismatchedVacancyLists} different.`,
          '',
        ]
      : []),
    ...(x ? [`End to end (\`npm run bench:matching:e2e\`): ${x.workers.toLocaleString('en')} workers bulk-inserted into a bench database migrated with the real migrations, the real API and worker apps running; each vacancy is posted and published through the HTTP API and ${x.route} is polled until it returns the computed list (candidates per vacancy: min ${x.candidatesPerVacancy.min}, median ${x.candidatesPerVacancy.median}; lists equal to an engine run on the same data: ${x.listsEqualToEngine ? 'yes' : 'no'}). Max ${(x.maxMs / 1000).toFixed(2)} s.`, ''] : []),
    `Machine load average at the end of each run (1, 5, 15 min): rebuild ${r.loadAverage.join(', ')}; events ${e.loadAverage.join(', ')}; slice ${s.loadAverage.join(', ')}. Other processes on the same two cores slow the figures down.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) {
    // Rewrites matching.md from matching.json (after a change to the report's wording).
    const out = join(ROOT, 'bench', 'results');
    const saved = JSON.parse(readFileSync(join(out, 'matching.json'), 'utf8')) as { results: Record<string, unknown> };
    writeFileSync(join(out, 'matching.md'), markdown(saved.results.rebuild as RebuildResult, saved.results.events as EventsResult, saved.results['batch-slice'] as SliceResult, saved.results.sql as SqlComparisonResult | undefined, saved.results.e2e as E2eSummary | undefined));
    return;
  }
  const at = process.argv.indexOf('--scenario');
  if (at >= 0) {
    const name = process.argv[at + 1] as Scenario;
    const result = name === 'rebuild' ? await runRebuild() : name === 'events' ? await runEvents() : name === 'sql' ? await runSql() : await runSlice();
    (process.send as (m: unknown) => void)(result);
    return;
  }
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-')) as Scenario[];
  for (const name of only) if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.join(', ')}`);
  const scenarios: Scenario[] = only.length > 0 ? only : SCENARIOS;
  // Results of scenarios not run this time are kept from the previous file.
  const out = join(ROOT, 'bench', 'results');
  const file = join(out, 'matching.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results: Record<string, unknown> }).results : {};
  const results: Record<string, unknown> = { ...previous };
  for (const name of scenarios) {
    console.log(`running ${name}…`);
    results[name] = await runScenario(name);
    console.log(JSON.stringify(results[name]));
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(file, JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, seed: SEED, now: new Date(NOW).toISOString(), results }, null, 2) + '\n');
  if (results.rebuild && results.events && results['batch-slice']) {
    writeFileSync(join(out, 'matching.md'), markdown(results.rebuild as RebuildResult, results.events as EventsResult, results['batch-slice'] as SliceResult, results.sql as SqlComparisonResult | undefined, results.e2e as E2eSummary | undefined));
    console.log(`wrote ${file} and matching.md`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
