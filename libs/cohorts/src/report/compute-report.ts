import { CourseOffer, planPathway, Relatedness, Requirement, roundScore, scorePair, withTaughtSkills, WorkerSkill } from '@ricarica/matching';
import type { CohortReport, DestinationRow, HardestRow, TrainingRow } from './cohort-report.types';

export const FIT_SCORE = 0.7;
/** GOL's reskilling ceiling. */
export const MAX_PATHWAY_HOURS = 300;
export const SEATS_WINDOW_DAYS = 90;
export const MIN_CELL = 5;

export interface ReportMember {
  memberId: string;
  employeeRef: string;
  occupationId: string | null;
  occupation: string;
  municipality: string;
  province: string | null;
  lat: number;
  lng: number;
  radiusKm: number;
  profile: WorkerSkill[];
  /** Stored matches (reachable open vacancies), best first. */
  matches: { vacancyId: string; score: number }[];
}

export interface ReportVacancy {
  id: string;
  title: string;
  occupationId: string | null;
  occupation: string | null;
  employer: { id: string; name: string };
  openings: number;
  requirements: Requirement[];
}

export interface ReportCourse extends CourseOffer {
  title: string;
  provider: string;
  /** null: online. */
  lat: number | null;
  lng: number | null;
  seats90d: number;
}

const cell = (value: number) => ({ value, suppressed: false });

function km(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(bLat - aLat) / 2) ** 2 + Math.cos(r(aLat)) * Math.cos(r(bLat)) * Math.sin(r(bLng - aLng) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}

/**
 * The pathway to one vacancy within the hour ceiling: the greedy plan over the reachable courses, cut to
 * the longest prefix of at most `maxHours` (the plan's order already respects prerequisites), scored again.
 */
export function cappedPathway(profile: WorkerSkill[], requirements: Requirement[], courses: ReportCourse[], relatedness: Relatedness, maxHours = MAX_PATHWAY_HOURS) {
  const plan = planPathway(profile, requirements, courses.filter((c) => c.hours <= maxHours), relatedness);
  const steps: ReportCourse[] = [];
  let hours = 0;
  const byId = new Map(courses.map((c) => [c.id, c]));
  for (const s of plan.steps) {
    if (hours + s.hours > maxHours) break;
    hours += s.hours;
    steps.push(byId.get(s.courseId)!);
  }
  const after = scorePair(withTaughtSkills(profile, steps), requirements, relatedness);
  return { courses: steps, hours, scoreAfter: roundScore(after.numerator, after.denominator) };
}

/**
 * The full (admin) report from the cohort's pre-profiles and stored matches: destinations, training needed
 * (courses of each member's best pathway: the fewest hours reaching ≥ 0.7) and who is hardest to place.
 * Members fit today need no pathway. Pathways are planned for each member's `pathwayDepth` best matches.
 */
export function computeCohortReport(
  cohortId: string,
  totalMembers: number,
  members: ReportMember[],
  vacancies: Map<string, ReportVacancy>,
  courses: ReportCourse[],
  relatedness: Relatedness,
  now: Date,
  pathwayDepth = 20,
): CohortReport {
  const coursesBySkill = new Map<number, ReportCourse[]>();
  for (const c of courses) for (const t of c.skillsTaught) coursesBySkill.set(t.skill, [...(coursesBySkill.get(t.skill) ?? []), c]);
  const destinations = new Map<string, { fit: Set<string>; path: Set<string>; vacancies: Set<string>; label: string; occupationId: string | null }>();
  const destinationOf = (v: ReportVacancy) => {
    const key = v.occupationId ?? `title:${v.title}`;
    let d = destinations.get(key);
    if (!d) destinations.set(key, (d = { fit: new Set(), path: new Set(), vacancies: new Set(), label: v.occupation ?? v.title, occupationId: v.occupationId }));
    return d;
  };
  const courseNeed = new Map<string, number>();
  const hardest = new Map<string, { row: Omit<HardestRow, 'members'>; refs: string[] }>();
  let fitToday = 0;
  let withPathway = 0;

  for (const member of members) {
    const open = member.matches.filter((x) => vacancies.has(x.vacancyId));
    let fit = false;
    for (const x of open) {
      const v = vacancies.get(x.vacancyId)!;
      const d = destinationOf(v);
      d.vacancies.add(v.id);
      if (x.score >= FIT_SCORE) {
        d.fit.add(member.memberId);
        fit = true;
      }
    }
    let best: { hours: number; scoreAfter: number; courses: ReportCourse[] } | null = null;
    let reachable = false;
    for (const x of open.filter((o) => o.score < FIT_SCORE).slice(0, pathwayDepth)) {
      const v = vacancies.get(x.vacancyId)!;
      const d = destinationOf(v);
      if (d.fit.has(member.memberId)) continue;
      const relevant = new Set<ReportCourse>();
      for (const r of v.requirements) for (const c of coursesBySkill.get(r.skill) ?? []) relevant.add(c);
      const near = [...relevant].filter((c) => c.lat === null || c.lng === null || km(member.lat, member.lng, c.lat, c.lng) <= member.radiusKm);
      if (near.length === 0) continue;
      const p = cappedPathway(member.profile, v.requirements, near, relatedness);
      if (p.scoreAfter < FIT_SCORE || p.courses.length === 0) continue;
      d.path.add(member.memberId);
      reachable = true;
      if (!best || p.hours < best.hours || (p.hours === best.hours && p.scoreAfter > best.scoreAfter)) best = p;
    }
    if (fit) fitToday++;
    else if (reachable && best) {
      withPathway++;
      for (const c of best.courses) courseNeed.set(c.id, (courseNeed.get(c.id) ?? 0) + 1);
    } else {
      const key = `${member.occupationId ?? '-'}|${member.municipality}`;
      const h = hardest.get(key) ?? { row: { occupationId: member.occupationId, occupation: member.occupation, municipality: member.municipality, province: member.province }, refs: [] };
      h.refs.push(member.employeeRef);
      hardest.set(key, h);
    }
  }

  const destinationRows: DestinationRow[] = [...destinations.values()]
    .map((d) => ({
      occupationId: d.occupationId,
      occupation: d.label,
      fitToday: cell(d.fit.size),
      withPathway: cell([...d.path].filter((m) => !d.fit.has(m)).length),
      vacancies: [...d.vacancies].map((id) => vacancies.get(id)!).sort((a, b) => a.title.localeCompare(b.title)).map((v) => ({ id: v.id, title: v.title, employer: v.employer, openings: v.openings })),
    }))
    .filter((d) => (d.fitToday.value ?? 0) + (d.withPathway.value ?? 0) > 0)
    .sort((a, b) => (b.fitToday.value ?? 0) + (b.withPathway.value ?? 0) - ((a.fitToday.value ?? 0) + (a.withPathway.value ?? 0)) || a.occupation.localeCompare(b.occupation));
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const training: TrainingRow[] = [...courseNeed]
    .map(([id, need]) => {
      const c = courseById.get(id)!;
      return { courseId: id, title: c.title, provider: c.provider, hours: c.hours, membersNeeding: cell(need), seats90d: c.seats90d, shortfall: cell(need - c.seats90d) };
    })
    .sort((a, b) => (b.shortfall.value ?? 0) - (a.shortfall.value ?? 0) || a.title.localeCompare(b.title));
  const hardestRows: HardestRow[] = [...hardest.values()]
    .map(({ row, refs }) => ({ ...row, members: cell(refs.length), employeeRefs: refs.sort() }))
    .sort((a, b) => (b.members.value ?? 0) - (a.members.value ?? 0) || a.occupation.localeCompare(b.occupation) || a.municipality.localeCompare(b.municipality));
  return {
    cohortId,
    computedAt: now.toISOString(),
    version: 'full',
    thresholds: { fitScore: FIT_SCORE, maxPathwayHours: MAX_PATHWAY_HOURS, seatsWindowDays: SEATS_WINDOW_DAYS, minCell: MIN_CELL },
    members: { total: totalMembers, profiled: members.length, fitToday: cell(fitToday), withPathway: cell(withPathway), hardest: cell(members.length - fitToday - withPathway) },
    destinations: destinationRows,
    training,
    hardestToPlace: hardestRows,
  };
}
