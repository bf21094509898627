import fc from 'fast-check';
import { recoverable, suppressCells, SuppressionGroup } from './suppression';

const cells = (o: Record<string, number>) => new Map(Object.entries(o));

describe('suppressCells', () => {
  it('hides every cell counting fewer than 5 workers, zero included, and nothing else when no total is published', () => {
    const hidden = suppressCells(cells({ a: 0, b: 4, c: 5, d: 120 }), []);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides a second part when a total would give the only hidden part back', () => {
    const values = cells({ total: 30, displaced: 3, at_risk: 12, employed: 15 });
    const groups: SuppressionGroup[] = [{ total: 'total', parts: ['displaced', 'at_risk', 'employed'] }];
    const hidden = suppressCells(values, groups);
    // at_risk is the smallest visible part: hiding it leaves displaced + at_risk = 15, not each.
    expect([...hidden].sort()).toEqual(['at_risk', 'displaced']);
    expect(recoverable(values, groups, hidden).size).toBe(0);
  });

  it('lets anyone recover the hidden part by subtraction without the complementary step', () => {
    const values = cells({ total: 30, displaced: 3, at_risk: 12, employed: 15 });
    const groups: SuppressionGroup[] = [{ total: 'total', parts: ['displaced', 'at_risk', 'employed'] }];
    expect(recoverable(values, groups, new Set(['displaced']))).toEqual(new Map([['displaced', 3]]));
  });

  it('breaks ties between equally small parts by key, so the result is stable', () => {
    const hidden = suppressCells(cells({ t: 22, a: 2, b: 10, c: 10 }), [{ total: 't', parts: ['c', 'a', 'b'] }]);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides the total when a one-part group hides its part', () => {
    const hidden = suppressCells(cells({ region: 7, only: 7 }), [{ total: 'region', parts: ['only'] }, { total: 'other', parts: ['only', 'x'] }], 8);
    expect([...hidden].sort()).toEqual(['only', 'region']);
  });

  it('hides a part when the total is hidden and all its parts are visible', () => {
    // employed is hidden as the complement of displaced (4) in the status group; its provinces (5 + 5) would add up to it.
    const values = cells({ total: 40, displaced: 4, employed: 10, at_risk: 26, 'employed@A': 5, 'employed@B': 5 });
    const groups: SuppressionGroup[] = [
      { total: 'total', parts: ['displaced', 'employed', 'at_risk'] },
      { total: 'employed', parts: ['employed@A', 'employed@B'] },
    ];
    const hidden = suppressCells(values, groups);
    expect([...hidden].sort()).toEqual(['displaced', 'employed', 'employed@A']);
    expect(recoverable(values, groups, hidden).size).toBe(0);
  });

  it('carries a complement from one group into the groups it belongs to (region and provinces)', () => {
    // Region R with provinces A and B; status breakdowns in each and the provinces adding up to the region.
    const values = cells({
      'R:all': 40, 'R:displaced': 12, 'R:employed': 28,
      'A:all': 20, 'A:displaced': 9, 'A:employed': 11,
      'B:all': 20, 'B:displaced': 3, 'B:employed': 17,
    });
    const groups: SuppressionGroup[] = [
      { total: 'R:all', parts: ['R:displaced', 'R:employed'] },
      { total: 'A:all', parts: ['A:displaced', 'A:employed'] },
      { total: 'B:all', parts: ['B:displaced', 'B:employed'] },
      { total: 'R:all', parts: ['A:all', 'B:all'] },
      { total: 'R:displaced', parts: ['A:displaced', 'B:displaced'] },
      { total: 'R:employed', parts: ['A:employed', 'B:employed'] },
    ];
    const hidden = suppressCells(values, groups);
    expect(hidden.has('B:displaced')).toBe(true);
    expect(recoverable(values, groups, hidden).size).toBe(0);
  });

  it('ignores group members that have no cell (a part with no row counts 0 and reveals nothing)', () => {
    const hidden = suppressCells(cells({ t: 9, a: 9 }), [{ total: 't', parts: ['a', 'missing'] }]);
    expect(hidden.size).toBe(0);
  });

  it('refuses negative counts and a bad threshold', () => {
    expect(() => suppressCells(cells({ a: -1 }), [])).toThrow(RangeError);
    expect(() => suppressCells(cells({ a: 1 }), [], 0)).toThrow(RangeError);
  });

  it('never leaves a hidden cell recoverable by subtraction, on random two-level tables', () => {
    // Random region → provinces × statuses tables: the same group structure the snapshot uses.
    const table = fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(table, (rows) => {
        const statuses = rows[0].length;
        const grid = rows.map((r) => Array.from({ length: statuses }, (_, s) => r[s] ?? 0));
        const values = new Map<string, number>();
        const groups: SuppressionGroup[] = [];
        grid.forEach((r, p) => {
          r.forEach((v, s) => values.set(`p${p}:s${s}`, v));
          values.set(`p${p}:all`, r.reduce((a, b) => a + b, 0));
          groups.push({ total: `p${p}:all`, parts: r.map((_, s) => `p${p}:s${s}`) });
        });
        for (let s = 0; s < statuses; s++) {
          values.set(`R:s${s}`, grid.reduce((a, r) => a + r[s], 0));
          groups.push({ total: `R:s${s}`, parts: grid.map((_, p) => `p${p}:s${s}`) });
        }
        values.set('R:all', [...grid.flat()].reduce((a, b) => a + b, 0));
        groups.push({ total: 'R:all', parts: Array.from({ length: statuses }, (_, s) => `R:s${s}`) });
        groups.push({ total: 'R:all', parts: grid.map((_, p) => `p${p}:all`) });
        const hidden = suppressCells(values, groups);
        for (const [k, v] of values) if (v < 5) expect(hidden.has(k)).toBe(true);
        const leaked = [...recoverable(values, groups, hidden).keys()].filter((k) => hidden.has(k));
        expect(leaked).toEqual([]);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
