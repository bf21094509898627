import { EntityManager } from 'typeorm';
import type { CandidateEntry, MatchEntry } from '@ricarica/matching';

/** Bumped when the scoring changes, so stored lists say which rules produced them. */
export const ENGINE_VERSION = 1;

const BATCH = 5000;

/** Writes ranked lists in bulk (unnest batches), replacing each owner's list whole. */
export class MatchStore {
  /** Replaces the stored lists of these workers; a worker with an empty list keeps no rows. */
  async replaceWorkerLists(m: EntityManager, lists: Map<string, MatchEntry[]>, computedAt: Date): Promise<void> {
    if (lists.size === 0) return;
    await m.query(`delete from worker_match where worker_id = any($1::uuid[])`, [[...lists.keys()]]);
    const rows = [...lists].flatMap(([workerId, entries]) => entries.map((e, i) => ({ owner: workerId, other: e.vacancyId, rank: i + 1, e })));
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await m.query(
        `insert into worker_match (worker_id, vacancy_id, rank, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
         select * , $8::smallint, $9::timestamptz from unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::numeric[], $5::int[], $6::int[], $7::real[])`,
        columns(batch, ENGINE_VERSION, computedAt),
      );
    }
  }

  /** Replaces the stored candidate lists of these vacancies. */
  async replaceVacancyLists(m: EntityManager, lists: Map<string, CandidateEntry[]>, computedAt: Date): Promise<void> {
    if (lists.size === 0) return;
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
