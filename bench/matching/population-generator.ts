import { haversineKm, type RequirementTuple, type SkillLevelTuple, type VacancyRecord, type WorkerRecord } from '@ricarica/matching';
import type { EscoData, Place } from './esco-data';
import { SeededRandom } from './seeded-random';

/*
 * A synthetic but ESCO-shaped population:
 *  - workers hold the skills of 1 to 3 occupations (70% of them from the automotive subset's source and
 *    'both' roles), each essential skill with p 0.8 and each optional one with p 0.3, at random levels 1-4;
 *  - vacancies ask for an occupation's essential skills and about a quarter of its optional ones, minLevel
 *    1-4, 60% of them for the subset's target and 'both' occupations; 10% are remote;
 *  - homes and sites are municipality centroids: 35% within 40 km of Turin, 35% within 40 km of Milan,
 *    30% anywhere in northern Italy; radius 10-80 km; 60% of workers consent to be shown to employers.
 */

const TURIN = { lat: 45.0703, lng: 7.6869 };
const MILAN = { lat: 45.4642, lng: 9.19 };

export class PopulationGenerator {
  private readonly rng: SeededRandom;
  private readonly nearTurin: Place[];
  private readonly nearMilan: Place[];
  private readonly workerOccupations: number[];
  private readonly vacancyOccupations: number[];
  private last: Place | undefined;

  constructor(
    private readonly esco: EscoData,
    private readonly places: Place[],
    seed: number,
    readonly now: number,
  ) {
    this.rng = new SeededRandom(seed);
    this.nearTurin = places.filter((p) => haversineKm(p.lat, p.lng, TURIN.lat, TURIN.lng) <= 40);
    this.nearMilan = places.filter((p) => haversineKm(p.lat, p.lng, MILAN.lat, MILAN.lng) <= 40);
    this.workerOccupations = [...esco.automotive.source, ...esco.automotive.both];
    this.vacancyOccupations = [...esco.automotive.target, ...esco.automotive.both];
  }

  /** The place of the last worker made (its municipality, for callers that store one). */
  lastPlace(): Place {
    if (!this.last) throw new Error('no worker made yet');
    return this.last;
  }

  worker(): WorkerRecord {
    const r = this.rng;
    const place = this.place();
    this.last = place;
    return {
      id: r.uuid(),
      lat: place.lat,
      lng: place.lng,
      mobilityRadiusKm: r.between(10, 80),
      visibleToEmployers: r.chance(0.6),
      skills: this.workerSkills(),
    };
  }

  /** A changed skill set: the worker adds an occupation's skills, or relevels and drops some of its own. */
  changedWorker(w: WorkerRecord): WorkerRecord {
    const r = this.rng;
    let skills: SkillLevelTuple[];
    if (r.chance(0.5)) {
      const merged = new Map<number, number>(w.skills.map(([s, l]) => [s, l]));
      for (const [s, l] of this.occupationSkills(this.workerOccupation())) merged.set(s, Math.max(merged.get(s) ?? 0, l));
      skills = [...merged].map(([s, l]) => [s, l] as const);
    } else {
      skills = w.skills.filter(() => r.chance(0.85)).map(([s, l]) => [s, r.chance(0.3) ? r.between(1, 4) : l] as const);
    }
    return { ...w, skills };
  }

  vacancy(): VacancyRecord {
    const r = this.rng;
    const place = this.place();
    const roll = r.next();
    return {
      id: r.uuid(),
      lat: place.lat,
      lng: place.lng,
      remote: r.chance(0.1),
      open: roll >= 0.03,
      expiresAt: roll >= 0.03 && roll < 0.05 ? this.now - 86_400_000 : this.now + r.between(1, 90) * 86_400_000,
      requirements: this.requirements(r.chance(0.6) ? r.pick(this.vacancyOccupations) : r.int(this.esco.occupations.length)),
    };
  }

  /** Changed requirements: redrawn from another occupation, or the same ones at other levels. */
  changedVacancy(v: VacancyRecord): VacancyRecord {
    const r = this.rng;
    const requirements = r.chance(0.5)
      ? this.requirements(r.pick(this.vacancyOccupations))
      : v.requirements.filter(() => r.chance(0.9)).map(([s, imp, m]) => [s, imp, r.chance(0.4) ? r.between(1, 4) : m] as const);
    return { ...v, open: true, expiresAt: this.now + 30 * 86_400_000, requirements: requirements.length > 0 ? requirements : v.requirements };
  }

  private workerOccupation(): number {
    return this.rng.chance(0.7) ? this.rng.pick(this.workerOccupations) : this.rng.int(this.esco.occupations.length);
  }

  private workerSkills(): SkillLevelTuple[] {
    const merged = new Map<number, number>();
    const k = this.rng.between(1, 3);
    for (let i = 0; i < k; i++) {
      for (const [s, l] of this.occupationSkills(this.workerOccupation())) merged.set(s, Math.max(merged.get(s) ?? 0, l));
    }
    return [...merged].map(([s, l]) => [s, l] as const);
  }

  private occupationSkills(o: number): SkillLevelTuple[] {
    const r = this.rng;
    const occupation = this.esco.occupations[o];
    const out: SkillLevelTuple[] = [];
    for (const s of occupation.essential) if (r.chance(0.8)) out.push([s, r.between(1, 4)]);
    for (const s of occupation.optional) if (r.chance(0.3)) out.push([s, r.between(1, 4)]);
    return out;
  }

  private requirements(o: number): RequirementTuple[] {
    const r = this.rng;
    const occupation = this.esco.occupations[o];
    const seen = new Set<number>();
    const out: RequirementTuple[] = [];
    for (const s of occupation.essential) if (!seen.has(s)) (seen.add(s), out.push([s, 'essential', r.between(1, 4)]));
    for (const s of occupation.optional) if (!seen.has(s) && r.chance(0.25)) (seen.add(s), out.push([s, 'optional', r.between(1, 4)]));
    return out;
  }

  private place(): Place {
    const u = this.rng.next();
    return this.rng.pick(u < 0.35 ? this.nearTurin : u < 0.7 ? this.nearMilan : this.places);
  }
}
