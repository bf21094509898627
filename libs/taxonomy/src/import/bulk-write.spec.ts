import { dedupeByKey } from './bulk-write';

describe('dedupeByKey', () => {
  it('keeps the last row per key so that one statement never updates a row twice', () => {
    const rows = [
      { a: '1', b: 'x', v: 1 },
      { a: '1', b: 'y', v: 2 },
      { a: '1', b: 'x', v: 3 },
    ];
    expect(dedupeByKey(rows, ['a', 'b'])).toEqual([
      { a: '1', b: 'x', v: 3 },
      { a: '1', b: 'y', v: 2 },
    ]);
  });

  it('returns the same array when keys are unique', () => {
    const rows = [{ a: 1 }, { a: 2 }];
    expect(dedupeByKey(rows, ['a'])).toBe(rows);
  });
});
