import { MatchingErrors } from './matching.errors';
import type { Relatedness } from './relatedness';

/**
 * The scoring contract. Credits are counted in 24ths so every sum stays an integer: a direct skill at
 * `level` against `minLevel` earns min(24, 24·level/minLevel), a related skill half of that, capped at
 * 12. With levels 1..4 both are always whole numbers. score = Σ weight·credit24 / (24·Σ weight), with a
 * single division at the end.
 */

export type Importance = 'essential' | 'optional';
export type CreditSource = 'direct' | 'related' | 'none';

export interface WorkerSkill {
  /** Skill index (see SkillIndex). */
  skill: number;
  /** 1 basic, 2 intermediate, 3 advanced, 4 expert. */
  level: number;
}

export interface Requirement {
  skill: number;
  importance: Importance;
  /** 1..4, as for levels. */
  minLevel: number;
}

export interface RequirementCredit {
  skill: number;
  importance: Importance;
  minLevel: number;
  /** 2 for essential, 1 for optional. */
  weight: number;
  /** The worker's own level in this skill, or null when the worker does not have it. */
  workerLevel: number | null;
  /** When the credit comes from a related skill: that skill and the worker's level in it. */
  relatedSkill: number | null;
  relatedLevel: number | null;
  source: CreditSource;
  /** Credit in 24ths (0..24); `credit` is the same value as a fraction of 1. */
  credit24: number;
  credit: number;
}

export interface PairScore {
  /** Σ weight·credit24. */
  numerator: number;
  /** 24·Σ weight (0 when there are no requirements). */
  denominator: number;
  /** numerator / denominator, exact for ranking (one correctly rounded division). */
  score: number;
  /** The score as reported: rounded half-up to 4 decimals. */
  rounded: number;
  /** Every requirement, in input order. */
  requirements: RequirementCredit[];
  /** Requirements with full credit. */
  matched: RequirementCredit[];
  /** Requirements with credit below 1, partial ones included (their credit says how far). */
  gap: RequirementCredit[];
}

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;
export const FULL_CREDIT = 24;

export function importanceWeight(importance: Importance): number {
  if (importance === 'essential') return 2;
  if (importance === 'optional') return 1;
  throw MatchingErrors.invalidImportance(importance);
}

export function assertLevel(what: string, level: unknown): asserts level is number {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < MIN_LEVEL || level > MAX_LEVEL) throw MatchingErrors.invalidLevel(what, level);
}

export function directCredit24(level: number, minLevel: number): number {
  return Math.min(FULL_CREDIT, (FULL_CREDIT * level) / minLevel);
}

export function relatedCredit24(level: number, minLevel: number): number {
  return Math.min(FULL_CREDIT / 2, ((FULL_CREDIT / 2) * level) / minLevel);
}

/** The reported score: half-up to 4 decimals, computed from the integers so no binary fraction can tip it. */
export function roundScore(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.round((numerator * 10000) / denominator) / 10000;
}

export function exactScore(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/** Sign of n1/d1 − n2/d2 for positive denominators, by cross-multiplication (products stay far below 2^53). */
export function compareFractions(n1: number, d1: number, n2: number, d2: number): number {
  const a = n1 * d2;
  const b = n2 * d1;
  return a === b ? 0 : a > b ? 1 : -1;
}

/**
 * Scores one worker against one vacancy and explains every requirement. This is the reference
 * implementation: the engine's typed-array kernels must agree with it number for number.
 */
export function scorePair(profile: readonly WorkerSkill[], requirements: readonly Requirement[], relatedness: Relatedness): PairScore {
  const levels = new Map<number, number>();
  for (const s of profile) {
    relatedness.assertSkill(s.skill);
    assertLevel('level', s.level);
    levels.set(s.skill, Math.max(levels.get(s.skill) ?? 0, s.level));
  }
  let numerator = 0;
  let weights = 0;
  const credits: RequirementCredit[] = [];
  for (const r of requirements) {
    relatedness.assertSkill(r.skill);
    assertLevel('minLevel', r.minLevel);
    const weight = importanceWeight(r.importance);
    const own = levels.get(r.skill);
    let credit24 = 0;
    let source: CreditSource = 'none';
    let relatedSkill: number | null = null;
    let relatedLevel: number | null = null;
    if (own !== undefined) {
      credit24 = directCredit24(own, r.minLevel);
      source = 'direct';
    } else {
      // Best related level; ties go to the lowest skill index so explanations are stable.
      for (const t of relatedness.neighboursOf(r.skill)) {
        const l = levels.get(t);
        if (l !== undefined && (relatedLevel === null || l > relatedLevel)) {
          relatedLevel = l;
          relatedSkill = t;
        }
      }
      if (relatedLevel !== null) {
        credit24 = relatedCredit24(relatedLevel, r.minLevel);
        source = 'related';
      }
    }
    numerator += weight * credit24;
    weights += weight;
    credits.push({ skill: r.skill, importance: r.importance, minLevel: r.minLevel, weight, workerLevel: own ?? null, relatedSkill, relatedLevel, source, credit24, credit: credit24 / FULL_CREDIT });
  }
  const denominator = FULL_CREDIT * weights;
  return {
    numerator,
    denominator,
    score: exactScore(numerator, denominator),
    rounded: roundScore(numerator, denominator),
    requirements: credits,
    matched: credits.filter((c) => c.credit24 === FULL_CREDIT),
    gap: credits.filter((c) => c.credit24 < FULL_CREDIT),
  };
}
