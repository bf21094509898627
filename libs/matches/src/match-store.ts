import { EntityManager } from 'typeorm';
import type { CandidateEntry, MatchEntry } from '@ricarica/matching';

/** Bumped when the scoring changes, so stored lists say which rules produced them. */
export const ENGINE_VERSION = 1;

const BATCH = 5000;

/** Writes match lists in bulk (unnest batches). */
export class MatchStore {
  /** Writes the lists of a full rebuild into emptied tables. */
  async insertWorkerLists(m: EntityManager, lists: Map<string, MatchEntry[]>, computedAt: Date): Promise<number> {
    let written = 0;
    for (const batch of workerBatches(lists)) {
      await m.query(
        `insert into worker_match (worker_id, vacancy_id, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
         select *, $7::smallint, $8::timestamptz from unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::int[], $5::int[], $6::float8[])`,
        [...matchColumns(batch), ENGINE_VERSION, computedAt],
      );
      written += batch.length;
    }
    return written;
  }

  /**
   * Makes the stored lists of these workers equal to `lists`, writing only what differs: entries that
   * left are deleted, new or rescored entries upserted, the rest untouched. A vacancy entering the lists
   * of thirty thousand workers writes thirty thousand rows, not their whole lists. Answers rows changed.
   */
  async syncWorkerLists(m: EntityManager, lists: Map<string, MatchEntry[]>, computedAt: Date): Promise<number> {
    let changed = 0;
    for (const batch of workerBatches(lists)) {
      const [{ deleted, upserted }]: { deleted: number; upserted: number }[] = await m.query(
        `with n (worker_id, vacancy_id, score, num, den, km) as (
           select * from unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::int[], $5::int[], $6::float8[])),
         gone as (
           delete from worker_match m where m.worker_id = any($9::uuid[])
              and not exists (select 1 from n where n.worker_id = m.worker_id and n.vacancy_id = m.vacancy_id)
           returning 1),
         put as (
           insert into worker_match (worker_id, vacancy_id, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
           select n.worker_id, n.vacancy_id, n.score, n.num, n.den, n.km, $7::smallint, $8::timestamptz from n
           on conflict (worker_id, vacancy_id) do update set score = excluded.score, score_numerator = excluded.score_numerator,
              score_denominator = excluded.score_denominator, distance_km = excluded.distance_km,
              engine_version = excluded.engine_version, computed_at = excluded.computed_at
            -- Unchanged entries: found through the primary key and left as they are (a join to find
            -- them first would scan the whole table for every batch).
            where (worker_match.score_numerator, worker_match.score_denominator, worker_match.distance_km, worker_match.engine_version)
                  is distinct from (excluded.score_numerator, excluded.score_denominator, excluded.distance_km, excluded.engine_version)
           returning 1)
         select (select count(*) from gone)::int as deleted, (select count(*) from put)::int as upserted`,
        [...matchColumns(batch), ENGINE_VERSION, computedAt, batch.workers],
      );
      changed += deleted + upserted;
    }
    return changed;
  }

  /** Replaces the stored candidate lists of these vacancies. */
  async replaceVacancyLists(m: EntityManager, lists: Map<string, CandidateEntry[]>, computedAt: Date): Promise<number> {
    if (lists.size === 0) return 0;
    await m.query(`delete from vacancy_candidate where vacancy_id = any($1::uuid[])`, [[...lists.keys()]]);
    const rows = [...lists].flatMap(([vacancyId, entries]) => entries.map((e, i) => ({ owner: vacancyId, other: e.workerId, rank: i + 1, e })));
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await m.query(
        `insert into vacancy_candidate (vacancy_id, worker_id, rank, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
         select * , $8::smallint, $9::timestamptz from unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::numeric[], $5::int[], $6::int[], $7::real[])`,
        columns(batch, ENGINE_VERSION, computedAt),
      );
    }
    return rows.length;
  }

  /** Records the version of each subject its list was computed from (the `stale` flag compares it). */
  async markComputed(m: EntityManager, subjectType: 'worker' | 'vacancy', versions: Map<string, number>, computedAt: Date): Promise<void> {
    if (versions.size === 0) return;
    await m.query(
      `insert into match_state (subject_type, subject_id, computed_version, computed_at)
       select $1, id, v, $4 from unnest($2::uuid[], $3::int[]) as t(id, v)
       on conflict (subject_type, subject_id) do update set computed_version = excluded.computed_version, computed_at = excluded.computed_at`,
      [subjectType, [...versions.keys()], [...versions.values()], computedAt],
    );
  }

  /** Forgets subjects that left the engine (deleted workers, closed or deleted vacancies). */
  async forget(m: EntityManager, subjectType: 'worker' | 'vacancy', ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`delete from match_state where subject_type = $1 and subject_id = any($2::uuid[])`, [subjectType, ids]);
  }

  /** Drops every stored list (a full rebuild rewrites them all). */
  async clearAll(m: EntityManager): Promise<void> {
    await m.query(`truncate worker_match, vacancy_candidate`);
  }
}

function columns(
  rows: { owner: string; other: string; rank: number; e: { score: number; numerator: number; denominator: number; distanceKm: number } }[],
  engineVersion: number,
  computedAt: Date,
): unknown[] {
  return [
    rows.map((r) => r.owner),
    rows.map((r) => r.other),
    rows.map((r) => r.rank),
    rows.map((r) => r.e.score),
    rows.map((r) => r.e.numerator),
    rows.map((r) => r.e.denominator),
    rows.map((r) => r.e.distanceKm),
    engineVersion,
    computedAt,
  ];
}

interface WorkerBatch {
  /** Every worker of the batch, those with an empty list included. */
  workers: string[];
  rows: { workerId: string; e: MatchEntry }[];
  length: number;
}

/** Groups whole lists into batches of about BATCH rows: a worker's list is never split. */
function* workerBatches(lists: Map<string, MatchEntry[]>): Generator<WorkerBatch> {
  let batch: WorkerBatch = { workers: [], rows: [], length: 0 };
  for (const [workerId, entries] of lists) {
    batch.workers.push(workerId);
    for (const e of entries) batch.rows.push({ workerId, e });
    batch.length = batch.rows.length;
    if (batch.length >= BATCH) {
      yield batch;
      batch = { workers: [], rows: [], length: 0 };
    }
  }
  if (batch.workers.length) yield batch;
}

function matchColumns(batch: WorkerBatch): unknown[] {
  return [
    batch.rows.map((r) => r.workerId),
    batch.rows.map((r) => r.e.vacancyId),
    batch.rows.map((r) => r.e.score),
    batch.rows.map((r) => r.e.numerator),
    batch.rows.map((r) => r.e.denominator),
    batch.rows.map((r) => r.e.distanceKm),
  ];
}
