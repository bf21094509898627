import { chordSquaredOfKm, haversineKm, radiusChordBounds, writeUnitVector } from './geo';

describe('haversineKm', () => {
  it('measures Turin to Milan at about 126 km', () => {
    expect(haversineKm(45.0703, 7.6869, 45.4642, 9.19)).toBeCloseTo(125.8, 0);
  });

  it('is 0 for the same place and symmetric', () => {
    expect(haversineKm(45, 7, 45, 7)).toBe(0);
    expect(haversineKm(45, 7, 46, 8)).toBeCloseTo(haversineKm(46, 8, 45, 7), 12);
  });
});

describe('radiusChordBounds', () => {
  it('brackets the squared chord of pairs just inside and just outside the radius', () => {
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    writeUnitVector(45, 7, a, 0);
    for (const lat of [45.1, 45.3, 45.9]) {
      writeUnitVector(lat, 7, b, 0);
      const c2 = (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
      const km = haversineKm(45, 7, lat, 7);
      expect(c2).toBeLessThan(radiusChordBounds(km * 1.001).inside);
      expect(c2).toBeGreaterThan(radiusChordBounds(km * 0.999).outside);
      expect(c2).toBeCloseTo(chordSquaredOfKm(km), 12);
    }
  });

  it('admits nothing for a negative radius', () => {
    expect(radiusChordBounds(-1)).toEqual({ inside: -1, outside: -1 });
  });
});
