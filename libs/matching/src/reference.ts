import { haversineKm, hasCoordinates } from './geo';
import type { Relatedness } from './relatedness';
import { compareFractions, roundScore, scorePair, type Requirement, type WorkerSkill } from './scoring';
import { toEpochMs, type CandidateEntry, type Instant, type MatchEntry, type VacancyRecord, type WorkerRecord } from './types';

/*
 * Brute force: every pair scored with scorePair, filtered, sorted, cut. Slow on purpose and simple on
 * purpose; tests and outside checks compare the engine against it.
 */

export interface ReferenceLists {
  workers: Map<string, MatchEntry[]>;
  vacancies: Map<string, CandidateEntry[]>;
}

/** Distance of an eligible pair, or null when the vacancy is closed, expired or out of reach. */
export function eligibleDistance(w: WorkerRecord, v: VacancyRecord, now: Instant): number | null {
  if (!v.open || toEpochMs(now) >= toEpochMs(v.expiresAt)) return null;
  const both = hasCoordinates(w.lat, w.lng) && hasCoordinates(v.lat, v.lng);
  const km = both ? haversineKm(w.lat as number, w.lng as number, v.lat as number, v.lng as number) : null;
  if (v.remote) return km ?? 0;
  return km !== null && km <= w.mobilityRadiusKm ? km : null;
}

export function compareMatches(a: MatchEntry, b: MatchEntry): number {
  return -compareFractions(a.numerator, a.denominator, b.numerator, b.denominator) || a.distanceKm - b.distanceKm || (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0);
}

export function compareCandidates(a: CandidateEntry, b: CandidateEntry): number {
  return -compareFractions(a.numerator, a.denominator, b.numerator, b.denominator) || a.distanceKm - b.distanceKm || (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0);
}

export function referenceLists(workers: readonly WorkerRecord[], vacancies: readonly VacancyRecord[], relatedness: Relatedness, now: Instant, depths: { worker: number; vacancy: number }): ReferenceLists {
  const profiles = workers.map((w): WorkerSkill[] => w.skills.map(([skill, level]) => ({ skill, level })));
  const reqs = vacancies.map((v): Requirement[] => v.requirements.map(([skill, importance, minLevel]) => ({ skill, importance, minLevel })));
  const byWorker = new Map<string, MatchEntry[]>(workers.map((w) => [w.id, []]));
  const byVacancy = new Map<string, CandidateEntry[]>(vacancies.map((v) => [v.id, []]));
  workers.forEach((w, i) => {
    vacancies.forEach((v, j) => {
      const km = eligibleDistance(w, v, now);
      if (km === null) return;
      const s = scorePair(profiles[i], reqs[j], relatedness);
      if (s.numerator <= 0) return;
      const score = roundScore(s.numerator, s.denominator);
      (byWorker.get(w.id) as MatchEntry[]).push({ vacancyId: v.id, score, numerator: s.numerator, denominator: s.denominator, distanceKm: km });
      if (w.visibleToEmployers) (byVacancy.get(v.id) as CandidateEntry[]).push({ workerId: w.id, score, numerator: s.numerator, denominator: s.denominator, distanceKm: km });
    });
  });
  for (const [id, list] of byWorker) byWorker.set(id, list.sort(compareMatches).slice(0, depths.worker));
  for (const [id, list] of byVacancy) byVacancy.set(id, list.sort(compareCandidates).slice(0, depths.vacancy));
  return { workers: byWorker, vacancies: byVacancy };
}
