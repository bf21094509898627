import { isMonth, monthOf, monthsBetween } from './month';

describe('months', () => {
  it('accepts YYYY-MM only', () => {
    expect(isMonth('2026-11')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '', 202611, null, '1999-12']) expect(isMonth(bad)).toBe(false);
  });

  it('places a date in its Italian month (23:30 UTC on 30 November is already December in Rome (UTC+1))', () => {
    expect(monthOf(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11');
  });

  it('lists the months between two months across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
  });
});
