import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { INFERRED_LEVEL } from '@ricarica/workers';
import type { CohortReason } from './cohort.types';

/** The employment status a pre-profile starts with: a closure or redundancy displaces, short-time work puts at risk. */
export const statusForReason = (reason: CohortReason) => (reason === 'short_time_work' ? 'at_risk' : 'displaced');

export interface PreProfileInput {
  memberId: string;
  employeeRef: string;
  occupationId: string;
  years: number;
  extraSkillIds: string[];
  home: { lat: number; lng: number; code: string; name: string; province: string | null; region: string | null };
}

/**
 * Makes worker records for mapped members in bulk: no account (user_id null), not visible to employers,
 * the occupation's essential skills inferred at level 2 and the extra skills as declared. Returns the new
 * worker ids in input order.
 */
export async function createPreProfiles(m: EntityManager, cohortName: string, reason: CohortReason, members: PreProfileInput[]): Promise<string[]> {
  if (members.length === 0) return [];
  const ids = members.map(() => randomUUID());
  await m.query(
    `insert into worker (id, name, email, home_lat, home_lng, home_municipality_code, home_municipality, home_province, home_region,
                         mobility_radius_km, languages, employment_status, visible_to_employers, user_id)
     select t.id, t.name, null, t.lat, t.lng, t.code, t.mname, t.prov, t.reg, 30, '{it}', $1, false, null
       from unnest($2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[]) as t(id, name, lat, lng, code, mname, prov, reg)`,
    [statusForReason(reason), ids, members.map((p) => `${cohortName.slice(0, 150)} · ${p.employeeRef}`), members.map((p) => p.home.lat), members.map((p) => p.home.lng),
      members.map((p) => p.home.code), members.map((p) => p.home.name), members.map((p) => p.home.province), members.map((p) => p.home.region)],
  );
  await m.query(
    `insert into worker_occupation (worker_id, occupation_id, years) select * from unnest($1::uuid[], $2::uuid[], $3::numeric[])`,
    [ids, members.map((p) => p.occupationId), members.map((p) => p.years)],
  );
  await m.query(
    `insert into worker_skill (worker_id, skill_id, level, source)
     select t.worker_id, os.skill_id, $3, 'inferred'
       from unnest($1::uuid[], $2::uuid[]) as t(worker_id, occupation_id)
       join occupation_skill os on os.occupation_id = t.occupation_id and os.relation_type = 'essential'
     on conflict do nothing`,
    [ids, members.map((p) => p.occupationId), INFERRED_LEVEL],
  );
  const extraWorkers = members.flatMap((p, i) => p.extraSkillIds.map(() => ids[i]));
  const extraSkills = members.flatMap((p) => p.extraSkillIds);
  if (extraSkills.length) {
    await m.query(
      `insert into worker_skill (worker_id, skill_id, level, source)
       select w, s, $3, 'declared' from unnest($1::uuid[], $2::uuid[]) as t(w, s)
       on conflict (worker_id, skill_id) do update set source = 'declared'`,
      [extraWorkers, extraSkills, INFERRED_LEVEL],
    );
  }
  return ids;
}

/** An unclaimed pre-profile's occupation replaced: its inferred skills follow the new occupation. */
export async function replaceOccupation(m: EntityManager, workerId: string, occupationId: string, years: number): Promise<void> {
  await m.query(`delete from worker_occupation where worker_id = $1`, [workerId]);
  await m.query(`insert into worker_occupation (worker_id, occupation_id, years) values ($1, $2, $3)`, [workerId, occupationId, years]);
  await m.query(`delete from worker_skill where worker_id = $1 and source = 'inferred'`, [workerId]);
  await m.query(
    `insert into worker_skill (worker_id, skill_id, level, source)
     select $1, skill_id, $3, 'inferred' from occupation_skill where occupation_id = $2 and relation_type = 'essential'
     on conflict do nothing`,
    [workerId, occupationId, INFERRED_LEVEL],
  );
  await m.query(`update worker set version = version + 1, updated_at = now() where id = $1`, [workerId]);
}
