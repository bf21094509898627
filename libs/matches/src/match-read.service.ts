import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { explainMatch, PairScore, Relatedness, Requirement, scorePair, SkillIndex, WorkerSkill } from '@ricarica/matching';
import type { Place } from '@ricarica/places';
import type { EmploymentStatus } from '@ricarica/workers';
import { Lang, StoredCandidate, RequirementFit, VacancyCandidatesView, VacancySummary, WorkerMatchesView } from './match-read.types';
import { TaxonomyRelatednessCache } from './taxonomy-relatedness.cache';
import { WORKER_MATCH_ORDER } from './worker-match.entity';

interface RequirementRow {
  vacancy_id: string;
  skill_id: string;
  importance: 'essential' | 'optional';
  min_level: number;
  label: string;
}

interface SkillRow {
  skill_id: string;
  level: number;
  label: string;
}

const label = (lang: Lang, alias = 's') => (lang === 'it' ? `coalesce(${alias}.label_it, ${alias}.label_en)` : `${alias}.label_en`);

const placeOf = (r: Record<string, unknown>, prefix: string): Place | null =>
  r[`${prefix}_lat`] === null
    ? null
    : {
        lat: r[`${prefix}_lat`] as number,
        lng: r[`${prefix}_lng`] as number,
        municipality: r[`${prefix}_municipality`] as string | null,
        municipalityCode: r[`${prefix}_municipality_code`] as string | null,
        province: r[`${prefix}_province`] as string | null,
        region: r[`${prefix}_region`] as string | null,
      };

/**
 * Reads the stored lists and explains each entry from the current profile and requirements. Reads
 * filter at once what must not show (closed or expired vacancies, withdrawn consent), even before
 * the recomputation those changes queued has run.
 */
@Injectable()
export class MatchReadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyRelatednessCache,
  ) {}

  async workerMatches(workerId: string, limit: number, lang: Lang): Promise<WorkerMatchesView> {
    const [worker]: { version: number; computed_version: number | null; computed_at: Date | null }[] = await this.db.query(
      `select w.version, s.computed_version, s.computed_at from worker w
         left join match_state s on s.subject_type = 'worker' and s.subject_id = w.id where w.id = $1`,
      [workerId],
    );
    if (!worker) throw DomainError.notFound('Worker', workerId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `select m.vacancy_id, m.score, m.distance_km, v.title, v.employer_id, e.name as employer_name, v.remote, v.contract_type,
              v.salary_min_eur, v.salary_max_eur, v.expires_at, v.location_lat, v.location_lng, v.location_municipality,
              v.location_municipality_code, v.location_province, v.location_region
         from worker_match m join vacancy v on v.id = m.vacancy_id join employer e on e.id = v.employer_id
        where m.worker_id = $1 and v.status = 'open' and (v.expires_at is null or v.expires_at > now())
        order by ${WORKER_MATCH_ORDER} limit $2`,
      [workerId, limit],
    );
    const vacancyIds = rows.map((r) => r.vacancy_id as string);
    const [{ skills, relatedness }, profile, requirements] = await Promise.all([
      this.taxonomy.get(),
      this.profiles([workerId], lang),
      this.requirements(vacancyIds, lang),
    ]);
    const mine = profile.get(workerId) ?? [];
    return {
      workerId,
      computedAt: worker.computed_at,
      stale: worker.computed_version === null || worker.version > worker.computed_version,
      items: rows.map((r) => {
        const fit = this.fit(mine, requirements.get(r.vacancy_id as string) ?? [], skills, relatedness);
        const vacancy: VacancySummary = {
          id: r.vacancy_id as string,
          title: r.title as string,
          employer: { id: r.employer_id as string, name: r.employer_name as string },
          location: placeOf(r, 'location'),
          remote: r.remote as boolean,
          contractType: r.contract_type as string,
          salaryMinEur: r.salary_min_eur as number | null,
          salaryMaxEur: r.salary_max_eur as number | null,
          expiresAt: r.expires_at as Date | null,
        };
        return {
          vacancy,
          score: Number(r.score),
          distanceKm: round1(r.distance_km as number),
          matched: fit.matched,
          gap: fit.gap,
          explanation: fit.explain(lang),
        };
      }),
    };
  }

  async vacancyCandidates(vacancyId: string, limit: number, lang: Lang): Promise<VacancyCandidatesView> {
    const [vacancy]: { version: number; listed: boolean; computed_version: number | null; computed_at: Date | null }[] = await this.db.query(
      `select v.version, v.status = 'open' and (v.expires_at is null or v.expires_at > now()) as listed, s.computed_version, s.computed_at
         from vacancy v
         left join match_state s on s.subject_type = 'vacancy' and s.subject_id = v.id where v.id = $1`,
      [vacancyId],
    );
    if (!vacancy) throw DomainError.notFound('Vacancy', vacancyId);
    // Consent is checked here too: a withdrawn consent hides the worker before the lists are recomputed.
    const rows: {
      worker_id: string;
      name: string;
      email: string | null;
      score: string;
      distance_km: number;
      home_municipality: string | null;
      home_province: string | null;
      home_region: string | null;
      employment_status: EmploymentStatus;
      languages: string[];
      application_id: string | null;
    }[] = await this.db.query(
      `select c.worker_id, w.name, w.email, c.score, c.distance_km, w.home_municipality, w.home_province, w.home_region,
              w.employment_status, w.languages, a.id as application_id
         from vacancy_candidate c join worker w on w.id = c.worker_id
         left join application a on a.vacancy_id = c.vacancy_id and a.worker_id = c.worker_id and a.status <> 'withdrawn'
        where c.vacancy_id = $1 and w.visible_to_employers
        order by c.rank limit $2`,
      [vacancyId, limit],
    );
    const [{ skills, relatedness }, profiles, requirements] = await Promise.all([
      this.taxonomy.get(),
      this.profiles(rows.map((r) => r.worker_id), lang),
      this.requirements([vacancyId], lang),
    ]);
    const reqs = requirements.get(vacancyId) ?? [];
    return {
      vacancyId,
      computedAt: vacancy.computed_at,
      // A closed or expired vacancy has no list to wait for.
      stale: vacancy.listed && (vacancy.computed_version === null || vacancy.version > vacancy.computed_version),
      items: rows.map((r): StoredCandidate => {
        const fit = this.fit(profiles.get(r.worker_id) ?? [], reqs, skills, relatedness);
        return {
          workerId: r.worker_id,
          name: r.name,
          email: r.email,
          municipality: r.home_municipality,
          province: r.home_province,
          region: r.home_region,
          employmentStatus: r.employment_status,
          languages: r.languages,
          applicationId: r.application_id,
          score: Number(r.score),
          distanceKm: round1(r.distance_km),
          matched: fit.matched,
          gap: fit.gap,
          explanation: fit.explain(lang),
        };
      }),
    };
  }

  private fit(
    profile: SkillRow[],
    reqs: RequirementRow[],
    skills: SkillIndex,
    relatedness: Relatedness,
  ): { matched: RequirementFit[]; gap: RequirementFit[]; score: PairScore; explain: (lang: Lang) => string } {
    const labels = new Map<number, { id: string; label: string }>();
    const own: WorkerSkill[] = [];
    for (const s of profile) {
      const index = skills.indexOf(s.skill_id);
      if (index === undefined) continue;
      own.push({ skill: index, level: s.level });
      labels.set(index, { id: s.skill_id, label: s.label });
    }
    const requirements: Requirement[] = [];
    const known: RequirementRow[] = [];
    for (const r of reqs) {
      const index = skills.indexOf(r.skill_id);
      if (index === undefined) continue;
      requirements.push({ skill: index, importance: r.importance, minLevel: r.min_level });
      known.push(r);
    }
    const score = scorePair(own, requirements, relatedness);
    const fits = score.requirements.map((c, i): RequirementFit => {
      const related = c.relatedSkill !== null ? labels.get(c.relatedSkill) : undefined;
      return {
        skillId: known[i].skill_id,
        label: known[i].label,
        importance: c.importance,
        minLevel: c.minLevel,
        workerLevel: c.workerLevel,
        credit: Math.round(c.credit * 10000) / 10000,
        relatedSkill: related ? { skillId: related.id, label: related.label, level: c.relatedLevel as number } : null,
      };
    });
    for (const [i, r] of known.entries()) labels.set(requirements[i].skill, { id: r.skill_id, label: r.label });
    const explain = (lang: Lang) => explainMatch(score.requirements, { language: lang, label: (s) => labels.get(s)?.label ?? skills.keyOf(s), profileSize: own.length });
    return { matched: fits.filter((f) => f.credit === 1), gap: fits.filter((f) => f.credit < 1), score, explain };
  }

  private async profiles(workerIds: string[], lang: Lang): Promise<Map<string, SkillRow[]>> {
    const rows: (SkillRow & { worker_id: string })[] = workerIds.length
      ? await this.db.query(
          `select ws.worker_id, ws.skill_id, ws.level, ${label(lang)} as label
             from worker_skill ws join skill s on s.id = ws.skill_id where ws.worker_id = any($1::uuid[])`,
          [workerIds],
        )
      : [];
    return groupBy(rows, (r) => r.worker_id);
  }

  private async requirements(vacancyIds: string[], lang: Lang): Promise<Map<string, RequirementRow[]>> {
    const rows: RequirementRow[] = vacancyIds.length
      ? await this.db.query(
          `select r.vacancy_id, r.skill_id, r.importance, r.min_level, ${label(lang)} as label
             from vacancy_requirement r join skill s on s.id = r.skill_id where r.vacancy_id = any($1::uuid[])
            order by r.vacancy_id, r.importance, r.skill_id`,
          [vacancyIds],
        )
      : [];
    return groupBy(rows, (r) => r.vacancy_id);
  }
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

const round1 = (km: number) => Math.round(km * 10) / 10;
