import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { PlacesService } from '@ricarica/places';
import { EventName, OutboxService } from '@ricarica/queue';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { CohortErrors } from './cohort.errors';
import { CohortCounts, CohortView, CreateCohortInput, MemberInput, MemberStatus, MemberView, UploadResult } from './cohort.types';
import { MunicipalityRef, NumberedRow, numberJsonMembers, parseMemberCsv, referencesOf, validateMembers } from './member-rows';
import { replaceOccupation } from './pre-profiles';

interface CohortRow {
  id: string;
  name: string;
  employer_id: string;
  employer_name: string;
  reason: CohortView['reason'];
  announced_on: string;
  title_lang: 'it' | 'en';
  plant_name: string | null;
  plant_municipality: string | null;
  plant_municipality_code: string | null;
  plant_province: string | null;
  plant_region: string | null;
  version: number;
  processed_version: number;
  created_at: Date;
  report_version: number | null;
  report_computed_at: Date | null;
}

/** Cohorts of a plant's workforce: creation, member uploads, confirmation of occupations, progress. */
@Injectable()
export class CohortsService {
  private readonly logger = new Logger(CohortsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly places: PlacesService,
    private readonly taxonomy: TaxonomyLookupService,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateCohortInput): Promise<CohortView> {
    const [employer]: unknown[] = await this.db.query(`select 1 from employer where id = $1`, [input.employerId]);
    if (!employer) throw DomainError.notFound('Employer', input.employerId, 'employerId');
    const plant = await this.places.resolve({ municipality: input.plant.municipality, province: input.plant.province }, 'plant');
    const [row]: { id: string }[] = await this.db.query(
      `insert into cohort (name, employer_id, reason, announced_on, title_lang, plant_name, plant_lat, plant_lng, plant_municipality_code,
                           plant_municipality, plant_province, plant_region)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [input.name, input.employerId, input.reason, input.announcedOn, input.titleLang ?? 'it', input.plant.name ?? null, plant.lat, plant.lng,
        plant.municipalityCode, plant.municipality, plant.province, plant.region],
    );
    this.logger.log({ cohortId: row.id }, 'cohort created');
    return this.get(row.id);
  }

  async get(id: string): Promise<CohortView> {
    const [row]: CohortRow[] = await this.db.query(
      `select c.*, c.announced_on::text as announced_on, e.name as employer_name, r.cohort_version as report_version, r.computed_at as report_computed_at
         from cohort c join employer e on e.id = c.employer_id left join cohort_report r on r.cohort_id = c.id
        where c.id = $1`,
      [id],
    );
    if (!row) throw CohortErrors.notFound(id);
    const [counts] = await this.counts([id]);
    return toView(row, counts);
  }

  /** Admins: every cohort; employers: their own. Newest first. */
  async list(employerId: string | null): Promise<CohortView[]> {
    const rows: CohortRow[] = await this.db.query(
      `select c.*, c.announced_on::text as announced_on, e.name as employer_name, r.cohort_version as report_version, r.computed_at as report_computed_at
         from cohort c join employer e on e.id = c.employer_id left join cohort_report r on r.cohort_id = c.id
        where ($1::uuid is null or c.employer_id = $1) order by c.created_at desc limit 200`,
      [employerId],
    );
    const counts = await this.counts(rows.map((r) => r.id));
    return rows.map((r, i) => toView(r, counts[i]));
  }

  /** One query for the counts of all the given cohorts, in their order. */
  private async counts(ids: string[]): Promise<CohortCounts[]> {
    if (ids.length === 0) return [];
    const rows: (CohortCounts & { cohort_id: string })[] = await this.db.query(
      `select c.id as cohort_id,
              count(m.id)::int as members,
              count(m.id) filter (where m.status = 'pending')::int as pending,
              count(m.id) filter (where m.occupation_id is not null)::int as mapped,
              count(m.id) filter (where m.status = 'to_confirm')::int as "toConfirm",
              count(m.id) filter (where m.status = 'profiled')::int as profiled,
              count(m.id) filter (where exists (select 1 from cohort_invitation i where i.member_id = m.id and i.sent_at is not null))::int as invited,
              count(m.id) filter (where m.claimed_at is not null)::int as claimed,
              count(m.id) filter (where s.computed_version >= w.version)::int as matched
         from unnest($1::uuid[]) as c(id)
         left join cohort_member m on m.cohort_id = c.id
         left join worker w on w.id = m.worker_id
         left join match_state s on s.subject_type = 'worker' and s.subject_id = m.worker_id
        group by c.id`,
      [ids],
    );
    const byId = new Map(rows.map(({ cohort_id, ...c }) => [cohort_id, c]));
    return ids.map((id) => byId.get(id)!);
  }

  /** CSV text: lines are counted in the file (header = 1). */
  uploadCsv(cohortId: string, text: string): Promise<UploadResult> {
    return this.upload(cohortId, parseMemberCsv(text));
  }

  uploadJson(cohortId: string, members: MemberInput[]): Promise<UploadResult> {
    return this.upload(cohortId, numberJsonMembers(members));
  }

  /**
   * Keeps the valid rows, rejects the others with their line and reason. Idempotent on the employee
   * reference: a reference the cohort already has is left as it is. New members are processed by a job.
   */
  private async upload(cohortId: string, rows: NumberedRow[]): Promise<UploadResult> {
    await this.assertExists(cohortId);
    const refs = referencesOf(rows);
    const [municipalities, missingOccupations, missingSkills] = await Promise.all([
      this.db.query(
        `select istat_code as code, name, name_key, province, region, lat, lng from municipality where istat_code = any($1::text[]) or name_key = any($2::text[])`,
        [refs.codes, refs.names],
      ) as Promise<(MunicipalityRef & { name_key: string })[]>,
      this.taxonomy.missingOccupationIds(refs.occupationIds),
      this.taxonomy.missingSkillIds(refs.skillIds),
    ]);
    const byName = new Map<string, MunicipalityRef[]>();
    for (const m of municipalities) byName.set(m.name_key, [...(byName.get(m.name_key) ?? []), m]);
    const missingO = new Set(missingOccupations);
    const missingS = new Set(missingSkills);
    const { valid, rejected } = validateMembers(rows, {
      municipalitiesByCode: new Map(municipalities.map((m) => [m.code, m])),
      municipalitiesByName: byName,
      occupationIds: new Set(refs.occupationIds.filter((o) => !missingO.has(o))),
      skillIds: new Set(refs.skillIds.filter((s) => !missingS.has(s))),
    });
    const created = await this.db.transaction(async (m) => {
      let inserted = 0;
      for (let i = 0; i < valid.length; i += 1000) {
        const chunk = valid.slice(i, i + 1000);
        const result: unknown[] = await m.query(
          `insert into cohort_member (cohort_id, employee_ref, home_lat, home_lng, home_municipality_code, home_municipality, home_province, home_region,
                                      job_title, occupation_id, occupation_source, status, years, extra_skill_ids, email)
           select $1, t.ref, t.lat, t.lng, t.code, t.mname, t.prov, t.reg, t.title, t.occ, case when t.occ is null then null else 'given' end,
                  case when t.occ is null then 'pending' else 'mapped' end, t.years, coalesce(string_to_array(t.skills, ',')::uuid[], '{}'), t.email
             from unnest($2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::numeric[], $12::text[], $13::text[])
                  as t(ref, lat, lng, code, mname, prov, reg, title, occ, years, skills, email)
           on conflict (cohort_id, employee_ref) do nothing returning id`,
          [cohortId, chunk.map((v) => v.employeeRef), chunk.map((v) => v.home.lat), chunk.map((v) => v.home.lng), chunk.map((v) => v.home.code),
            chunk.map((v) => v.home.name), chunk.map((v) => v.home.province), chunk.map((v) => v.home.region), chunk.map((v) => v.jobTitle),
            chunk.map((v) => v.occupationId), chunk.map((v) => v.years), chunk.map((v) => (v.skillIds.length ? v.skillIds.join(',') : null)), chunk.map((v) => v.email)],
        );
        inserted += result.length;
      }
      if (inserted > 0) await this.touch(m, cohortId);
      return inserted;
    });
    this.logger.log({ cohortId, received: rows.length, created, rejected: rejected.length }, 'cohort members uploaded');
    return { received: rows.length, accepted: valid.length, created, unchanged: valid.length - created, rejected };
  }

  async members(cohortId: string, status: MemberStatus | undefined, limit: number, after: string | undefined, lang: 'it' | 'en'): Promise<{ items: MemberView[]; nextCursor: string | null }> {
    await this.assertExists(cohortId);
    const rows: (Record<string, unknown> & { employee_ref: string })[] = await this.db.query(
      `select m.*, ${lang === 'it' ? 'coalesce(o.label_it, o.label_en)' : 'o.label_en'} as occupation_label,
              exists (select 1 from cohort_invitation i where i.member_id = m.id and i.sent_at is not null) as invited
         from cohort_member m left join occupation o on o.id = m.occupation_id
        where m.cohort_id = $1 and ($2::text is null or m.status = $2) and ($3::text is null or m.employee_ref > $3)
        order by m.employee_ref limit $4`,
      [cohortId, status ?? null, after ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.id as string,
        employeeRef: r.employee_ref,
        municipality: r.home_municipality as string,
        province: r.home_province as string | null,
        jobTitle: r.job_title as string | null,
        years: Number(r.years),
        status: r.status as MemberStatus,
        occupation: r.occupation_id
          ? { id: r.occupation_id as string, label: r.occupation_label as string, source: r.occupation_source as string, confidence: r.occupation_confidence === null ? null : Number(r.occupation_confidence) }
          : null,
        suggestions: (r.suggestions as MemberView['suggestions']).map((s) => ({ ...s })),
        hasEmail: r.email !== null,
        invited: r.invited as boolean,
        claimed: r.claimed_at !== null,
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].employee_ref : null,
    };
  }

  /**
   * A person picks the member's occupation. Before a pre-profile exists the processing job makes it;
   * an unclaimed pre-profile gets the new occupation and its inferred skills at once.
   */
  async confirmOccupation(cohortId: string, memberId: string, occupationId: string): Promise<void> {
    const missing = await this.taxonomy.missingOccupationIds([occupationId]);
    if (missing.length) throw CohortErrors.invalid([{ field: 'occupationId', reason: `${occupationId} is not an ESCO occupation` }]);
    await this.db.transaction(async (m) => {
      const [member]: { worker_id: string | null; claimed_at: Date | null; years: string }[] = await m.query(
        `select worker_id, claimed_at, years from cohort_member where id = $1 and cohort_id = $2 for update`,
        [memberId, cohortId],
      );
      if (!member) throw CohortErrors.memberNotFound(memberId);
      if (member.claimed_at) throw CohortErrors.alreadyClaimed();
      await m.query(
        `update cohort_member set occupation_id = $2, occupation_source = 'confirmed', occupation_confidence = null,
                status = case when worker_id is null then 'mapped' else 'profiled' end, updated_at = now() where id = $1`,
        [memberId, occupationId],
      );
      if (member.worker_id) {
        await replaceOccupation(m, member.worker_id, occupationId, Number(member.years));
        await this.outbox.add(m, EventName.WorkerChanged, { workerId: member.worker_id });
      }
      await this.touch(m, cohortId);
    });
  }

  /** An invitation for a member who had no email (admins), sent by the worker. */
  async invite(cohortId: string, memberId: string, email: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const [member]: { worker_id: string | null; claimed_at: Date | null }[] = await m.query(
        `select worker_id, claimed_at from cohort_member where id = $1 and cohort_id = $2 for update`,
        [memberId, cohortId],
      );
      if (!member) throw CohortErrors.memberNotFound(memberId);
      if (member.claimed_at) throw CohortErrors.alreadyClaimed();
      if (!member.worker_id) throw CohortErrors.notProfiled();
      const open: unknown[] = await m.query(`select 1 from cohort_invitation where member_id = $1 and claimed_at is null and (expires_at is null or expires_at > now())`, [memberId]);
      if (open.length) throw CohortErrors.alreadyInvited();
      await m.query(`update cohort_member set email = $2, updated_at = now() where id = $1`, [memberId, email.toLowerCase()]);
      const [inv]: { id: string }[] = await m.query(`insert into cohort_invitation (member_id, email) values ($1, $2) returning id`, [memberId, email.toLowerCase()]);
      await this.outbox.add(m, EventName.CohortInvitationCreated, { invitationId: inv.id });
    });
  }

  /** Asks for the report to be recomputed (vacancies or courses changed since). */
  async requestReport(cohortId: string): Promise<void> {
    await this.assertExists(cohortId);
    await this.db.transaction((m) => this.outbox.add(m, EventName.CohortProcessed, { cohortId }));
  }

  private async assertExists(id: string): Promise<void> {
    const rows: unknown[] = await this.db.query(`select 1 from cohort where id = $1`, [id]);
    if (!rows.length) throw CohortErrors.notFound(id);
  }

  /** A new version of the cohort's input: the processing job (and then the report) follow. */
  private async touch(m: EntityManager, cohortId: string): Promise<void> {
    await m.query(`update cohort set version = version + 1, updated_at = now() where id = $1`, [cohortId]);
    await this.outbox.add(m, EventName.CohortChanged, { cohortId });
  }
}

function toView(r: CohortRow, counts: CohortCounts): CohortView {
  return {
    id: r.id,
    name: r.name,
    employer: { id: r.employer_id, name: r.employer_name },
    plant: { name: r.plant_name, municipality: r.plant_municipality, municipalityCode: r.plant_municipality_code, province: r.plant_province, region: r.plant_region },
    reason: r.reason,
    announcedOn: typeof r.announced_on === 'string' ? r.announced_on : new Date(r.announced_on).toISOString().slice(0, 10),
    titleLang: r.title_lang,
    counts,
    processing: r.processed_version >= r.version ? 'ready' : 'processing',
    report: r.report_computed_at ? { computedAt: r.report_computed_at, stale: (r.report_version ?? 0) < r.version } : null,
    createdAt: r.created_at,
  };
}
