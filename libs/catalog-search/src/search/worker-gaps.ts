import { DataSource } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { WORKER_MATCH_ORDER } from '@ricarica/matches';
import { GapSkill, Lang } from './search.types';

export interface WorkerArea {
  id: string;
  home: { lat: number; lng: number } | null;
  mobilityRadiusKm: number;
}

export interface WorkerGap {
  worker: WorkerArea;
  basis: 'top-matches' | 'nearby-vacancies' | 'none';
  /** The vacancies the gap was computed over. */
  vacancyIds: string[];
  skills: GapSkill[];
}

/** Top matches considered, best first. */
export const TOP_MATCHES = 20;
/** Without stored matches: the nearest open vacancies within the radius. */
export const NEARBY_VACANCIES = 50;
/** Gap skills kept, heaviest first. */
export const MAX_GAP_SKILLS = 30;

const OPEN = `v.status = 'open' and (v.expires_at is null or v.expires_at > now())`;

const haversineKm = (lat: string, lng: string) =>
  `6371 * 2 * asin(sqrt(power(sin(radians(${lat} - $2::float8) / 2), 2) + cos(radians($2::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - $3::float8) / 2), 2)))`;

/**
 * A worker's current skill gap: the skills its best vacancies require above the level it has (or that it
 * lacks), weighted 2 for essential and 1 for optional requirements, summed over those vacancies. The
 * vacancies are its stored top matches (worker_match, written by the matching engine) that are still open;
 * while it has none, the open vacancies nearest to its home within its mobility radius.
 */
export class WorkerGaps {
  constructor(private readonly db: DataSource) {}

  async of(workerId: string, lang: Lang): Promise<WorkerGap> {
    const [row]: { id: string; home_lat: number | null; home_lng: number | null; mobility_radius_km: number }[] = await this.db.query(
      `select id, home_lat, home_lng, mobility_radius_km from worker where id = $1`,
      [workerId],
    );
    if (!row) throw DomainError.notFound('Worker', workerId);
    const worker: WorkerArea = {
      id: row.id,
      home: row.home_lat !== null && row.home_lng !== null ? { lat: row.home_lat, lng: row.home_lng } : null,
      mobilityRadiusKm: row.mobility_radius_km,
    };
    let basis: WorkerGap['basis'] = 'top-matches';
    let vacancyIds = await this.topMatches(workerId);
    if (vacancyIds.length === 0) {
      basis = 'nearby-vacancies';
      vacancyIds = worker.home ? await this.nearbyVacancies(worker.home, worker.mobilityRadiusKm) : [];
    }
    if (vacancyIds.length === 0) return { worker, basis: 'none', vacancyIds, skills: [] };
    const skills: GapSkill[] = await this.db.query(
      `select r.skill_id as "skillId", ${lang === 'it' ? 'coalesce(s.label_it, s.label_en)' : 's.label_en'} as label,
              sum(case when r.importance = 'essential' then 2 else 1 end)::int as weight, count(*)::int as vacancies
         from vacancy_requirement r
         join skill s on s.id = r.skill_id
         left join worker_skill ws on ws.worker_id = $1 and ws.skill_id = r.skill_id
        where r.vacancy_id = any($2::uuid[]) and (ws.level is null or ws.level < r.min_level)
        group by r.skill_id, s.label_it, s.label_en
        order by weight desc, vacancies desc, r.skill_id
        limit $3`,
      [workerId, vacancyIds, MAX_GAP_SKILLS],
    );
    return { worker, basis: skills.length ? basis : 'none', vacancyIds, skills };
  }

  /** Its stored top matches still open; none while the matching engine has not written worker_match yet. */
  private async topMatches(workerId: string): Promise<string[]> {
    const [{ present }] = await this.db.query(`select to_regclass('worker_match') is not null as present`);
    if (!present) return [];
    const rows: { id: string }[] = await this.db.query(
      `select v.id from worker_match m join vacancy v on v.id = m.vacancy_id
        where m.worker_id = $1 and ${OPEN} order by ${WORKER_MATCH_ORDER} limit $2`,
      [workerId, TOP_MATCHES],
    );
    return rows.map((r) => r.id);
  }

  /** A bounding box first (cheap), then the exact distance. */
  private async nearbyVacancies(home: { lat: number; lng: number }, radiusKm: number): Promise<string[]> {
    const dLat = radiusKm / 111;
    const dLng = radiusKm / (111 * Math.max(Math.cos((home.lat * Math.PI) / 180), 0.01));
    const rows: { id: string }[] = await this.db.query(
      `select v.id from vacancy v
        where ${OPEN} and v.location_lat between $2::float8 - $4::float8 and $2::float8 + $4::float8
          and v.location_lng between $3::float8 - $5::float8 and $3::float8 + $5::float8
          and ${haversineKm('v.location_lat', 'v.location_lng')} <= $1::float8
        order by ${haversineKm('v.location_lat', 'v.location_lng')}, v.id
        limit $6`,
      [radiusKm, home.lat, home.lng, dLat, dLng, NEARBY_VACANCIES],
    );
    return rows.map((r) => r.id);
  }
}
