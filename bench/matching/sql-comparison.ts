import { Client } from 'pg';
import { MatchingEngine, rebuildInThreads, type CandidateEntry, type MatchEntry, type VacancyRecord, type WorkerRecord } from '@ricarica/matching';
import type { EscoData } from './esco-data';
import type { PopulationGenerator } from './population-generator';

/*
 * The same scoring written the way a user might first write it in PostgreSQL: requirement and skill
 * tables, the relatedness rule as a table of related skill pairs, a join for direct credits, a join
 * for related ones, the best credit per requirement, sums per pair, eligibility, and a window
 * function for the top lists. It runs in a database of its own, created (and dropped) here, and its
 * lists are compared entry for entry with the engine's on the same population.
 */

export interface SqlComparisonResult {
  scenario: 'sql';
  workers: number;
  vacancies: number;
  database: string;
  loadMs: number;
  sqlMs: number;
  /** Rebuild on two worker threads, and on the calling thread alone (no thread start-up). */
  engineMs: number;
  engineSingleThreadMs: number;
  speedUp: number;
  pairsScoredBySql: number;
  check: { workerLists: number; vacancyLists: number; mismatchedWorkerLists: number; mismatchedVacancyLists: number };
  postgres: string;
}

const SCHEMA = `
  create table skill_related (skill int not null, related int not null, primary key (skill, related));
  create table worker (id text collate "C" primary key, lat double precision, lng double precision, radius_km double precision not null, visible boolean not null);
  create table worker_skill (worker_id text collate "C" not null references worker, skill int not null, level int not null, primary key (worker_id, skill));
  create table vacancy (id text collate "C" primary key, lat double precision, lng double precision, remote boolean not null, open boolean not null, expires_at timestamptz);
  create table vacancy_requirement (id serial primary key, vacancy_id text collate "C" not null references vacancy, skill int not null, importance text not null, min_level int not null);
  create index on worker_skill (skill);
  create index on vacancy_requirement (vacancy_id);
  create index on vacancy_requirement (skill);
`;

/**
 * Credits in 24ths (24·level/minLevel is whole for levels 1..4), the direct credit when the worker
 * has the skill, else the best related one; numerator and denominator as in the contract; ranking by
 * the exact fraction (numerator·other denominator), then distance, then id.
 */
const QUERY = `
  with direct as (
    select r.id as req, ws.worker_id, least(24, 24 * ws.level / r.min_level) as credit
      from vacancy_requirement r join worker_skill ws on ws.skill = r.skill
  ), related as (
    select r.id as req, ws.worker_id, max(least(12, 12 * ws.level / r.min_level)) as credit
      from vacancy_requirement r
      join skill_related sr on sr.skill = r.skill
      join worker_skill ws on ws.skill = sr.related
     group by r.id, ws.worker_id
  ), credit as (
    select coalesce(d.req, x.req) as req, coalesce(d.worker_id, x.worker_id) as worker_id, coalesce(d.credit, x.credit) as credit
      from direct d full join related x on x.req = d.req and x.worker_id = d.worker_id
  ), pair as (
    select r.vacancy_id, c.worker_id, sum(case r.importance when 'essential' then 2 else 1 end * c.credit) as num
      from credit c join vacancy_requirement r on r.id = c.req
     group by r.vacancy_id, c.worker_id
  ), den as (
    select vacancy_id, 24 * sum(case importance when 'essential' then 2 else 1 end) as den from vacancy_requirement group by vacancy_id
  ), eligible as (
    select p.worker_id, p.vacancy_id, p.num, d.den, w.visible,
           case when w.lat is null or v.lat is null then 0
                else 2 * 6371 * asin(least(1, sqrt(power(sin(radians(v.lat - w.lat) / 2), 2) + cos(radians(w.lat)) * cos(radians(v.lat)) * power(sin(radians(v.lng - w.lng) / 2), 2)))) end as km,
           v.remote, w.radius_km, w.lat is not null and v.lat is not null as located
      from pair p join worker w on w.id = p.worker_id join vacancy v on v.id = p.vacancy_id join den d on d.vacancy_id = p.vacancy_id
     where p.num > 0 and v.open and (v.expires_at is null or v.expires_at > $1)
  ), kept as (
    select * from eligible where remote or (located and km <= radius_km)
  ), ranked as (
    select k.*,
           row_number() over (partition by worker_id order by num::numeric / den desc, km, vacancy_id) as worker_rank,
           case when visible then row_number() over (partition by visible, vacancy_id order by num::numeric / den desc, km, worker_id) end as vacancy_rank
      from kept k
  )
  select worker_id, vacancy_id, num, den, km, worker_rank, vacancy_rank from ranked where worker_rank <= $2 or vacancy_rank <= $3`;

async function createDatabase(adminUrl: URL, name: string): Promise<URL> {
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl.toString());
  url.pathname = `/${name}`;
  return url;
}

async function dropDatabase(adminUrl: URL, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Bulk insert: one statement per table and batch, the columns passed as arrays and unnested. */
async function load(db: Client, esco: EscoData, workers: WorkerRecord[], vacancies: VacancyRecord[]): Promise<void> {
  const rel = esco.relatedness;
  const skill: number[] = [];
  const related: number[] = [];
  for (let s = 0; s < rel.skillCount; s++) for (const t of rel.neighboursOf(s)) (skill.push(s), related.push(t));
  for (let i = 0; i < skill.length; i += 200_000) await db.query(`insert into skill_related select * from unnest($1::int[], $2::int[])`, [skill.slice(i, i + 200_000), related.slice(i, i + 200_000)]);
  await db.query(`insert into worker select * from unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::bool[])`, [workers.map((w) => w.id), workers.map((w) => w.lat), workers.map((w) => w.lng), workers.map((w) => w.mobilityRadiusKm), workers.map((w) => w.visibleToEmployers)]);
  const ws = workers.flatMap((w) => w.skills.map(([s, l]) => [w.id, s, l] as const));
  for (let i = 0; i < ws.length; i += 100_000) {
    const b = ws.slice(i, i + 100_000);
    await db.query(`insert into worker_skill select * from unnest($1::text[], $2::int[], $3::int[])`, [b.map((x) => x[0]), b.map((x) => x[1]), b.map((x) => x[2])]);
  }
  const expires = (v: VacancyRecord) => (v.expiresAt === null ? null : new Date(v.expiresAt).toISOString());
  await db.query(`insert into vacancy select * from unnest($1::text[], $2::float8[], $3::float8[], $4::bool[], $5::bool[], $6::timestamptz[])`, [vacancies.map((v) => v.id), vacancies.map((v) => v.lat), vacancies.map((v) => v.lng), vacancies.map((v) => v.remote), vacancies.map((v) => v.open), vacancies.map(expires)]);
  const reqs = vacancies.flatMap((v) => v.requirements.map(([s, imp, m]) => [v.id, s, imp, m] as const));
  await db.query(`insert into vacancy_requirement (vacancy_id, skill, importance, min_level) select * from unnest($1::text[], $2::int[], $3::text[], $4::int[])`, [reqs.map((x) => x[0]), reqs.map((x) => x[1]), reqs.map((x) => x[2]), reqs.map((x) => x[3])]);
  await db.query(`analyze`);
}

interface Row {
  worker_id: string;
  vacancy_id: string;
  num: string;
  den: string;
  km: number;
  worker_rank: string;
  vacancy_rank: string | null;
}

/** Same entries, same order; distances may differ in the last bits between PostgreSQL's and V8's trigonometry. */
function sameList<T extends { numerator: number; denominator: number; distanceKm: number }>(a: T[], b: T[], key: (x: T) => string): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => key(x) === key(b[i]) && x.numerator === b[i].numerator && x.denominator === b[i].denominator && Math.abs(x.distanceKm - b[i].distanceKm) < 1e-6);
}

export async function runSqlComparison(esco: EscoData, gen: PopulationGenerator, now: number, adminUrl: URL, nWorkers: number, nVacancies: number): Promise<SqlComparisonResult> {
  const name = 'ricarica_bench_matching';
  const vacancies = Array.from({ length: nVacancies }, () => gen.vacancy());
  const workers = Array.from({ length: nWorkers }, () => gen.worker());
  const url = await createDatabase(adminUrl, name);
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query(SCHEMA);
    const l0 = performance.now();
    await load(db, esco, workers, vacancies);
    const loadMs = performance.now() - l0;
    // As a user would run it after raising work_mem once; parallel workers as configured.
    await db.query(`set work_mem = '256MB'`);
    const [{ version }] = (await db.query(`select version()`)).rows as { version: string }[];
    const engine = new MatchingEngine(esco.relatedness);
    const served = { worker: engine.depths.workerServed, vacancy: engine.depths.vacancyServed };

    const s0 = performance.now();
    const rows = (await db.query(QUERY, [new Date(now).toISOString(), served.worker, served.vacancy])).rows as Row[];
    const sqlMs = performance.now() - s0;
    const [{ pairs }] = (await db.query(`select count(*)::int as pairs from (select distinct r.vacancy_id, ws.worker_id from vacancy_requirement r join skill_related sr on sr.skill = r.skill join worker_skill ws on ws.skill = sr.related union select r.vacancy_id, ws.worker_id from vacancy_requirement r join worker_skill ws on ws.skill = r.skill) x`)).rows as { pairs: number }[];

    engine.loadVacancies(vacancies);
    engine.loadWorkers(workers);
    const e0 = performance.now();
    await rebuildInThreads(engine, { now, threads: 2 });
    const engineMs = performance.now() - e0;
    const single = new MatchingEngine(esco.relatedness);
    single.loadVacancies(vacancies);
    single.loadWorkers(workers);
    const t0 = performance.now();
    single.rebuild(now);
    const engineSingleThreadMs = performance.now() - t0;

    const sqlWorkers = new Map<string, MatchEntry[]>(workers.map((w) => [w.id, []]));
    const sqlVacancies = new Map<string, CandidateEntry[]>(vacancies.map((v) => [v.id, []]));
    const sorted = [...rows].sort((a, b) => Number(a.worker_rank) - Number(b.worker_rank));
    for (const r of sorted) {
      const num = Number(r.num);
      const den = Number(r.den);
      if (Number(r.worker_rank) <= served.worker) sqlWorkers.get(r.worker_id)?.push({ vacancyId: r.vacancy_id, score: 0, numerator: num, denominator: den, distanceKm: r.km });
    }
    for (const r of [...rows].filter((x) => x.vacancy_rank !== null).sort((a, b) => Number(a.vacancy_rank) - Number(b.vacancy_rank))) {
      if (Number(r.vacancy_rank) <= served.vacancy) sqlVacancies.get(r.vacancy_id)?.push({ workerId: r.worker_id, score: 0, numerator: Number(r.num), denominator: Number(r.den), distanceKm: r.km });
    }
    let mismatchedWorkerLists = 0;
    let mismatchedVacancyLists = 0;
    for (const w of workers) if (!sameList(sqlWorkers.get(w.id) ?? [], engine.matchesOf(w.id), (x) => x.vacancyId)) mismatchedWorkerLists++;
    for (const v of vacancies) if (!sameList(sqlVacancies.get(v.id) ?? [], engine.candidatesOf(v.id), (x) => x.workerId)) mismatchedVacancyLists++;
    return {
      scenario: 'sql',
      workers: nWorkers,
      vacancies: nVacancies,
      database: name,
      loadMs: Math.round(loadMs),
      sqlMs: Math.round(sqlMs),
      engineMs: Math.round(engineMs),
      engineSingleThreadMs: Math.round(engineSingleThreadMs),
      speedUp: Math.round(sqlMs / Math.min(engineMs, engineSingleThreadMs)),
      pairsScoredBySql: pairs,
      check: { workerLists: workers.length, vacancyLists: vacancies.length, mismatchedWorkerLists, mismatchedVacancyLists },
      postgres: version.split(' on ')[0],
    };
  } finally {
    await db.end();
    await dropDatabase(adminUrl, name);
  }
}
