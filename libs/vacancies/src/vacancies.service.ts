import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, duplicateProblem, Page, problemsForMissing, toPage } from '@ricarica/common';
import { EmployerErrors } from '@ricarica/employers';
import { Place, PlacesService } from '@ricarica/places';
import { EventName, OutboxService } from '@ricarica/queue';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import type { ContractType, VacancyStatus } from './vacancy.entity';
import { VacancyErrors } from './vacancy.errors';
import { CreateVacancyInput, RequirementInput, RequirementView, UpdateVacancyInput, VacancyListFilter, VacancyView } from './vacancy.types';

type Lang = 'it' | 'en';

/** Minimum level of a requirement that does not say one: intermediate. */
export const DEFAULT_MIN_LEVEL = 2;

interface VacancyRow {
  id: string;
  employer_id: string;
  employer_name: string;
  title: string;
  description: string;
  occupation_id: string | null;
  occupation_uri: string | null;
  occupation_label: string | null;
  location_lat: number | null;
  location_lng: number | null;
  location_municipality: string | null;
  location_municipality_code: string | null;
  location_province: string | null;
  location_region: string | null;
  remote: boolean;
  contract_type: ContractType;
  salary_min_eur: number | null;
  salary_max_eur: number | null;
  openings: number;
  status: VacancyStatus;
  expires_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** What the business rules look at, after a patch is applied to the stored vacancy. */
interface VacancyState {
  /** Only when the request gives them. */
  requirements?: RequirementInput[];
  remote: boolean;
  hasLocation: boolean;
  salaryMinEur: number | null;
  salaryMaxEur: number | null;
  status: VacancyStatus;
  expiresAt: Date | null;
  /** The expiry is checked only when this request sets status or expiresAt: an old open vacancy may lapse. */
  expiryTouched: boolean;
}

const labelOf = (alias: string, lang: Lang) => (lang === 'it' ? `coalesce(${alias}.label_it, ${alias}.label_en)` : `${alias}.label_en`);

const selectVacancies = (lang: Lang) => `
  select v.*, e.name as employer_name, o.uri as occupation_uri, ${labelOf('o', lang)} as occupation_label
    from vacancy v
    join employer e on e.id = v.employer_id
    left join occupation o on o.id = v.occupation_id`;

const toDate = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

const locationOf = (r: VacancyRow): Place | null =>
  r.location_lat === null || r.location_lng === null
    ? null
    : {
        lat: r.location_lat,
        lng: r.location_lng,
        municipality: r.location_municipality,
        municipalityCode: r.location_municipality_code,
        province: r.location_province,
        region: r.location_region,
      };

const toView = (r: VacancyRow, requirements: RequirementView[]): VacancyView => ({
  id: r.id,
  employer: { id: r.employer_id, name: r.employer_name },
  title: r.title,
  description: r.description,
  occupationId: r.occupation_id,
  occupation: r.occupation_id ? { occupationId: r.occupation_id, uri: r.occupation_uri as string, label: r.occupation_label as string } : null,
  location: locationOf(r),
  remote: r.remote,
  requirements,
  contractType: r.contract_type,
  salaryMinEur: r.salary_min_eur,
  salaryMaxEur: r.salary_max_eur,
  openings: r.openings,
  status: r.status,
  expiresAt: r.expires_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The rules that need no database; throws the first one broken. */
function checkRules(s: VacancyState, now = new Date()): void {
  if (s.requirements !== undefined) {
    if (s.requirements.length === 0) throw VacancyErrors.noRequirements();
    const duplicate = duplicateProblem(s.requirements, 'skillId', 'requirements');
    if (duplicate) throw VacancyErrors.duplicateSkill(duplicate);
  }
  if (!s.remote && !s.hasLocation) throw VacancyErrors.locationRequired();
  if (s.salaryMinEur !== null && s.salaryMaxEur !== null && s.salaryMaxEur < s.salaryMinEur) throw VacancyErrors.salaryRange(s.salaryMinEur);
  if (s.expiryTouched && s.status === 'open' && s.expiresAt && s.expiresAt.getTime() <= now.getTime()) throw VacancyErrors.expiresInPast();
}

const stateAfter = (current: VacancyRow, input: UpdateVacancyInput): VacancyState => ({
  requirements: input.requirements,
  remote: input.remote ?? current.remote,
  hasLocation: input.location !== undefined ? input.location !== null : current.location_lat !== null,
  salaryMinEur: input.salaryMinEur !== undefined ? input.salaryMinEur : current.salary_min_eur,
  salaryMaxEur: input.salaryMaxEur !== undefined ? input.salaryMaxEur : current.salary_max_eur,
  status: input.status ?? current.status,
  expiresAt: input.expiresAt !== undefined ? toDate(input.expiresAt) : current.expires_at,
  expiryTouched: input.status !== undefined || input.expiresAt !== undefined,
});

const LOCATION_COLUMNS = ['location_lat', 'location_lng', 'location_municipality', 'location_municipality_code', 'location_province', 'location_region'];
const locationValues = (p: Place | null) =>
  p ? [p.lat, p.lng, p.municipality, p.municipalityCode, p.province, p.region] : [null, null, null, null, null, null];

@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyLookupService,
    private readonly places: PlacesService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Checks in this order, all before writing: the body's own rules (400), the employer (404 naming employerId),
   * the ESCO ids in one query each (400), the location (400).
   */
  async create(input: CreateVacancyInput, lang: Lang): Promise<VacancyView> {
    const status = input.status ?? 'draft';
    checkRules({
      requirements: input.requirements,
      remote: input.remote ?? false,
      hasLocation: input.location != null,
      salaryMinEur: input.salaryMinEur ?? null,
      salaryMaxEur: input.salaryMaxEur ?? null,
      status,
      expiresAt: toDate(input.expiresAt),
      expiryTouched: true,
    });
    await this.assertEmployer(this.db.manager, input.employerId);
    await this.validateReferences(input.requirements, input.occupationId);
    const location = input.location ? await this.places.resolve(input.location, 'location') : null;
    const id = await this.db.transaction(async (m) => {
      await this.assertEmployer(m, input.employerId, true);
      const [row]: { id: string }[] = await m.query(
        `insert into vacancy (employer_id, title, description, occupation_id, ${LOCATION_COLUMNS.join(', ')},
                              remote, contract_type, salary_min_eur, salary_max_eur, openings, status, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id`,
        [
          input.employerId, input.title, input.description ?? '', input.occupationId ?? null, ...locationValues(location),
          input.remote ?? false, input.contractType, input.salaryMinEur ?? null, input.salaryMaxEur ?? null, input.openings ?? 1,
          status, toDate(input.expiresAt),
        ],
      );
      await this.writeRequirements(m, row.id, input.requirements);
      await this.outbox.add(m, EventName.VacancyChanged, { vacancyId: row.id });
      return row.id;
    });
    return this.get(id, lang);
  }

  async get(id: string, lang: Lang, manager: EntityManager = this.db.manager): Promise<VacancyView> {
    const [row]: VacancyRow[] = await manager.query(`${selectVacancies(lang)} where v.id = $1`, [id]);
    if (!row) throw VacancyErrors.notFound(id);
    const requirements = await this.requirementsOf(manager, [id], lang);
    return toView(row, requirements.get(id) ?? []);
  }

  /**
   * Fields left out stay as they are; `requirements` replaces the set; null clears an optional field.
   * Every accepted change bumps the version; an empty patch changes nothing.
   */
  async update(id: string, input: UpdateVacancyInput, lang: Lang): Promise<VacancyView> {
    const [current]: VacancyRow[] = await this.db.query(`select * from vacancy where id = $1`, [id]);
    if (!current) throw VacancyErrors.notFound(id);
    if (Object.values(input).every((v) => v === undefined)) return this.get(id, lang);
    checkRules(stateAfter(current, input));
    if (input.employerId !== undefined) await this.assertEmployer(this.db.manager, input.employerId);
    await this.validateReferences(input.requirements, input.occupationId);
    const location = input.location ? await this.places.resolve(input.location, 'location') : input.location;

    await this.db.transaction(async (m) => {
      const [locked]: VacancyRow[] = await m.query(`select * from vacancy where id = $1 for update`, [id]);
      if (!locked) throw VacancyErrors.notFound(id);
      // Re-checked on the locked row: a concurrent patch may have changed remote or the location meanwhile.
      checkRules(stateAfter(locked, input));
      if (input.employerId !== undefined) await this.assertEmployer(m, input.employerId, true);
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.employerId !== undefined) set('employer_id', input.employerId);
      if (input.title !== undefined) set('title', input.title);
      if (input.description !== undefined) set('description', input.description);
      if (input.occupationId !== undefined) set('occupation_id', input.occupationId);
      if (location !== undefined) {
        const values = locationValues(location);
        LOCATION_COLUMNS.forEach((column, i) => set(column, values[i]));
      }
      if (input.remote !== undefined) set('remote', input.remote);
      if (input.contractType !== undefined) set('contract_type', input.contractType);
      if (input.salaryMinEur !== undefined) set('salary_min_eur', input.salaryMinEur);
      if (input.salaryMaxEur !== undefined) set('salary_max_eur', input.salaryMaxEur);
      if (input.openings !== undefined) set('openings', input.openings);
      if (input.status !== undefined) set('status', input.status);
      if (input.expiresAt !== undefined) set('expires_at', toDate(input.expiresAt));
      if (input.requirements !== undefined) {
        await m.query(`delete from vacancy_requirement where vacancy_id = $1`, [id]);
        await this.writeRequirements(m, id, input.requirements);
      }
      params.push(id);
      await m.query(
        `update vacancy set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $${params.length}`,
        params,
      );
      await this.outbox.add(m, EventName.VacancyChanged, { vacancyId: id });
    });
    return this.get(id, lang);
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      // For DELETE the driver answers [rows, affected count].
      const [, deleted]: [unknown[], number] = await m.query(`delete from vacancy where id = $1`, [id]);
      if (deleted === 0) throw VacancyErrors.notFound(id);
      await this.outbox.add(m, EventName.VacancyChanged, { vacancyId: id });
    });
  }

  /** One query for the page and one for the requirements of all its vacancies. */
  async list(filter: VacancyListFilter, lang: Lang): Promise<Page<VacancyView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!filter.scope.all) {
      params.push(filter.scope.ownerId);
      where.push(`((v.status = 'open' and (v.expires_at is null or v.expires_at > now())) or v.employer_id = $${params.length}::uuid)`);
    }
    if (filter.employerId) add('v.employer_id = ?', filter.employerId);
    if (filter.status) add('v.status = ?', filter.status);
    if (filter.region) add('v.location_region = ?', filter.region);
    if (filter.province) add('v.location_province = ?', filter.province.toUpperCase());
    if (filter.occupationId) add('v.occupation_id = ?', filter.occupationId);
    if (filter.skillId) add('exists (select 1 from vacancy_requirement f where f.vacancy_id = v.id and f.skill_id = ?)', filter.skillId);
    if (filter.remote !== undefined) add('v.remote = ?', filter.remote);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(v.created_at, v.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: VacancyRow[] = await this.db.query(
      `${selectVacancies(lang)} ${where.length ? `where ${where.join(' and ')}` : ''}
        order by v.created_at desc, v.id desc limit $${params.length}`,
      params,
    );
    const kept = rows.slice(0, filter.limit);
    const requirements = await this.requirementsOf(this.db.manager, kept.map((r) => r.id), lang);
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.created_at })),
      filter.limit,
      (r) => toView(r, requirements.get(r.id) ?? []),
    );
  }

  /** `lock` holds the employer until commit so that it cannot vanish under the insert. */
  private async assertEmployer(m: EntityManager, employerId: string, lock = false): Promise<void> {
    const rows: unknown[] = await m.query(`select 1 from employer where id = $1${lock ? ' for key share' : ''}`, [employerId]);
    if (rows.length === 0) throw EmployerErrors.notFound(employerId, 'employerId');
  }

  /** One query for all the skill ids and one for the occupation. */
  private async validateReferences(requirements: RequirementInput[] | undefined, occupationId: string | null | undefined): Promise<void> {
    const [missingSkills, missingOccupations] = await Promise.all([
      this.taxonomy.missingSkillIds((requirements ?? []).map((r) => r.skillId)),
      this.taxonomy.missingOccupationIds(occupationId ? [occupationId] : []),
    ]);
    if (missingOccupations.length) throw VacancyErrors.unknownOccupation(missingOccupations[0]);
    if (missingSkills.length) {
      throw VacancyErrors.unknownSkills(
        problemsForMissing(requirements ?? [], 'skillId', missingSkills, 'requirements', (id) => `${id} is not an ESCO skill`),
      );
    }
  }

  private async writeRequirements(m: EntityManager, vacancyId: string, requirements: RequirementInput[]): Promise<void> {
    await m.query(
      `insert into vacancy_requirement (vacancy_id, skill_id, importance, min_level)
       select $1, s, i, l from unnest($2::uuid[], $3::text[], $4::smallint[]) as t(s, i, l)`,
      [vacancyId, requirements.map((r) => r.skillId), requirements.map((r) => r.importance), requirements.map((r) => r.minLevel ?? DEFAULT_MIN_LEVEL)],
    );
  }

  /** Essential first, then the most demanding, then by label. */
  private async requirementsOf(m: EntityManager, vacancyIds: string[], lang: Lang): Promise<Map<string, RequirementView[]>> {
    const byVacancy = new Map<string, RequirementView[]>();
    if (vacancyIds.length === 0) return byVacancy;
    const rows: (RequirementView & { vacancyId: string })[] = await m.query(
      `select r.vacancy_id as "vacancyId", r.skill_id as "skillId", s.uri, ${labelOf('s', lang)} as label,
              r.importance, r.min_level as "minLevel"
         from vacancy_requirement r join skill s on s.id = r.skill_id
        where r.vacancy_id = any($1::uuid[])
        order by r.vacancy_id, r.importance = 'essential' desc, r.min_level desc, label`,
      [vacancyIds],
    );
    for (const { vacancyId, ...requirement } of rows) {
      const list = byVacancy.get(vacancyId) ?? [];
      list.push(requirement);
      byVacancy.set(vacancyId, list);
    }
    return byVacancy;
  }
}
