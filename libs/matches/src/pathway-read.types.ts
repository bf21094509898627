import type { Place } from '@ricarica/places';

export interface SkillRef {
  skillId: string;
  label: string;
}

export interface PathwayCourse {
  id: string;
  title: string;
  provider: { id: string; name: string };
  mode: 'in_person' | 'online' | 'blended';
  hours: number;
  costEur: number;
  location: Place | null;
  /** The first session starting after now with free seats; null for self-paced online courses. */
  nextSession: { startsAt: Date; seats: number } | null;
  /** Requirements of the vacancy this course closes. */
  covers: SkillRef[];
}

export interface ScoreView {
  score: number;
}

export interface PathwayView {
  workerId: string;
  vacancyId: string;
  courses: PathwayCourse[];
  totalHours: number;
  totalCostEur: number;
  scoreBefore: number;
  scoreAfter: number;
  uncovered: (SkillRef & { importance: 'essential' | 'optional'; minLevel: number; credit: number })[];
}

/** One set of courses and the vacancies it improves. */
export interface PathwaySummary {
  courses: Omit<PathwayCourse, 'covers'>[];
  totalHours: number;
  totalCostEur: number;
  /** Mean score gain over the vacancies below, per training hour. */
  gainPerHour: number;
  vacancies: { vacancyId: string; title: string; scoreBefore: number; scoreAfter: number }[];
  /** Lowest score after the courses among those vacancies. */
  minScoreAfter: number;
  summary: string;
}

export interface PathwaysView {
  workerId: string;
  items: PathwaySummary[];
}
