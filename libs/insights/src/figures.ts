import type { SuppressionGroup } from './suppression';

/**
 * What a snapshot stores: one row per (month, area, figure, dim1, dim2) in insight_cell. Areas are
 * NUTS-2 regions and provinces; a worker, vacancy or course belongs to the area of its home or
 * location. Figures that count workers are suppressed for the public; the others (vacancies,
 * openings, courses, seats) are not about people.
 */
export enum Figure {
  /** Workers with a home in the area. */
  WorkersTotal = 'workers_total',
  /** dim1: employment status. */
  WorkersByStatus = 'workers_by_status',
  /** dim1: skill id. Displaced and at-risk workers holding the skill. */
  SupplySkill = 'supply_skill',
  /** dim1: ESCO skill group id. Displaced and at-risk workers holding at least one skill of the group. */
  SupplySkillGroup = 'supply_skill_group',
  /** dim1: occupation id. Displaced and at-risk workers who held that occupation. */
  SupplyOccupation = 'supply_occupation',
  /** Open vacancies located in the area. */
  Vacancies = 'vacancies',
  /** Openings (positions) of those vacancies. */
  Openings = 'openings',
  /** dim1: skill id, dim2: essential | optional. Openings of vacancies requiring the skill. */
  DemandSkill = 'demand_skill',
  /** dim1: occupation id. Openings of vacancies for the occupation. */
  DemandOccupation = 'demand_occupation',
  /** dim1: skill id. Displaced and at-risk workers lacking the skill for one of their top matches. */
  NeedSkill = 'need_skill',
  /** dim1: skill id. Published courses teaching it in reach (in person or blended in the region, or online). */
  CourseCount = 'course_count',
  /** dim1: skill id. Seats of those courses' sessions starting in the 90 days after the snapshot. */
  CourseSeats = 'course_seats_90d',
  /** dim1: past occupation, dim2: vacancy occupation. Workers with a match scored ≥ 0.7 today. */
  TransitionNow = 'transition_now',
  /** The same transition: workers below 0.7 today who reach it with at most 200 training hours. */
  TransitionPathway = 'transition_pathway',
  /** now + pathway. */
  TransitionTotal = 'transition_total',
  /** Displaced workers with at least one vacancy scored ≥ 0.7. */
  DisplacedMatched = 'displaced_matched',
  DisplacedUnmatched = 'displaced_unmatched',
  /** Displaced workers who have a pathway with a score gain (the median below is over them). */
  GainWorkers = 'gain_workers',
  /** Median over those workers of the best score gain per training hour. */
  MedianGainPerHour = 'median_gain_per_hour',
  /** Applications made in the month by workers of the area, and those hired. */
  Applications = 'applications',
  Hires = 'hires',
}

/** Cells that count people: these are suppressed below the threshold for the public. */
export const WORKER_FIGURES: ReadonlySet<Figure> = new Set([
  Figure.WorkersTotal,
  Figure.WorkersByStatus,
  Figure.SupplySkill,
  Figure.SupplySkillGroup,
  Figure.SupplyOccupation,
  Figure.NeedSkill,
  Figure.TransitionNow,
  Figure.TransitionPathway,
  Figure.TransitionTotal,
  Figure.DisplacedMatched,
  Figure.DisplacedUnmatched,
  Figure.GainWorkers,
  Figure.Applications,
  Figure.Hires,
]);

export type AreaLevel = 'region' | 'province';

export const EMPLOYMENT_STATUS_KEYS = ['displaced', 'at_risk', 'employed', 'unemployed'] as const;

/** A cell's identity within one month. */
export interface CellKey {
  areaLevel: AreaLevel;
  areaCode: string;
  regionCode: string;
  figure: string;
  dim1: string;
  dim2: string;
}

export const cellKey = (c: Pick<CellKey, 'areaLevel' | 'areaCode' | 'figure' | 'dim1' | 'dim2'>) => `${c.areaLevel}|${c.areaCode}|${c.figure}|${c.dim1}|${c.dim2}`;

/**
 * The additive relations between published worker counts of one month, for complementary
 * suppression: within each area the status breakdown adds up to the workers, matched and unmatched
 * displaced workers to the displaced ones, and a transition's two kinds to its total; across areas,
 * every worker count of a region is the sum of the same count in its provinces (each worker has one
 * home province).
 */
export function suppressionGroups(cells: readonly CellKey[]): SuppressionGroup[] {
  const groups: SuppressionGroup[] = [];
  const areas = new Map<string, Pick<CellKey, 'areaLevel' | 'areaCode'>>();
  const provincesByCell = new Map<string, { total: string; parts: string[] }>();
  const transitions = new Set<string>();
  for (const c of cells) {
    areas.set(`${c.areaLevel}|${c.areaCode}`, c);
    if (c.figure === Figure.TransitionTotal) transitions.add(`${c.areaLevel}|${c.areaCode}|${c.dim1}|${c.dim2}`);
    const regionKey = cellKey({ areaLevel: 'region', areaCode: c.regionCode, figure: c.figure, dim1: c.dim1, dim2: c.dim2 });
    const entry = provincesByCell.get(regionKey) ?? { total: regionKey, parts: [] };
    if (c.areaLevel === 'province') entry.parts.push(cellKey(c));
    provincesByCell.set(regionKey, entry);
  }
  for (const area of areas.values()) {
    const k = (figure: Figure, dim1 = '') => cellKey({ ...area, figure, dim1, dim2: '' });
    groups.push({ total: k(Figure.WorkersTotal), parts: EMPLOYMENT_STATUS_KEYS.map((s) => k(Figure.WorkersByStatus, s)) });
    groups.push({ total: k(Figure.WorkersByStatus, 'displaced'), parts: [k(Figure.DisplacedMatched), k(Figure.DisplacedUnmatched)] });
  }
  for (const t of transitions) {
    const [areaLevel, areaCode, dim1, dim2] = t.split('|');
    const k = (figure: Figure) => cellKey({ areaLevel: areaLevel as AreaLevel, areaCode, figure, dim1, dim2 });
    groups.push({ total: k(Figure.TransitionTotal), parts: [k(Figure.TransitionNow), k(Figure.TransitionPathway)] });
  }
  for (const g of provincesByCell.values()) if (g.parts.length > 0) groups.push(g);
  return groups;
}
