import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, duplicateProblem, Page, problemsForMissing, toPage } from '@ricarica/common';
import { Place, PlacesService } from '@ricarica/places';
import { EventName, OutboxService } from '@ricarica/queue';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { WorkerErrors } from './worker.errors';
import {
  CreateWorkerInput, Lang, PreviousOccupationInput, SkillLevelInput, UpdateWorkerInput, WorkerListFilter, WorkerSkillView,
  WorkerSummary, WorkerView, PreviousOccupationView,
} from './worker.types';

/** Level given to skills inferred from a past occupation: ESCO says they are essential, not how well. */
export const INFERRED_LEVEL = 2;

interface WorkerRow {
  id: string;
  name: string;
  email: string | null;
  home_lat: number;
  home_lng: number;
  home_municipality: string | null;
  home_municipality_code: string | null;
  home_province: string | null;
  home_region: string | null;
  mobility_radius_km: number;
  languages: string[];
  employment_status: WorkerView['employmentStatus'];
  visible_to_employers: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const homeOf = (r: WorkerRow): Place => ({
  lat: r.home_lat,
  lng: r.home_lng,
  municipality: r.home_municipality,
  municipalityCode: r.home_municipality_code,
  province: r.home_province,
  region: r.home_region,
});

@Injectable()
export class WorkersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyLookupService,
    private readonly places: PlacesService,
    private readonly outbox: OutboxService,
  ) {}

  /** `userId`: the worker account the profile belongs to (null when staff make it). */
  async create(input: CreateWorkerInput, lang: Lang, userId: string | null = null): Promise<WorkerView> {
    await this.validateReferences(input.skills ?? [], input.previousOccupations ?? []);
    const home = await this.places.resolve(input.home, 'home');
    const id = await this.db.transaction(async (m) => {
      await this.assertEmailFree(m, input.email);
      const [row]: { id: string }[] = await m.query(
        `insert into worker (name, email, home_lat, home_lng, home_municipality, home_municipality_code, home_province, home_region,
                             mobility_radius_km, languages, employment_status, visible_to_employers, user_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
        [input.name, input.email, home.lat, home.lng, home.municipality, home.municipalityCode, home.province, home.region,
          input.mobilityRadiusKm ?? 30, input.languages ?? [], input.employmentStatus, input.visibleToEmployers ?? false, userId],
      );
      await this.writeSkills(m, row.id, input.skills ?? []);
      await this.setOccupations(m, row.id, input.previousOccupations ?? []);
      await this.outbox.add(m, EventName.WorkerChanged, { workerId: row.id });
      return row.id;
    });
    return this.get(id, lang);
  }

  async get(id: string, lang: Lang, manager: EntityManager = this.db.manager): Promise<WorkerView> {
    const [row]: WorkerRow[] = await manager.query(`select * from worker where id = $1`, [id]);
    if (!row) throw WorkerErrors.notFound(id);
    const [skills, occupations] = await Promise.all([this.skillsOf(manager, id, lang), this.occupationsOf(manager, id, lang)]);
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      home: homeOf(row),
      mobilityRadiusKm: row.mobility_radius_km,
      languages: row.languages,
      employmentStatus: row.employment_status,
      visibleToEmployers: row.visible_to_employers,
      previousOccupations: occupations,
      skills,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async update(id: string, input: UpdateWorkerInput, lang: Lang): Promise<WorkerView> {
    await this.validateReferences([], input.previousOccupations ?? []);
    const home = input.home ? await this.places.resolve(input.home, 'home') : undefined;
    await this.db.transaction(async (m) => {
      await this.lock(m, id);
      if (input.email !== undefined) await this.assertEmailFree(m, input.email, id);
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.name !== undefined) set('name', input.name);
      if (input.email !== undefined) set('email', input.email);
      if (home) {
        set('home_lat', home.lat);
        set('home_lng', home.lng);
        set('home_municipality', home.municipality);
        set('home_municipality_code', home.municipalityCode);
        set('home_province', home.province);
        set('home_region', home.region);
      }
      if (input.mobilityRadiusKm !== undefined) set('mobility_radius_km', input.mobilityRadiusKm);
      if (input.languages !== undefined) set('languages', input.languages);
      if (input.employmentStatus !== undefined) set('employment_status', input.employmentStatus);
      if (input.visibleToEmployers !== undefined) set('visible_to_employers', input.visibleToEmployers);
      if (input.previousOccupations !== undefined) await this.setOccupations(m, id, input.previousOccupations);
      params.push(id);
      await m.query(
        `update worker set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $${params.length}`,
        params,
      );
      await this.outbox.add(m, EventName.WorkerChanged, { workerId: id });
    });
    return this.get(id, lang);
  }

  /** Replaces the whole skill set with exactly what is given (a dropped inferred skill stays dropped). */
  async replaceSkills(id: string, skills: SkillLevelInput[], lang: Lang): Promise<WorkerView> {
    await this.validateReferences(skills, []);
    await this.db.transaction(async (m) => {
      await this.lock(m, id);
      await m.query(`delete from worker_skill where worker_id = $1`, [id]);
      await this.writeSkills(m, id, skills);
      await m.query(`update worker set version = version + 1, updated_at = now() where id = $1`, [id]);
      await this.outbox.add(m, EventName.WorkerChanged, { workerId: id });
    });
    return this.get(id, lang);
  }

  async list(filter: WorkerListFilter): Promise<Page<WorkerSummary>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.region) add('w.home_region = ?', filter.region);
    if (filter.province) add('w.home_province = ?', filter.province.toUpperCase());
    if (filter.employmentStatus) add('w.employment_status = ?', filter.employmentStatus);
    if (filter.visibleToEmployers !== undefined) add('w.visible_to_employers = ?', filter.visibleToEmployers);
    if (filter.skillId) add('exists (select 1 from worker_skill f where f.worker_id = w.id and f.skill_id = ?)', filter.skillId);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(w.created_at, w.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: (WorkerRow & { skill_count: number })[] = await this.db.query(
      `select w.*, (select count(*)::int from worker_skill s where s.worker_id = w.id) as skill_count
         from worker w ${where.length ? `where ${where.join(' and ')}` : ''}
        order by w.created_at desc, w.id desc limit $${params.length}`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.created_at })),
      filter.limit,
      (r) => ({
        id: r.id,
        name: r.name,
        home: homeOf(r),
        mobilityRadiusKm: r.mobility_radius_km,
        employmentStatus: r.employment_status,
        visibleToEmployers: r.visible_to_employers,
        skillCount: r.skill_count,
        createdAt: r.created_at,
      }),
    );
  }

  private async validateReferences(skills: SkillLevelInput[], occupations: PreviousOccupationInput[]): Promise<void> {
    const duplicate = duplicateProblem(skills, 'skillId', 'skills') ?? duplicateProblem(occupations, 'occupationId', 'previousOccupations');
    if (duplicate) throw WorkerErrors.duplicate(duplicate);
    const [missingSkills, missingOccupations] = await Promise.all([
      this.taxonomy.missingSkillIds(skills.map((s) => s.skillId)),
      this.taxonomy.missingOccupationIds(occupations.map((o) => o.occupationId)),
    ]);
    if (missingSkills.length) {
      throw WorkerErrors.unknownSkills(problemsForMissing(skills, 'skillId', missingSkills, 'skills', (id) => `${id} is not an ESCO skill`));
    }
    if (missingOccupations.length) {
      throw WorkerErrors.unknownOccupations(
        problemsForMissing(occupations, 'occupationId', missingOccupations, 'previousOccupations', (id) => `${id} is not an ESCO occupation`),
      );
    }
  }

  private async assertEmailFree(m: EntityManager, email: string, exceptId?: string): Promise<void> {
    const rows: unknown[] = await m.query(`select 1 from worker where lower(email) = lower($1) and ($2::uuid is null or id <> $2)`, [email, exceptId ?? null]);
    if (rows.length) throw WorkerErrors.emailTaken();
  }

  private async lock(m: EntityManager, id: string): Promise<void> {
    const rows: unknown[] = await m.query(`select 1 from worker where id = $1 for update`, [id]);
    if (rows.length === 0) throw WorkerErrors.notFound(id);
  }

  private async writeSkills(m: EntityManager, workerId: string, skills: SkillLevelInput[]): Promise<void> {
    if (skills.length === 0) return;
    await m.query(
      `insert into worker_skill (worker_id, skill_id, level, source)
       select $1, s, l, src from unnest($2::uuid[], $3::smallint[], $4::text[]) as t(s, l, src)
       on conflict (worker_id, skill_id) do update set level = excluded.level, source = excluded.source`,
      [workerId, skills.map((s) => s.skillId), skills.map((s) => s.level), skills.map((s) => s.source ?? 'declared')],
    );
  }

  /**
   * Sets the past occupations. Essential skills of newly added occupations are inferred at level 2
   * unless the profile already has the skill (declared or certified always win); inferred skills that
   * no remaining occupation implies are removed.
   */
  private async setOccupations(m: EntityManager, workerId: string, occupations: PreviousOccupationInput[]): Promise<void> {
    const ids = occupations.map((o) => o.occupationId);
    const before: { occupation_id: string }[] = await m.query(`select occupation_id from worker_occupation where worker_id = $1`, [workerId]);
    const added = ids.filter((id) => !before.some((b) => b.occupation_id === id));
    await m.query(`delete from worker_occupation where worker_id = $1 and occupation_id <> all($2::uuid[])`, [workerId, ids]);
    if (occupations.length) {
      await m.query(
        `insert into worker_occupation (worker_id, occupation_id, years)
         select $1, o, y from unnest($2::uuid[], $3::numeric[]) as t(o, y)
         on conflict (worker_id, occupation_id) do update set years = excluded.years`,
        [workerId, ids, occupations.map((o) => o.years)],
      );
    }
    await m.query(
      `delete from worker_skill ws where ws.worker_id = $1 and ws.source = 'inferred'
         and not exists (select 1 from occupation_skill os where os.occupation_id = any($2::uuid[])
                           and os.relation_type = 'essential' and os.skill_id = ws.skill_id)`,
      [workerId, ids],
    );
    const inferred = await this.taxonomy.essentialSkillIds(added, m);
    if (inferred.length) {
      await m.query(
        `insert into worker_skill (worker_id, skill_id, level, source)
         select $1, s, $3, 'inferred' from unnest($2::uuid[]) as s
         on conflict (worker_id, skill_id) do nothing`,
        [workerId, inferred, INFERRED_LEVEL],
      );
    }
  }

  private async skillsOf(m: EntityManager, workerId: string, lang: Lang): Promise<WorkerSkillView[]> {
    return m.query(
      `select ws.skill_id as "skillId", s.uri, ${lang === 'it' ? 'coalesce(s.label_it, s.label_en)' : 's.label_en'} as label,
              ws.level, ws.source
         from worker_skill ws join skill s on s.id = ws.skill_id
        where ws.worker_id = $1 order by ws.level desc, label`,
      [workerId],
    );
  }

  private async occupationsOf(m: EntityManager, workerId: string, lang: Lang): Promise<PreviousOccupationView[]> {
    const rows: (PreviousOccupationView & { years: string })[] = await m.query(
      `select wo.occupation_id as "occupationId", o.uri, ${lang === 'it' ? 'coalesce(o.label_it, o.label_en)' : 'o.label_en'} as label, wo.years
         from worker_occupation wo join occupation o on o.id = wo.occupation_id
        where wo.worker_id = $1 order by wo.years desc, label`,
      [workerId],
    );
    return rows.map((r) => ({ ...r, years: Number(r.years) }));
  }
}
