import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { CourseOffer, PathwayPlan, planPathway, Requirement, SkillIndex, WorkerSkill } from '@ricarica/matching';
import type { Place } from '@ricarica/places';
import type { Lang } from './match-read.types';
import { PathwayCourse, PathwaysView, PathwaySummary, PathwayView } from './pathway-read.types';
import { TaxonomyRelatednessCache } from './taxonomy-relatedness.cache';
import { WORKER_MATCH_ORDER } from './worker-match.entity';

interface CourseRow {
  id: string;
  title: string;
  mode: PathwayCourse['mode'];
  hours: number;
  cost_eur: string;
  provider_id: string;
  provider_name: string;
  location_lat: number | null;
  location_lng: number | null;
  location_municipality: string | null;
  location_municipality_code: string | null;
  location_province: string | null;
  location_region: string | null;
  next_starts_at: Date | null;
  next_seats: number | null;
  has_sessions: boolean;
  taught: string[];
  target_levels: number[];
  prerequisites: string[];
}

interface VacancyReqRow {
  vacancy_id: string;
  title: string;
  skills: string[];
  importances: ('essential' | 'optional')[];
  min_levels: number[];
}

const label = (lang: Lang) => (lang === 'it' ? 'coalesce(s.label_it, s.label_en)' : 's.label_en');

/**
 * Retraining plans: which reachable courses close a worker's gap for a vacancy fastest (greedy
 * weighted set cover, libs/matching), and across its top matches which course sets pay off most.
 */
@Injectable()
export class PathwayReadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyRelatednessCache,
  ) {}

  async pathway(workerId: string, vacancyId: string, lang: Lang): Promise<PathwayView> {
    const worker = await this.worker(workerId);
    const [vacancy] = await this.vacancies([vacancyId]);
    if (!vacancy) throw DomainError.notFound('Vacancy', vacancyId);
    const { skills, relatedness } = await this.taxonomy.get();
    const courses = await this.reachableCourses(worker, vacancy.skills);
    const plan = planPathway(worker.profile(skills), requirementsOf(vacancy, skills), offers(courses, skills), relatedness);
    const labels = await this.labels([...vacancy.skills, ...courses.flatMap((c) => c.taught)], lang);
    const byId = new Map(courses.map((c) => [c.id, c]));
    return {
      workerId,
      vacancyId,
      courses: plan.steps.map((step) => ({
        ...courseView(byId.get(step.courseId)!),
        covers: step.covers.map((s) => ({ skillId: skills.keyOf(s), label: labels.get(skills.keyOf(s)) ?? skills.keyOf(s) })),
      })),
      totalHours: plan.totalHours,
      totalCostEur: plan.totalCostEur,
      scoreBefore: plan.scoreBefore.score,
      scoreAfter: plan.scoreAfter.score,
      uncovered: plan.uncovered.map((u) => ({
        skillId: skills.keyOf(u.skill),
        label: labels.get(skills.keyOf(u.skill)) ?? skills.keyOf(u.skill),
        importance: u.importance,
        minLevel: u.minLevel,
        credit: Math.round(u.credit * 10000) / 10000,
      })),
    };
  }

  /** The best pathways across the worker's stored top matches, by mean score gain per training hour. */
  async pathways(workerId: string, limit: number, lang: Lang): Promise<PathwaysView> {
    const worker = await this.worker(workerId);
    const top: { vacancy_id: string }[] = await this.db.query(
      `select m.vacancy_id from worker_match m join vacancy v on v.id = m.vacancy_id
        where m.worker_id = $1 and v.status = 'open' and (v.expires_at is null or v.expires_at > now()) order by ${WORKER_MATCH_ORDER}`,
      [workerId],
    );
    const vacancies = await this.vacancies(top.map((t) => t.vacancy_id));
    const { skills, relatedness } = await this.taxonomy.get();
    const courses = await this.reachableCourses(worker, [...new Set(vacancies.flatMap((v) => v.skills))]);
    const courseOffers = offers(courses, skills);
    const profile = worker.profile(skills);
    const groups = new Map<string, { plan: PathwayPlan; vacancies: { vacancyId: string; title: string; scoreBefore: number; scoreAfter: number }[] }>();
    for (const v of vacancies) {
      const plan = planPathway(profile, requirementsOf(v, skills), courseOffers, relatedness);
      if (plan.steps.length === 0 || plan.scoreAfter.score <= plan.scoreBefore.score) continue;
      const key = plan.steps.map((s) => s.courseId).sort().join(',');
      const group = groups.get(key) ?? { plan, vacancies: [] };
      group.vacancies.push({ vacancyId: v.vacancy_id, title: v.title, scoreBefore: plan.scoreBefore.score, scoreAfter: plan.scoreAfter.score });
      groups.set(key, group);
    }
    const byId = new Map(courses.map((c) => [c.id, c]));
    const items = [...groups.values()].map(({ plan, vacancies: improved }): PathwaySummary => {
      const meanGain = improved.reduce((s, v) => s + (v.scoreAfter - v.scoreBefore), 0) / improved.length;
      const minScoreAfter = Math.min(...improved.map((v) => v.scoreAfter));
      const courseViews = plan.steps.map((s) => courseView(byId.get(s.courseId)!));
      return {
        courses: courseViews,
        totalHours: plan.totalHours,
        totalCostEur: plan.totalCostEur,
        gainPerHour: plan.totalHours > 0 ? Math.round((meanGain / plan.totalHours) * 1e6) / 1e6 : 0,
        vacancies: improved.sort((a, b) => b.scoreAfter - a.scoreAfter),
        minScoreAfter,
        summary: summarise(courseViews.length, plan.totalHours, minScoreAfter, improved.length, lang),
      };
    });
    items.sort((a, b) => b.gainPerHour - a.gainPerHour || b.vacancies.length - a.vacancies.length);
    return { workerId, items: items.slice(0, limit) };
  }

  private async worker(workerId: string) {
    const [row]: { home_lat: number | null; home_lng: number | null; mobility_radius_km: number }[] = await this.db.query(
      `select home_lat, home_lng, mobility_radius_km from worker where id = $1`,
      [workerId],
    );
    if (!row) throw DomainError.notFound('Worker', workerId);
    const own: { skill_id: string; level: number }[] = await this.db.query(`select skill_id, level from worker_skill where worker_id = $1`, [workerId]);
    return {
      lat: row.home_lat,
      lng: row.home_lng,
      radiusKm: row.mobility_radius_km,
      profile: (skills: SkillIndex): WorkerSkill[] =>
        own.flatMap((s) => {
          const skill = skills.indexOf(s.skill_id);
          return skill === undefined ? [] : [{ skill, level: s.level }];
        }),
    };
  }

  private async vacancies(ids: string[]): Promise<VacancyReqRow[]> {
    if (ids.length === 0) return [];
    const rows: VacancyReqRow[] = await this.db.query(
      `select v.id as vacancy_id, v.title,
              coalesce(array_agg(r.skill_id order by r.skill_id) filter (where r.skill_id is not null), '{}') as skills,
              coalesce(array_agg(r.importance order by r.skill_id) filter (where r.skill_id is not null), '{}') as importances,
              coalesce(array_agg(r.min_level order by r.skill_id) filter (where r.skill_id is not null), '{}') as min_levels
         from vacancy v left join vacancy_requirement r on r.vacancy_id = v.id
        where v.id = any($1::uuid[]) group by v.id`,
      [ids],
    );
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => (order.get(a.vacancy_id) ?? 0) - (order.get(b.vacancy_id) ?? 0));
  }

  /**
   * Published courses teaching any of `skillIds` the worker can take: online, or in person / blended
   * within the mobility radius; with a session starting after now that has seats, or self-paced online.
   */
  private async reachableCourses(worker: { lat: number | null; lng: number | null; radiusKm: number }, skillIds: string[]): Promise<CourseRow[]> {
    if (skillIds.length === 0) return [];
    const rows: CourseRow[] = await this.db.query(
      `select c.id, c.title, c.mode, c.hours, c.cost_eur, c.provider_id, p.name as provider_name,
              c.location_lat, c.location_lng, c.location_municipality, c.location_municipality_code, c.location_province, c.location_region,
              n.starts_at as next_starts_at, n.seats as next_seats,
              exists (select 1 from course_session s where s.course_id = c.id) as has_sessions,
              array(select cs.skill_id from course_skill cs where cs.course_id = c.id order by cs.skill_id) as taught,
              array(select cs.target_level from course_skill cs where cs.course_id = c.id order by cs.skill_id) as target_levels,
              array(select cp.skill_id from course_prerequisite cp where cp.course_id = c.id order by cp.skill_id) as prerequisites
         from course c
         join provider p on p.id = c.provider_id
         left join lateral (select s.starts_at, s.seats from course_session s
                             where s.course_id = c.id and s.starts_at > now() and s.seats > 0 order by s.starts_at limit 1) n on true
        where c.status = 'published'
          and exists (select 1 from course_skill cs where cs.course_id = c.id and cs.skill_id = any($1::uuid[]))
          and (c.mode = 'online'
               or ($2::float8 is not null and c.location_lat is not null
                   and 6371 * 2 * asin(sqrt(power(sin(radians(c.location_lat - $2) / 2), 2)
                       + cos(radians($2)) * cos(radians(c.location_lat)) * power(sin(radians(c.location_lng - $3) / 2), 2))) <= $4))`,
      [skillIds, worker.lat, worker.lng, worker.radiusKm],
    );
    return rows.filter((c) => c.next_starts_at !== null || (c.mode === 'online' && !c.has_sessions));
  }

  private async labels(skillIds: string[], lang: Lang): Promise<Map<string, string>> {
    const rows: { id: string; label: string }[] = skillIds.length
      ? await this.db.query(`select s.id, ${label(lang)} as label from skill s where s.id = any($1::uuid[])`, [[...new Set(skillIds)]])
      : [];
    return new Map(rows.map((r) => [r.id, r.label]));
  }
}

function requirementsOf(v: VacancyReqRow, skills: SkillIndex): Requirement[] {
  return v.skills.flatMap((s, i) => {
    const skill = skills.indexOf(s);
    return skill === undefined ? [] : [{ skill, importance: v.importances[i], minLevel: v.min_levels[i] }];
  });
}

function offers(courses: CourseRow[], skills: SkillIndex): CourseOffer[] {
  return courses.map((c) => ({
    id: c.id,
    hours: c.hours,
    costEur: Number(c.cost_eur),
    skillsTaught: c.taught.flatMap((s, i) => {
      const skill = skills.indexOf(s);
      return skill === undefined ? [] : [{ skill, targetLevel: c.target_levels[i] }];
    }),
    prerequisites: c.prerequisites.flatMap((s) => {
      const skill = skills.indexOf(s);
      return skill === undefined ? [] : [skill];
    }),
  }));
}

function courseView(c: CourseRow): Omit<PathwayCourse, 'covers'> {
  const location: Place | null =
    c.location_lat === null
      ? null
      : {
          lat: c.location_lat,
          lng: c.location_lng as number,
          municipality: c.location_municipality,
          municipalityCode: c.location_municipality_code,
          province: c.location_province,
          region: c.location_region,
        };
  return {
    id: c.id,
    title: c.title,
    provider: { id: c.provider_id, name: c.provider_name },
    mode: c.mode,
    hours: c.hours,
    costEur: Number(c.cost_eur),
    location,
    nextSession: c.next_starts_at ? { startsAt: c.next_starts_at, seats: c.next_seats as number } : null,
  };
}

function summarise(courses: number, hours: number, minScore: number, vacancies: number, lang: Lang): string {
  const score = lang === 'it' ? minScore.toFixed(2).replace('.', ',') : minScore.toFixed(2);
  return lang === 'it'
    ? `${courses === 1 ? 'Questo corso' : `Questi ${courses} corsi`}, ${hours} ore, ti portano almeno a ${score} di compatibilità per ${vacancies} offert${vacancies === 1 ? 'a' : 'e'}.`
    : `${courses === 1 ? 'This course' : `These ${courses} courses`}, ${hours} hours, make you at least a ${score} fit for ${vacancies} vacanc${vacancies === 1 ? 'y' : 'ies'}.`;
}
