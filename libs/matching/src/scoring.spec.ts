import { Relatedness } from './relatedness';
import { compareFractions, directCredit24, relatedCredit24, roundScore, scorePair, type Requirement } from './scoring';
import { SkillIndex } from './skill-index';

// welding and brazing share group G; drawing is broader of cad; safety stands alone.
const skills = SkillIndex.of(['welding', 'brazing', 'drawing', 'cad', 'safety']);
const [welding, brazing, drawing, cad, safety] = [0, 1, 2, 3, 4];
const rel = Relatedness.fromBroaderEdges(skills, [
  { concept: 'welding', broader: 'G' },
  { concept: 'brazing', broader: 'G' },
  { concept: 'cad', broader: 'drawing' },
]);
const essential = (skill: number, minLevel: number): Requirement => ({ skill, importance: 'essential', minLevel });
const optional = (skill: number, minLevel: number): Requirement => ({ skill, importance: 'optional', minLevel });

describe('scorePair', () => {
  it('gives 1 for an exact match', () => {
    const s = scorePair([{ skill: welding, level: 3 }], [essential(welding, 3)], rel);
    expect([s.numerator, s.denominator, s.score, s.rounded]).toEqual([48, 48, 1, 1]);
    expect(s.matched).toHaveLength(1);
    expect(s.gap).toHaveLength(0);
  });

  it('gives level/minLevel for a partial level and lists it in the gap with the worker level', () => {
    const s = scorePair([{ skill: welding, level: 1 }], [essential(welding, 3)], rel);
    expect(s.numerator).toBe(2 * 8);
    expect(s.rounded).toBe(0.3333);
    expect(s.gap).toEqual([expect.objectContaining({ skill: welding, workerLevel: 1, credit24: 8, source: 'direct' })]);
  });

  it('gives half credit through a sibling under a common group', () => {
    const s = scorePair([{ skill: brazing, level: 4 }], [essential(welding, 2)], rel);
    expect(s.requirements[0]).toEqual(expect.objectContaining({ source: 'related', relatedSkill: brazing, relatedLevel: 4, workerLevel: null, credit24: 12 }));
    expect(s.rounded).toBe(0.5);
  });

  it('gives half credit through a direct broader or narrower skill', () => {
    expect(scorePair([{ skill: drawing, level: 2 }], [essential(cad, 2)], rel).rounded).toBe(0.5);
    expect(scorePair([{ skill: cad, level: 1 }], [essential(drawing, 2)], rel).rounded).toBe(0.25);
  });

  it('takes the best related level and keeps the direct credit even when a related one would be higher', () => {
    expect(scorePair([{ skill: welding, level: 1 }, { skill: brazing, level: 4 }], [essential(welding, 4)], rel).numerator).toBe(2 * 6);
  });

  it('weights essential requirements twice as much as optional ones', () => {
    const s = scorePair([{ skill: welding, level: 4 }], [essential(welding, 1), optional(safety, 1)], rel);
    expect([s.numerator, s.denominator]).toEqual([48, 72]);
    expect(s.rounded).toBe(0.6667);
    const t = scorePair([{ skill: safety, level: 4 }], [essential(welding, 1), optional(safety, 1)], rel);
    expect(t.rounded).toBe(0.3333);
  });

  it('scores an empty profile 0 and a vacancy without requirements 0', () => {
    expect(scorePair([], [essential(welding, 1), optional(cad, 2)], rel).score).toBe(0);
    expect(scorePair([{ skill: welding, level: 2 }], [], rel)).toEqual(expect.objectContaining({ numerator: 0, denominator: 0, score: 0 }));
  });

  it('keeps the highest level of a skill listed twice', () => {
    expect(scorePair([{ skill: welding, level: 1 }, { skill: welding, level: 3 }], [essential(welding, 3)], rel).score).toBe(1);
  });

  it('rejects levels outside 1..4', () => {
    expect(() => scorePair([{ skill: welding, level: 5 }], [], rel)).toThrow(expect.objectContaining({ code: 'MATCHING.INVALID_LEVEL' }));
    expect(() => scorePair([], [essential(welding, 0)], rel)).toThrow(expect.objectContaining({ code: 'MATCHING.INVALID_LEVEL' }));
  });
});

describe('credits and rounding', () => {
  it('are whole 24ths for every level pair, related being exactly half of direct', () => {
    for (let l = 1; l <= 4; l++) {
      for (let m = 1; m <= 4; m++) {
        expect(Number.isInteger(directCredit24(l, m))).toBe(true);
        expect(Number.isInteger(relatedCredit24(l, m))).toBe(true);
        expect(relatedCredit24(l, m) * 2).toBe(directCredit24(l, m));
      }
    }
  });

  it('rounds half up to 4 decimals from the integers', () => {
    expect(roundScore(1, 3)).toBe(0.3333);
    expect(roundScore(2, 3)).toBe(0.6667);
    expect(roundScore(1, 20000)).toBe(0.0001);
    expect(roundScore(1, 20001)).toBe(0);
    expect(roundScore(0, 24)).toBe(0);
  });

  it('compares fractions exactly', () => {
    expect(compareFractions(1, 3, 2, 6)).toBe(0);
    expect(compareFractions(2, 3, 3, 5)).toBe(1);
    expect(compareFractions(1, 72, 1, 48)).toBe(-1);
  });
});
