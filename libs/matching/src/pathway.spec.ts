import fc from 'fast-check';
import { planPathway, withTaughtSkills, type CourseOffer } from './pathway';
import { Relatedness } from './relatedness';
import { scorePair, type Requirement } from './scoring';
import { SkillIndex } from './skill-index';

const skills = SkillIndex.of(['welding', 'brazing', 'drawing', 'cad', 'safety', 'plc', 'electronics', 'basics']);
const [WELDING, BRAZING, DRAWING, CAD, SAFETY, PLC, ELECTRONICS, BASICS] = [0, 1, 2, 3, 4, 5, 6, 7];
const rel = Relatedness.fromBroaderEdges(skills, [
  { concept: 'welding', broader: 'G' },
  { concept: 'brazing', broader: 'G' },
  { concept: 'cad', broader: 'drawing' },
]);
const need = (skill: number, minLevel: number, importance: 'essential' | 'optional' = 'essential'): Requirement => ({ skill, importance, minLevel });
const course = (id: string, hours: number, taught: [number, number][], prerequisites: number[] = [], costEur = 100): CourseOffer => ({ id, hours, costEur, skillsTaught: taught.map(([skill, targetLevel]) => ({ skill, targetLevel })), prerequisites });

describe('planPathway', () => {
  it('takes the best gain per hour first and closes the gap', () => {
    const plan = planPathway([{ skill: SAFETY, level: 2 }], [need(WELDING, 2), need(CAD, 3), need(SAFETY, 2)], [course('slow-weld', 40, [[WELDING, 3]]), course('fast-weld', 10, [[WELDING, 2]]), course('cad', 20, [[CAD, 3]])], rel);
    expect(plan.steps.map((s) => s.courseId)).toEqual(['fast-weld', 'cad']);
    expect(plan.steps[0].covers).toEqual([WELDING]);
    expect(plan.totalHours).toBe(30);
    expect(plan.totalCostEur).toBe(200);
    expect(plan.scoreBefore.score).toBe(0.3333);
    expect(plan.scoreAfter.score).toBe(1);
    expect(plan.uncovered).toEqual([]);
  });

  it('does not count a course that teaches below the required level as covering', () => {
    const plan = planPathway([], [need(PLC, 3)], [course('plc-intro', 8, [[PLC, 1]])], rel);
    expect(plan.steps).toEqual([]);
    expect(plan.uncovered.map((u) => u.skill)).toEqual([PLC]);
  });

  it('allows a course only once its prerequisites are held or taught, and orders prerequisites first', () => {
    const courses = [course('advanced-plc', 10, [[PLC, 3]], [ELECTRONICS]), course('electronics', 30, [[ELECTRONICS, 2]])];
    const plan = planPathway([], [need(PLC, 3), need(ELECTRONICS, 1, 'optional')], courses, rel);
    expect(plan.steps.map((s) => s.courseId)).toEqual(['electronics', 'advanced-plc']);
    const held = planPathway([{ skill: ELECTRONICS, level: 1 }], [need(PLC, 3), need(ELECTRONICS, 1, 'optional')], courses, rel);
    expect(held.steps.map((s) => s.courseId)).toEqual(['advanced-plc']);
  });

  it('stops when no course gains anything even if a later one would need its teaching', () => {
    const plan = planPathway([], [need(PLC, 3)], [course('advanced-plc', 10, [[PLC, 3]], [BASICS]), course('basics', 5, [[BASICS, 2]])], rel);
    expect(plan.steps).toEqual([]);
    expect(plan.uncovered).toHaveLength(1);
  });

  it('stops at five courses', () => {
    const reqs = [WELDING, BRAZING, DRAWING, CAD, SAFETY, PLC, ELECTRONICS].map((s) => need(s, 2));
    const courses = reqs.map((r, i) => course(`c${i}`, 10 + i, [[r.skill, 2]]));
    const plan = planPathway([], reqs, courses, rel);
    expect(plan.steps.map((s) => s.courseId)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(plan.uncovered.map((u) => u.skill)).toEqual([PLC, ELECTRONICS]);
  });

  it('breaks ties on gain per hour by course id', () => {
    const plan = planPathway([], [need(WELDING, 1)], [course('b', 10, [[WELDING, 1]]), course('a', 10, [[WELDING, 2]])], rel);
    expect(plan.steps.map((s) => s.courseId)).toEqual(['a']);
  });

  it('scores the plan exactly as rescoring the profile with the taught skills, keeping higher levels', () => {
    const levels = fc.integer({ min: 1, max: 4 });
    const skill = fc.integer({ min: 0, max: skills.size - 1 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ skill, level: levels }), { maxLength: 4 }),
        fc.array(fc.record({ skill, importance: fc.constantFrom<'essential' | 'optional'>('essential', 'optional'), minLevel: levels }), { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 2 }), hours: fc.integer({ min: 1, max: 40 }), taught: fc.array(fc.tuple(skill, levels), { minLength: 1, maxLength: 3 }), prereq: fc.array(skill, { maxLength: 1 }) }), { selector: (c) => c.id, maxLength: 8 }),
        (profile, reqs, raw) => {
          const courses = raw.map((c) => course(c.id, c.hours, c.taught, c.prereq));
          const plan = planPathway(profile, reqs, courses, rel);
          const chosen = plan.steps.map((s) => courses.find((c) => c.id === s.courseId) as CourseOffer);
          const after = scorePair(withTaughtSkills(profile, chosen), reqs, rel);
          expect([plan.scoreAfter.numerator, plan.scoreAfter.denominator]).toEqual([after.numerator, after.denominator]);
          expect(plan.steps.length).toBeLessThanOrEqual(5);
          expect(plan.scoreAfter.numerator).toBeGreaterThanOrEqual(0);
          // Every chosen course had its prerequisites held or taught by an earlier step.
          const known = new Set(profile.map((p) => p.skill));
          for (const c of chosen) {
            for (const p of c.prerequisites) expect(known.has(p)).toBe(true);
            for (const t of c.skillsTaught) known.add(t.skill);
          }
          for (const s of plan.steps) expect(s.gain24).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
