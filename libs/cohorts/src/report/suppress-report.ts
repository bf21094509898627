import type { Cell, CohortReport } from './cohort-report.types';
import { MIN_CELL } from './compute-report';

const hide = (c: Cell): Cell => ({ value: null, suppressed: true });
const small = (c: Cell) => c.value !== null && c.value > 0 && c.value < MIN_CELL;

/**
 * The report as non-admins see it: every count of 1 to MIN_CELL − 1 members withheld, with what would give
 * it back: a course's shortfall (needing − seats) goes with its member count; in the hardest-to-place table,
 * whose cells add up to a total shown, a second cell is withheld when only one is (complementary suppression);
 * no employee references.
 */
export function publicReport(full: CohortReport): CohortReport {
  const r: CohortReport = JSON.parse(JSON.stringify(full));
  r.version = 'public';
  for (const key of ['fitToday', 'withPathway', 'hardest'] as const) if (small(r.members[key])) r.members[key] = hide(r.members[key]);
  for (const d of r.destinations) {
    if (small(d.fitToday)) d.fitToday = hide(d.fitToday);
    if (small(d.withPathway)) d.withPathway = hide(d.withPathway);
  }
  for (const t of r.training) {
    if (small(t.membersNeeding)) {
      t.membersNeeding = hide(t.membersNeeding);
      t.shortfall = hide(t.shortfall);
    }
  }
  for (const h of r.hardestToPlace) {
    delete h.employeeRefs;
    if (small(h.members)) h.members = hide(h.members);
  }
  const withheld = r.hardestToPlace.filter((h) => h.members.suppressed);
  if (withheld.length === 1 && !r.members.hardest.suppressed) {
    const next = r.hardestToPlace.filter((h) => !h.members.suppressed).sort((a, b) => (a.members.value ?? 0) - (b.members.value ?? 0))[0];
    if (next) next.members = hide(next.members);
    else r.members.hardest = hide(r.members.hardest);
  }
  return r;
}
