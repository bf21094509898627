/** A count that may be withheld: null with suppressed true when fewer than MIN_CELL members (non-admin views). */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface DestinationRow {
  occupationId: string | null;
  occupation: string;
  /** Members with a vacancy of this occupation scored ≥ 0.7 today. */
  fitToday: Cell;
  /** Members not fit today who reach ≥ 0.7 for one of its vacancies with a pathway of at most 300 hours. */
  withPathway: Cell;
  vacancies: { id: string; title: string; employer: { id: string; name: string }; openings: number }[];
}

export interface TrainingRow {
  courseId: string;
  title: string;
  provider: string;
  hours: number;
  /** Members whose best pathway includes the course. */
  membersNeeding: Cell;
  /** Seats in sessions starting within the next 90 days. */
  seats90d: number;
  /** membersNeeding − seats90d (negative: spare seats). */
  shortfall: Cell;
}

export interface HardestRow {
  occupationId: string | null;
  occupation: string;
  municipality: string;
  province: string | null;
  members: Cell;
  /** Admins only: who they are. */
  employeeRefs?: string[];
}

export interface CohortReport {
  cohortId: string;
  computedAt: string;
  /** full: admins; public: cells under MIN_CELL withheld, no employee references. */
  version: 'full' | 'public';
  thresholds: { fitScore: number; maxPathwayHours: number; seatsWindowDays: number; minCell: number };
  members: { total: number; profiled: number; fitToday: Cell; withPathway: Cell; hardest: Cell };
  destinations: DestinationRow[];
  training: TrainingRow[];
  hardestToPlace: HardestRow[];
}
