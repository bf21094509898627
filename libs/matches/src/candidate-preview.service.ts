import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { duplicateProblem, problemsForMissing } from '@ricarica/common';
import { EmployerErrors } from '@ricarica/employers';
import { eligibleDistance, Requirement, roundScore, scorePair, VacancyRecord, WorkerRecord, WorkerSkill } from '@ricarica/matching';
import type { LocationInputDto } from '@ricarica/places';
import { PlacesService } from '@ricarica/places';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { DEFAULT_MIN_LEVEL, RequirementInput, VacancyErrors } from '@ricarica/vacancies';
import { TaxonomyRelatednessCache } from './taxonomy-relatedness.cache';

/** A score from here up is a strong fit (the same line the insights draw for "matched"). */
export const STRONG_SCORE = 0.7;
/** Counts below this are reported as "fewer than", never as a number, so that a preview cannot single out a person. */
export const PREVIEW_MIN_REPORTED = 5;

export interface CandidatePreviewInput {
  employerId?: string;
  requirements: RequirementInput[];
  location?: LocationInputDto | null;
  remote?: boolean;
}

export interface CandidatePreview {
  /** Consenting workers in reach scoring above 0; null when fewer than `fewerThan`. */
  candidates: number | null;
  /** Those of them scoring at least `strongScore`; null when fewer than `fewerThan`. */
  strong: number | null;
  fewerThan: number;
  strongScore: number;
  remote: boolean;
  /** The place the counts are for, as resolved (null when remote). */
  location: { municipality: string | null; province: string | null; region: string | null } | null;
}

interface CandidateRow {
  id: string;
  home_lat: number | null;
  home_lng: number | null;
  mobility_radius_km: number;
  skills: string[];
  levels: number[];
}

/** Slack on the SQL distance filter: the exact test is the engine's haversine, in Node. */
const SQL_RADIUS_SLACK_KM = 1;

/**
 * How many workers a vacancy with these requirements would reach before it is posted: the same
 * scoring contract and eligibility as the match lists (`scorePair`, `eligibleDistance` from
 * libs/matching), over consenting workers only, answered as counts with small ones withheld.
 */
@Injectable()
export class CandidatePreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyRelatednessCache,
    private readonly lookup: TaxonomyLookupService,
    private readonly places: PlacesService,
  ) {}

  /** Checks like a vacancy's create: its rules (400), the employer (404), the skills (400), the place (400). */
  async preview(input: CandidatePreviewInput, now = new Date()): Promise<CandidatePreview> {
    const remote = input.remote ?? false;
    if (input.requirements.length === 0) throw VacancyErrors.noRequirements();
    const duplicate = duplicateProblem(input.requirements, 'skillId', 'requirements');
    if (duplicate) throw VacancyErrors.duplicateSkill(duplicate);
    if (!remote && !input.location) throw VacancyErrors.locationRequired();
    if (input.employerId) {
      const [employer] = await this.db.query(`select 1 from employer where id = $1`, [input.employerId]);
      if (!employer) throw EmployerErrors.notFound(input.employerId, 'employerId');
    }
    const missing = await this.lookup.missingSkillIds(input.requirements.map((r) => r.skillId));
    if (missing.length) {
      throw VacancyErrors.unknownSkills(problemsForMissing(input.requirements, 'skillId', missing, 'requirements', (id) => `${id} is not an ESCO skill`));
    }
    const place = !remote && input.location ? await this.places.resolve(input.location, 'location') : null;

    const { skills, relatedness } = await this.taxonomy.get();
    const requirements: Requirement[] = input.requirements.map((r) => ({ skill: skills.require(r.skillId), importance: r.importance, minLevel: r.minLevel ?? DEFAULT_MIN_LEVEL }));
    // Only a skill asked for or one related to it can earn credit: the workers holding none are never read.
    const touching = new Set<string>();
    for (const r of requirements) {
      touching.add(skills.keyOf(r.skill));
      for (const n of relatedness.neighboursOf(r.skill)) touching.add(skills.keyOf(n));
    }
    const rows: CandidateRow[] = await this.db.query(
      `select w.id, w.home_lat, w.home_lng, w.mobility_radius_km, array_agg(ws.skill_id) as skills, array_agg(ws.level) as levels
         from worker w join worker_skill ws on ws.worker_id = w.id
        where w.visible_to_employers and ws.skill_id = any($1::uuid[])
          and ($2::boolean or (w.home_lat is not null and w.home_lng is not null
               and 2 * 6371 * asin(least(1, sqrt(power(sin(radians(w.home_lat - $3) / 2), 2)
                   + cos(radians($3)) * cos(radians(w.home_lat)) * power(sin(radians(w.home_lng - $4) / 2), 2)))) <= w.mobility_radius_km + $5))
        group by w.id`,
      [[...touching], remote, place?.lat ?? 0, place?.lng ?? 0, SQL_RADIUS_SLACK_KM],
    );

    const vacancy: VacancyRecord = { id: 'preview', lat: place?.lat ?? null, lng: place?.lng ?? null, remote, open: true, expiresAt: null, requirements: [] };
    let candidates = 0;
    let strong = 0;
    for (const r of rows) {
      const worker: WorkerRecord = { id: r.id, lat: r.home_lat, lng: r.home_lng, mobilityRadiusKm: r.mobility_radius_km, visibleToEmployers: true, skills: [] };
      if (eligibleDistance(worker, vacancy, now) === null) continue;
      const profile: WorkerSkill[] = r.skills.map((s, i) => ({ skill: skills.require(s), level: r.levels[i] }));
      const score = scorePair(profile, requirements, relatedness);
      if (score.numerator <= 0) continue;
      candidates++;
      if (roundScore(score.numerator, score.denominator) >= STRONG_SCORE) strong++;
    }
    const reported = (n: number) => (n < PREVIEW_MIN_REPORTED ? null : n);
    return {
      candidates: reported(candidates),
      strong: reported(strong),
      fewerThan: PREVIEW_MIN_REPORTED,
      strongScore: STRONG_SCORE,
      remote,
      location: place ? { municipality: place.municipality, province: place.province, region: place.region } : null,
    };
  }
}
