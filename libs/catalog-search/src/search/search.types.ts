import type { LatLng } from './filters';

export type Lang = 'it' | 'en';

export const COURSE_SORTS = ['relevance', 'startsAt', 'hours', 'costEur', 'distance'] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

export const VACANCY_SORTS = ['relevance', 'salary', 'expiresAt', 'newest', 'distance'] as const;
export type VacancySort = (typeof VACANCY_SORTS)[number];

interface CommonQuery {
  q?: string;
  /** ESCO skill ids: a document matches when it teaches/requires any of them. */
  skills?: string[];
  region?: string[];
  province?: string[];
  near?: LatLng;
  radiusKm?: number;
  page: number;
  limit: number;
  lang: Lang;
}

export interface CourseSearchQuery extends CommonQuery {
  mode?: string[];
  funding?: string[];
  language?: string[];
  eqfLevel?: number[];
  maxHours?: number;
  maxCostEur?: number;
  /** A session starting in [startsAfter, startsBefore], and in the future. */
  startsAfter?: Date;
  startsBefore?: Date;
  sort: CourseSort;
}

export interface VacancySearchQuery extends CommonQuery {
  contractType?: string[];
  remote?: boolean;
  /** The pay the worker wants at least: vacancies whose range reaches it (salaryMaxEur, or salaryMinEur when open-ended). */
  salaryMin?: number;
  sort: VacancySort;
}

export interface SkillLabel {
  skillId: string;
  label: string;
}

export interface Highlight {
  /** The title with the matched words between <mark> and </mark>. */
  title: string;
  /** A crop of the description around the match, marked the same way. */
  description: string;
  /** Skill labels (any language, preferred or alternative) that matched the query, marked. */
  skills: string[];
}

export interface PlaceHit {
  municipality: string | null;
  province: string | null;
  region: string | null;
  lat: number;
  lng: number;
}

export interface CourseHit {
  id: string;
  title: string;
  description: string;
  provider: { id: string; name: string };
  language: string;
  mode: string;
  hours: number;
  costEur: number;
  funding: string[];
  eqfLevel: number | null;
  nextSession: { startsAt: string; seats: number | null } | null;
  skills: SkillLabel[];
  location: PlaceHit | null;
  /** Only when `near` is given and the course has a location. */
  distanceKm?: number;
  highlight: Highlight;
  version: number;
}

export interface VacancyHit {
  id: string;
  title: string;
  description: string;
  employer: { id: string; name: string };
  occupation: { occupationId: string; label: string } | null;
  contractType: string;
  salaryMinEur: number | null;
  salaryMaxEur: number | null;
  remote: boolean;
  openings: number;
  skills: (SkillLabel & { importance: string; minLevel: number })[];
  location: PlaceHit | null;
  expiresAt: string | null;
  publishedAt: string;
  distanceKm?: number;
  highlight: Highlight;
  version: number;
}

export interface SearchPage<H> {
  hits: H[];
  /** Value → count, over every match of the query and filters. */
  facets: Record<string, Record<string, number>>;
  /** Exact up to 1,000 matches (Meilisearch's pagination bound); beyond that the facet counts tell more. */
  total: number;
  page: number;
  limit: number;
  totalPages: number;
  /** Meilisearch's own processing time for the query. */
  processingTimeMs: number;
}

export interface GapSkill extends SkillLabel {
  /** Essential requirements count 2, optional 1, summed over the vacancies considered. */
  weight: number;
  /** How many of those vacancies ask for it above the worker's level. */
  vacancies: number;
}

export interface RecommendedCourseHit extends CourseHit {
  /** The worker's gap skills this course teaches. */
  closes: SkillLabel[];
}

export interface RecommendedCourses extends SearchPage<RecommendedCourseHit> {
  /** Where the gap comes from: the worker's stored top matches, open vacancies within its radius, or nothing to close. */
  basis: 'top-matches' | 'nearby-vacancies' | 'none';
  gap: GapSkill[];
  /** The area searched: the worker's home and mobility radius (courses there or online); null: online only. */
  area: { lat: number; lng: number; radiusKm: number } | null;
}
