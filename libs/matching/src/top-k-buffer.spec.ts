import fc from 'fast-check';
import { kthLargest } from './top-k-buffer';

describe('kthLargest', () => {
  it('returns the K-th largest value, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, k) => {
        const K = 1 + (k % xs.length);
        const expected = [...xs].sort((a, b) => b - a)[K - 1];
        expect(kthLargest(Float64Array.from(xs), xs.length, K)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
