import { Relatedness } from './relatedness';
import { SkillIndex } from './skill-index';

// A small pillar: group G (non-uuid id, like ESCO's isced-f groups) over a, b, c; skill a is broader of d;
// e sits alone under group H; f has both G and H as broaders.
const skills = SkillIndex.of(['a', 'b', 'c', 'd', 'e', 'f', 'lonely']);
const idx = (k: string) => skills.require(k);
const edges = [
  { concept: 'a', broader: 'http://data.europa.eu/esco/isced-f/07' },
  { concept: 'b', broader: 'http://data.europa.eu/esco/isced-f/07' },
  { concept: 'c', broader: 'http://data.europa.eu/esco/isced-f/07' },
  { concept: 'd', broader: 'a' },
  { concept: 'e', broader: 'H' },
  { concept: 'f', broader: 'H' },
  { concept: 'f', broader: 'http://data.europa.eu/esco/isced-f/07' },
  { concept: 'http://data.europa.eu/esco/isced-f/07', broader: 'TOP' },
];
const rel = Relatedness.fromBroaderEdges(skills, edges);

describe('Relatedness', () => {
  it('relates siblings under a common skill group', () => {
    expect(rel.related(idx('a'), idx('b'))).toBe(true);
    expect(rel.related(idx('b'), idx('c'))).toBe(true);
  });

  it('relates a skill to its direct broader skill and back', () => {
    expect(rel.related(idx('d'), idx('a'))).toBe(true);
    expect(rel.related(idx('a'), idx('d'))).toBe(true);
  });

  it('does not relate cousins (a narrower skill to its broader skill’s siblings)', () => {
    expect(rel.related(idx('d'), idx('b'))).toBe(false);
  });

  it('relates through any of several broaders', () => {
    expect(rel.related(idx('f'), idx('e'))).toBe(true);
    expect(rel.related(idx('f'), idx('a'))).toBe(true);
    expect(rel.related(idx('e'), idx('a'))).toBe(false);
  });

  it('never relates a skill to itself or an isolated skill to anything', () => {
    expect(rel.related(idx('a'), idx('a'))).toBe(false);
    expect(rel.neighboursOf(idx('lonely'))).toHaveLength(0);
  });

  it('is symmetric and lists neighbours sorted without duplicates', () => {
    for (let s = 0; s < skills.size; s++) {
      const n = [...rel.neighboursOf(s)];
      expect(n).toEqual([...new Set(n)].sort((x, y) => x - y));
      for (const t of n) expect(rel.related(t, s)).toBe(true);
    }
  });

  it('rejects skill indexes outside the index', () => {
    expect(() => rel.related(0, 99)).toThrow(expect.objectContaining({ code: 'MATCHING.UNKNOWN_SKILL' }));
  });
});
