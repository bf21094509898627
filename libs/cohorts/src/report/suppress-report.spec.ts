import type { CohortReport } from './cohort-report.types';
import { publicReport } from './suppress-report';

const c = (value: number) => ({ value, suppressed: false });
const report = (hardest: number[]): CohortReport => ({
  cohortId: 'c', computedAt: '2026-11-23T10:00:00.000Z', version: 'full',
  thresholds: { fitScore: 0.7, maxPathwayHours: 300, seatsWindowDays: 90, minCell: 5 },
  members: { total: 30, profiled: 30, fitToday: c(12), withPathway: c(4), hardest: c(hardest.reduce((a, b) => a + b, 0)) },
  destinations: [{ occupationId: 'o', occupation: 'welder', fitToday: c(12), withPathway: c(3), vacancies: [] }],
  training: [{ courseId: 'k', title: 'k', provider: 'p', hours: 40, membersNeeding: c(4), seats90d: 10, shortfall: c(-6) }],
  hardestToPlace: hardest.map((n, i) => ({ occupationId: 'o', occupation: 'welder', municipality: `m${i}`, province: 'TO', members: c(n), employeeRefs: ['r'] })),
});

describe('public cohort report', () => {
  it('withholds counts of 1 to 4 and the shortfall that would give a withheld count back', () => {
    const r = publicReport(report([6, 8]));
    expect(r.version).toBe('public');
    expect(r.members.withPathway).toEqual({ value: null, suppressed: true });
    expect(r.destinations[0].fitToday).toEqual(c(12));
    expect(r.destinations[0].withPathway.suppressed).toBe(true);
    expect(r.training[0].shortfall).toEqual({ value: null, suppressed: true });
    expect(r.hardestToPlace.every((h) => !('employeeRefs' in h))).toBe(true);
  });

  it('withholds a second hardest-to-place cell when only one is small, so the total cannot give it back', () => {
    const r = publicReport(report([3, 9, 6]));
    expect(r.hardestToPlace.map((h) => h.members.suppressed)).toEqual([true, false, true]);
    expect(r.members.hardest).toEqual(c(18));
  });

  it('leaves the full report untouched', () => {
    const full = report([3, 9]);
    publicReport(full);
    expect(full.hardestToPlace[0].members).toEqual(c(3));
  });
});
