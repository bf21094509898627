import type { Importance } from './scoring';

/** [skill index, level 1..4]. */
export type SkillLevelTuple = readonly [skill: number, level: number];
/** [skill index, importance, minLevel 1..4]. */
export type RequirementTuple = readonly [skill: number, importance: Importance, minLevel: number];

/** A worker as the engine needs it; ids are opaque strings (UUIDs), skills are SkillIndex indexes. */
export interface WorkerRecord {
  id: string;
  /** Home coordinates; null when unknown (then only remote vacancies are eligible). */
  lat: number | null;
  lng: number | null;
  mobilityRadiusKm: number;
  /** Consent to appear in employers' candidate lists. */
  visibleToEmployers: boolean;
  skills: readonly SkillLevelTuple[];
}

export interface VacancyRecord {
  id: string;
  lat: number | null;
  lng: number | null;
  remote: boolean;
  open: boolean;
  /** Expiry instant (Date or epoch ms); null for none. The vacancy is eligible while now < expiresAt. */
  expiresAt: Date | number | null;
  requirements: readonly RequirementTuple[];
}

/** One vacancy in a worker's ranked list. */
export interface MatchEntry {
  vacancyId: string;
  /** Rounded half-up to 4 decimals; numerator/denominator is the exact value. */
  score: number;
  numerator: number;
  denominator: number;
  distanceKm: number;
}

/** One worker in a vacancy's ranked candidate list. */
export interface CandidateEntry {
  workerId: string;
  score: number;
  numerator: number;
  denominator: number;
  distanceKm: number;
}

/** How deep lists are kept and served. Stored lists are deeper so that events rarely force a full rescore. */
export interface ListDepths {
  /** Entries kept per worker (default 64). */
  workerStored: number;
  /** Entries served per worker (default 50). */
  workerServed: number;
  /** Candidates kept per vacancy (default 256). */
  vacancyStored: number;
  /** Candidates served per vacancy (default 200). */
  vacancyServed: number;
}

export const DEFAULT_DEPTHS: ListDepths = { workerStored: 64, workerServed: 50, vacancyStored: 256, vacancyServed: 200 };

/** An instant as accepted by the engine's methods. */
export type Instant = Date | number;

export function toEpochMs(t: Instant | null | undefined): number {
  if (t === null || t === undefined) return Infinity;
  return typeof t === 'number' ? t : t.getTime();
}
