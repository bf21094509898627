import { DataSource, EntityManager } from 'typeorm';
import { BroaderEdge, Relatedness, RequirementTuple, SkillIndex, SkillLevelTuple, VacancyRecord, WorkerRecord } from '@ricarica/matching';

const SKILL_URI_PREFIX = 'http://data.europa.eu/esco/skill/';

/** A worker or vacancy as loaded, with the version it was read at. */
export interface Versioned<T> {
  record: T;
  version: number;
}

interface WorkerRow {
  id: string;
  home_lat: number | null;
  home_lng: number | null;
  mobility_radius_km: number;
  visible_to_employers: boolean;
  version: number;
  skills: string[];
  levels: number[];
}

interface VacancyRow {
  id: string;
  location_lat: number | null;
  location_lng: number | null;
  remote: boolean;
  status: string;
  expires_at: Date | null;
  version: number;
  skills: string[];
  importances: ('essential' | 'optional')[];
  min_levels: number[];
}

/** Reads the matching population from PostgreSQL in a few set-based queries (no per-row round trips). */
export class MatchingPopulationLoader {
  constructor(private readonly db: DataSource) {}

  /** The skill index (by skill UUID) and the relatedness built from ESCO's skill pillar. */
  async taxonomy(m: EntityManager = this.db.manager): Promise<{ skills: SkillIndex; relatedness: Relatedness }> {
    const skillRows: { id: string }[] = await m.query(`select id from skill order by id`);
    const skills = SkillIndex.of(skillRows.map((r) => r.id));
    const edgeRows: { concept_uri: string; broader_uri: string }[] = await m.query(`select concept_uri, broader_uri from skill_broader`);
    const key = (uri: string) => (uri.startsWith(SKILL_URI_PREFIX) ? uri.slice(SKILL_URI_PREFIX.length) : uri);
    const edges: BroaderEdge[] = edgeRows.map((e) => ({ concept: key(e.concept_uri), broader: key(e.broader_uri) }));
    return { skills, relatedness: Relatedness.fromBroaderEdges(skills, edges) };
  }

  /** Workers by id, or all of them; ids that no longer exist are simply absent. */
  async workers(skills: SkillIndex, ids?: string[], m: EntityManager = this.db.manager): Promise<Versioned<WorkerRecord>[]> {
    const rows: WorkerRow[] = await m.query(
      `select w.id, w.home_lat, w.home_lng, w.mobility_radius_km, w.visible_to_employers, w.version,
              coalesce(array_agg(ws.skill_id) filter (where ws.skill_id is not null), '{}') as skills,
              coalesce(array_agg(ws.level) filter (where ws.skill_id is not null), '{}') as levels
         from worker w left join worker_skill ws on ws.worker_id = w.id
        where $1::uuid[] is null or w.id = any($1::uuid[])
        group by w.id`,
      [ids ?? null],
    );
    return rows.map((r) => ({
      version: r.version,
      record: {
        id: r.id,
        lat: r.home_lat,
        lng: r.home_lng,
        mobilityRadiusKm: r.mobility_radius_km,
        visibleToEmployers: r.visible_to_employers,
        skills: r.skills.flatMap((s, i): SkillLevelTuple[] => {
          const index = skills.indexOf(s);
          return index === undefined ? [] : [[index, r.levels[i]]];
        }),
      },
    }));
  }

  /** Open vacancies by id, or all open ones (closed and draft vacancies never match). */
  async openVacancies(skills: SkillIndex, ids?: string[], m: EntityManager = this.db.manager): Promise<Versioned<VacancyRecord>[]> {
    const rows: VacancyRow[] = await m.query(
      `select v.id, v.location_lat, v.location_lng, v.remote, v.status, v.expires_at, v.version,
              coalesce(array_agg(r.skill_id) filter (where r.skill_id is not null), '{}') as skills,
              coalesce(array_agg(r.importance) filter (where r.skill_id is not null), '{}') as importances,
              coalesce(array_agg(r.min_level) filter (where r.skill_id is not null), '{}') as min_levels
         from vacancy v left join vacancy_requirement r on r.vacancy_id = v.id
        where v.status = 'open' and ($1::uuid[] is null or v.id = any($1::uuid[]))
        group by v.id`,
      [ids ?? null],
    );
    return rows.map((r) => ({
      version: r.version,
      record: {
        id: r.id,
        lat: r.location_lat,
        lng: r.location_lng,
        remote: r.remote,
        open: true,
        expiresAt: r.expires_at,
        requirements: r.skills.flatMap((s, i): RequirementTuple[] => {
          const index = skills.indexOf(s);
          return index === undefined ? [] : [[index, r.importances[i], r.min_levels[i]]];
        }),
      },
    }));
  }
}
