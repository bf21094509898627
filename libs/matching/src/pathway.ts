import { MatchingErrors } from './matching.errors';
import type { Relatedness } from './relatedness';
import { assertLevel, FULL_CREDIT, roundScore, scorePair, type PairScore, type Requirement, type RequirementCredit, type WorkerSkill } from './scoring';

/** A course the worker could take (the caller has already filtered by publication, reach and sessions). */
export interface CourseOffer {
  id: string;
  hours: number;
  costEur: number;
  skillsTaught: readonly { skill: number; targetLevel: number }[];
  /** Skills the worker must hold (at any level) or acquire from an earlier course of the plan. */
  prerequisites: readonly number[];
}

export interface PathwayStep {
  courseId: string;
  hours: number;
  costEur: number;
  /** Skills of gap requirements this course closes (taught at or above the required level), in requirement order. */
  covers: number[];
  /** Σ weight·(1 − credit) of those requirements, in 24ths: the gain the greedy choice used. */
  gain24: number;
}

export interface ScoreSnapshot {
  numerator: number;
  denominator: number;
  /** Rounded half-up to 4 decimals. */
  score: number;
}

export interface PathwayPlan {
  /** Courses in the order to take them: every prerequisite is met before the course that needs it. */
  steps: PathwayStep[];
  totalHours: number;
  totalCostEur: number;
  scoreBefore: ScoreSnapshot;
  /** Scored exactly as if the worker held every taught skill at the course's target level (higher existing levels kept). */
  scoreAfter: ScoreSnapshot;
  /** Gap requirements no chosen course closes, as credited before the plan. */
  uncovered: RequirementCredit[];
}

export interface PathwayOptions {
  /** Most courses in a plan (default 5). */
  maxCourses?: number;
}

/**
 * Greedy weighted set cover over the vacancy's gap. Each round takes the allowed course with the
 * best gain per hour, where the gain is Σ weight·(1 − credit) over the gap requirements it newly
 * closes; ties go to the lower course id. A course is allowed once the worker holds each of its
 * prerequisites or an already chosen course teaches it. Stops when no allowed course gains anything
 * or after maxCourses courses. Because a course only becomes allowed after the course teaching its
 * prerequisite was chosen, the choice order is already a valid order to take them.
 */
export function planPathway(profile: readonly WorkerSkill[], requirements: readonly Requirement[], courses: readonly CourseOffer[], relatedness: Relatedness, options: PathwayOptions = {}): PathwayPlan {
  const maxCourses = options.maxCourses ?? 5;
  if (!Number.isInteger(maxCourses) || maxCourses < 0) throw MatchingErrors.invalidOption('maxCourses', maxCourses);
  for (const c of courses) validateCourse(c, relatedness);

  const before = scorePair(profile, requirements, relatedness);
  // Gap requirements still open, with what closing each is worth (24ths, weighted).
  const open = new Map<number, { credit: RequirementCredit; worth: number }>();
  before.requirements.forEach((credit, i) => {
    if (credit.credit24 < FULL_CREDIT) open.set(i, { credit, worth: credit.weight * (FULL_CREDIT - credit.credit24) });
  });
  const held = new Set(profile.map((s) => s.skill));
  const taught = new Set<number>();
  const chosen = new Set<string>();
  const steps: PathwayStep[] = [];
  const sorted = [...courses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  while (steps.length < maxCourses) {
    let best: { course: CourseOffer; gain: number; covers: number[] } | null = null;
    for (const course of sorted) {
      if (chosen.has(course.id)) continue;
      if (!course.prerequisites.every((p) => held.has(p) || taught.has(p))) continue;
      const { gain, covers } = gainOf(course, open, requirements);
      if (gain <= 0) continue;
      // gain/hours compared by cross-multiplication; a free (0-hour) course beats any paid one.
      if (best === null || gain * best.course.hours > best.gain * course.hours) best = { course, gain, covers };
    }
    if (best === null) break;
    const { course, gain, covers } = best;
    chosen.add(course.id);
    for (const t of course.skillsTaught) taught.add(t.skill);
    for (const i of covers) open.delete(i);
    steps.push({ courseId: course.id, hours: course.hours, costEur: course.costEur, covers: covers.map((i) => requirements[i].skill), gain24: gain });
  }

  const after = scorePair(withTaughtSkills(profile, steps.map((s) => sorted.find((c) => c.id === s.courseId) as CourseOffer)), requirements, relatedness);
  return {
    steps,
    totalHours: steps.reduce((t, s) => t + s.hours, 0),
    totalCostEur: steps.reduce((t, s) => t + s.costEur, 0),
    scoreBefore: snapshot(before),
    scoreAfter: snapshot(after),
    uncovered: [...open.values()].map((o) => o.credit),
  };
}

/** The profile after the courses: each taught skill at the course's target level, higher existing levels kept. */
export function withTaughtSkills(profile: readonly WorkerSkill[], courses: readonly CourseOffer[]): WorkerSkill[] {
  const level = new Map<number, number>();
  for (const s of profile) level.set(s.skill, Math.max(level.get(s.skill) ?? 0, s.level));
  for (const c of courses) for (const t of c.skillsTaught) level.set(t.skill, Math.max(level.get(t.skill) ?? 0, t.targetLevel));
  return [...level].map(([skill, l]) => ({ skill, level: l }));
}

function gainOf(course: CourseOffer, open: Map<number, { credit: RequirementCredit; worth: number }>, requirements: readonly Requirement[]): { gain: number; covers: number[] } {
  let gain = 0;
  const covers: number[] = [];
  for (const [i, o] of open) {
    const r = requirements[i];
    if (course.skillsTaught.some((t) => t.skill === r.skill && t.targetLevel >= r.minLevel)) {
      gain += o.worth;
      covers.push(i);
    }
  }
  covers.sort((a, b) => a - b);
  return { gain, covers };
}

function snapshot(s: PairScore): ScoreSnapshot {
  return { numerator: s.numerator, denominator: s.denominator, score: roundScore(s.numerator, s.denominator) };
}

function validateCourse(c: CourseOffer, relatedness: Relatedness): void {
  if (!(c.hours >= 0) || !Number.isFinite(c.hours)) throw MatchingErrors.invalidNumber(`hours of course ${c.id}`, c.hours);
  if (!(c.costEur >= 0) || !Number.isFinite(c.costEur)) throw MatchingErrors.invalidNumber(`costEur of course ${c.id}`, c.costEur);
  for (const t of c.skillsTaught) {
    relatedness.assertSkill(t.skill);
    assertLevel('targetLevel', t.targetLevel);
  }
  for (const p of c.prerequisites) relatedness.assertSkill(p);
}
