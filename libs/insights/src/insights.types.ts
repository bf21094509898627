import type { AreaLevel } from './figures';

export type Lang = 'it' | 'en';

/** A published count: null with `suppressed` when it counts too few people to publish. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface AreaRef {
  level: AreaLevel;
  code: string;
  name: string;
  region: { code: string; name: string };
}

export interface Labelled {
  id: string;
  label: string;
}

export interface SnapshotRef {
  month: string;
  asOf: Date;
  computedAt: Date;
  /** False for admins: every figure is shown as counted. */
  suppressionApplied: boolean;
  threshold: number;
}

export interface Headline {
  workers: Cell;
  byStatus: Record<'displaced' | 'at_risk' | 'employed' | 'unemployed', Cell>;
  vacancies: number;
  openings: number;
  /** Share of displaced workers with a vacancy scored ≥ 0.7 (0..1). */
  matchRate: Cell;
}

export interface SkillGap {
  skill: Labelled;
  /** Openings requiring it, essential and optional. */
  demandEssential: number;
  demandOptional: number;
  /** Displaced and at-risk workers holding it. */
  supply: Cell;
  /** demand − supply. */
  gap: Cell;
}

export interface TrainingCapacity {
  skill: Labelled;
  gap: Cell;
  courses: number;
  seatsNext90Days: number;
  /** Displaced and at-risk workers lacking it for one of their top matches. */
  workersInNeed: Cell;
  seatsPerWorkerInNeed: Cell;
}

export interface Transition {
  from: Labelled;
  to: Labelled;
  now: Cell;
  withPathway: Cell;
  total: Cell;
}

export interface TrendPoint {
  month: string;
  workers: Cell;
  displaced: Cell;
  atRisk: Cell;
  vacancies: number;
  openings: number;
  matchRate: Cell;
}

export interface AreaInsights {
  snapshot: SnapshotRef;
  area: AreaRef;
  headline: Headline;
  supply: { skills: { skill: Labelled; workers: Cell }[]; skillGroups: { group: Labelled; workers: Cell }[]; occupations: { occupation: Labelled; workers: Cell }[] };
  demand: { skills: { skill: Labelled; essential: number; optional: number }[]; occupations: { occupation: Labelled; openings: number }[] };
  gap: { shortages: SkillGap[]; surpluses: SkillGap[] };
  transitions: Transition[];
  training: { shortageSkills: TrainingCapacity[]; untaughtShortageSkills: SkillGap[] };
  outcomes: { displacedMatched: Cell; matchRate: Cell; medianGainPerTrainingHour: Cell; applications: Cell; hires: Cell };
  trend: TrendPoint[];
}

/**
 * How short of skills an area is: the positive gaps (openings requiring a skill − at-risk workers
 * holding it) summed over every skill, and that sum per 100 displaced and at-risk workers.
 */
export interface ShortageIntensity {
  openings: Cell;
  /** null (not suppressed) when the area has no displaced or at-risk worker. */
  per100AtRiskWorkers: Cell;
}

export interface RegionSummary {
  region: { code: string; name: string };
  headline: Headline;
  shortage: ShortageIntensity;
  topShortages: { skill: Labelled; gap: Cell }[];
}

export interface RegionsInsights {
  snapshot: SnapshotRef;
  items: RegionSummary[];
}

export interface ProvinceSummary {
  province: { code: string; name: string };
  headline: Headline;
  shortage: ShortageIntensity;
  topShortages: { skill: Labelled; gap: Cell }[];
}

export interface ProvincesInsights {
  snapshot: SnapshotRef;
  region: { code: string; name: string };
  items: ProvinceSummary[];
}

export interface SnapshotMonth {
  month: string;
  asOf: Date;
  computedAt: Date;
}

export interface SkillAreaFigures {
  area: AreaRef;
  supply: Cell;
  demandEssential: number;
  demandOptional: number;
  gap: Cell;
  courses: number;
  seatsNext90Days: number;
  workersInNeed: Cell;
}

export interface SkillInsights {
  snapshot: SnapshotRef;
  skill: Labelled;
  /** The region asked for and its provinces, or every region. */
  areas: SkillAreaFigures[];
  trend: ({ month: string; areaCode: string } & Omit<SkillAreaFigures, 'area'>)[];
}

export interface CourseOfferView {
  id: string;
  title: string;
  provider: string;
  mode: string;
  hours: number;
  seatsNext90Days: number;
}

export interface TrainingDemandItem {
  skill: Labelled;
  /** Displaced and at-risk workers whose top matches lack it: who would gain from a course. */
  workersWhoWouldGain: Cell;
  demand: number;
  gap: Cell;
  courses: CourseOfferView[];
  seatsNext90Days: number;
}

export interface TrainingDemandInsights {
  snapshot: SnapshotRef;
  area: AreaRef;
  items: TrainingDemandItem[];
}
