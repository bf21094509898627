import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TaxonomyRelatednessCache, WORKER_MATCH_ORDER } from '@ricarica/matches';
import { CohortErrors } from '../cohort.errors';
import type { CohortReport } from './cohort-report.types';
import { computeCohortReport, ReportCourse, ReportMember, ReportVacancy, SEATS_WINDOW_DAYS } from './compute-report';

/** How long the report job waits for the matching engine to catch up with the cohort's pre-profiles. */
const MATCHING_WAIT_MS = 10 * 60_000;

/** Computes and stores cohort reports (worker), and reads the stored one (API). */
@Injectable()
export class CohortReportService {
  private readonly logger = new Logger(CohortReportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyRelatednessCache,
  ) {}

  /** Waits until every pre-profile's match list is current, then computes and stores the report. */
  async refresh(cohortId: string, progress: (p: { phase: string; done: number; total: number }) => Promise<void> = async () => undefined): Promise<{ members: number } | { skipped: 'missing' }> {
    const [cohort]: { version: number }[] = await this.db.query(`select version from cohort where id = $1`, [cohortId]);
    if (!cohort) return { skipped: 'missing' };
    const deadline = Date.now() + MATCHING_WAIT_MS;
    for (;;) {
      const [{ stale, total }]: { stale: number; total: number }[] = await this.db.query(
        `select count(*) filter (where s.computed_version is null or s.computed_version < w.version)::int as stale, count(*)::int as total
           from cohort_member m join worker w on w.id = m.worker_id
           left join match_state s on s.subject_type = 'worker' and s.subject_id = w.id
          where m.cohort_id = $1`,
        [cohortId],
      );
      await progress({ phase: 'waiting for matching', done: total - stale, total });
      if (stale === 0) break;
      if (Date.now() > deadline) throw new Error(`cohort ${cohortId}: ${stale} match lists still stale after ${MATCHING_WAIT_MS} ms`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const report = await this.compute(cohortId);
    await this.db.query(
      `insert into cohort_report (cohort_id, cohort_version, computed_at, report) values ($1, $2, $3, $4)
       on conflict (cohort_id) do update set cohort_version = excluded.cohort_version, computed_at = excluded.computed_at, report = excluded.report`,
      [cohortId, cohort.version, report.computedAt, JSON.stringify(report)],
    );
    this.logger.log({ cohortId, members: report.members.profiled }, 'cohort report computed');
    return { members: report.members.profiled };
  }

  /** The stored full report. @throws COHORT_REPORT.NOT_FOUND until one is computed */
  async stored(cohortId: string): Promise<{ report: CohortReport; stale: boolean }> {
    const [row]: { report: CohortReport; stale: boolean }[] = await this.db.query(
      `select r.report, r.cohort_version < c.version as stale from cohort c left join cohort_report r on r.cohort_id = c.id where c.id = $1`,
      [cohortId],
    );
    if (!row) throw CohortErrors.notFound(cohortId);
    if (!row.report) throw CohortErrors.reportNotReady(cohortId);
    return row;
  }

  /** Set-based loads (members, their skills and matches, the vacancies and courses involved), then pure computation. */
  async compute(cohortId: string, now = new Date()): Promise<CohortReport> {
    const { skills, relatedness } = await this.taxonomy.get();
    const [{ total }] = await this.db.query(`select count(*)::int as total from cohort_member where cohort_id = $1`, [cohortId]);
    const memberRows: { id: string; employee_ref: string; worker_id: string; occupation_id: string | null; occupation: string | null; municipality: string; province: string | null; lat: number; lng: number; radius: number }[] =
      await this.db.query(
        `select m.id, m.employee_ref, m.worker_id, m.occupation_id, coalesce(o.label_it, o.label_en) as occupation, w.home_municipality as municipality,
                w.home_province as province, w.home_lat as lat, w.home_lng as lng, w.mobility_radius_km as radius
           from cohort_member m join worker w on w.id = m.worker_id left join occupation o on o.id = m.occupation_id
          where m.cohort_id = $1`,
        [cohortId],
      );
    const workerIds = memberRows.map((r) => r.worker_id);
    const [skillRows, matchRows]: [{ worker_id: string; skill_id: string; level: number }[], { worker_id: string; vacancy_id: string; score: string }[]] = await Promise.all([
      this.db.query(`select worker_id, skill_id, level from worker_skill where worker_id = any($1::uuid[])`, [workerIds]),
      this.db.query(
        `select m.worker_id, m.vacancy_id, m.score from worker_match m join vacancy v on v.id = m.vacancy_id
          where m.worker_id = any($1::uuid[]) and v.status = 'open' and (v.expires_at is null or v.expires_at > now()) order by m.worker_id, ${WORKER_MATCH_ORDER}`,
        [workerIds],
      ),
    ]);
    const vacancyIds = [...new Set(matchRows.map((r) => r.vacancy_id))];
    const vacancyRows: { id: string; title: string; occupation_id: string | null; occupation: string | null; employer_id: string; employer: string; openings: number; skills: string[]; importances: ('essential' | 'optional')[]; min_levels: number[] }[] =
      vacancyIds.length === 0 ? [] : await this.db.query(
        `select v.id, v.title, v.occupation_id, coalesce(o.label_it, o.label_en) as occupation, e.id as employer_id, e.name as employer, v.openings,
                array_agg(r.skill_id order by r.skill_id) as skills, array_agg(r.importance order by r.skill_id) as importances, array_agg(r.min_level order by r.skill_id) as min_levels
           from vacancy v join employer e on e.id = v.employer_id left join occupation o on o.id = v.occupation_id
           join vacancy_requirement r on r.vacancy_id = v.id
          where v.id = any($1::uuid[]) group by v.id, o.id, e.id`,
        [vacancyIds],
      );
    const requiredSkills = [...new Set(vacancyRows.flatMap((v) => v.skills))];
    const courseRows: { id: string; title: string; provider: string; hours: number; cost_eur: string; mode: string; lat: number | null; lng: number | null; taught: string[]; levels: number[]; prerequisites: string[]; seats: number; self_paced: boolean }[] =
      requiredSkills.length === 0 ? [] : await this.db.query(
        `select c.id, c.title, p.name as provider, c.hours, c.cost_eur, c.mode, c.location_lat as lat, c.location_lng as lng,
                array(select cs.skill_id from course_skill cs where cs.course_id = c.id order by cs.skill_id) as taught,
                array(select cs.target_level from course_skill cs where cs.course_id = c.id order by cs.skill_id) as levels,
                array(select cp.skill_id from course_prerequisite cp where cp.course_id = c.id) as prerequisites,
                coalesce((select sum(s.seats) from course_session s where s.course_id = c.id and s.starts_at > $2 and s.starts_at <= $2 + make_interval(days => $3)), 0)::int as seats,
                c.mode = 'online' and not exists (select 1 from course_session s where s.course_id = c.id) as self_paced
           from course c join provider p on p.id = c.provider_id
          where c.status = 'published' and exists (select 1 from course_skill cs where cs.course_id = c.id and cs.skill_id = any($1::uuid[]))`,
        [requiredSkills, now, SEATS_WINDOW_DAYS],
      );
    const index = (id: string) => skills.indexOf(id);
    const members: ReportMember[] = [];
    const skillsOf = new Map<string, { skill: number; level: number }[]>();
    for (const s of skillRows) {
      const i = index(s.skill_id);
      if (i !== undefined) skillsOf.set(s.worker_id, [...(skillsOf.get(s.worker_id) ?? []), { skill: i, level: s.level }]);
    }
    const matchesOf = new Map<string, { vacancyId: string; score: number }[]>();
    for (const r of matchRows) matchesOf.set(r.worker_id, [...(matchesOf.get(r.worker_id) ?? []), { vacancyId: r.vacancy_id, score: Number(r.score) }]);
    for (const r of memberRows) {
      members.push({
        memberId: r.id, employeeRef: r.employee_ref, occupationId: r.occupation_id, occupation: r.occupation ?? '—', municipality: r.municipality, province: r.province,
        lat: r.lat, lng: r.lng, radiusKm: r.radius, profile: skillsOf.get(r.worker_id) ?? [], matches: matchesOf.get(r.worker_id) ?? [],
      });
    }
    const vacancies = new Map<string, ReportVacancy>(
      vacancyRows.map((v) => [v.id, {
        id: v.id, title: v.title, occupationId: v.occupation_id, occupation: v.occupation, employer: { id: v.employer_id, name: v.employer }, openings: v.openings,
        requirements: v.skills.flatMap((s, i) => (index(s) === undefined ? [] : [{ skill: index(s)!, importance: v.importances[i], minLevel: v.min_levels[i] }])),
      }]),
    );
    // Courses a member can start: a session with seats ahead, or self-paced online.
    const courses: ReportCourse[] = courseRows
      .filter((c) => c.seats > 0 || c.self_paced)
      .map((c) => ({
        id: c.id, title: c.title, provider: c.provider, hours: c.hours, costEur: Number(c.cost_eur),
        lat: c.mode === 'online' ? null : c.lat, lng: c.mode === 'online' ? null : c.lng, seats90d: c.seats,
        skillsTaught: c.taught.flatMap((s, i) => (index(s) === undefined ? [] : [{ skill: index(s)!, targetLevel: c.levels[i] }])),
        prerequisites: c.prerequisites.flatMap((s) => (index(s) === undefined ? [] : [index(s)!])),
      }));
    return computeCohortReport(cohortId, total, members, vacancies, courses, relatedness, now);
  }
}
