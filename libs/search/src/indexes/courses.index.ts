import type { Settings } from 'meilisearch';
import { IndexNames } from '../index-names';
import { IndexSpec } from './index-sync';

/** A skill as course and vacancy documents carry it for display (labels in both languages). */
export interface SkillRef {
  skillId: string;
  labelEn: string;
  labelIt: string | null;
}

/** A published course in the `courses` index. Times are Unix seconds, so that they can be filtered and sorted. */
export interface CourseDocument {
  id: string;
  /** `course.version`: a write carrying a lower version than the indexed document is dropped. */
  version: number;
  /**
   * Latest `updated_at` of the course and its provider, in ms: a provider rename changes the document but
   * not the course's version, and the consistency check compares both.
   */
  sourceUpdatedAt: number;
  providerId: string;
  providerName: string;
  title: string;
  description: string;
  language: string;
  mode: 'in_person' | 'online' | 'blended';
  hours: number;
  costEur: number;
  funding: string[];
  eqfLevel: number | null;
  /** Start of the earliest session still to come, or null. */
  nextSessionStartsAt: number | null;
  nextSessionSeats: number | null;
  /** Starts of every session still to come (the startsAfter/startsBefore filter looks for one in the window). */
  sessionStarts: number[];
  skillIds: string[];
  skills: SkillRef[];
  skillLabelsIt: string[];
  skillLabelsEn: string[];
  skillAltLabelsIt: string[];
  skillAltLabelsEn: string[];
  prerequisites: SkillRef[];
  municipality: string | null;
  province: string | null;
  region: string | null;
  /** Absent for online courses (and any course without a location). */
  _geo?: { lat: number; lng: number };
}

/**
 * Bump when the settings below change in a way `ensureSettings` should apply (it also notices any difference
 * by itself); bump COURSES_DOCUMENT_VERSION when the document shape changes, which makes the worker rebuild
 * the index (fresh index and swap) at start-up.
 */
export const COURSES_SETTINGS_VERSION = 1;
export const COURSES_DOCUMENT_VERSION = 1;

/**
 * - searchable, in ranking order: the title, then the skills taught (preferred labels before alternative
 *   ones, Italian before English), then the provider, the place and, last, the description;
 * - ranking: `attribute` before `typo` and `proximity`, so that a title or skill-label hit outranks a
 *   description hit even when the description matches more exactly; `sort` right after `words`, so that an
 *   explicit sort (start date, hours, cost, distance) orders the matches rather than breaking ties;
 * - filterable: everything the API filters or facets on, plus providerId (a deleted provider's courses are
 *   removed by filter) and the version fields the consistency check reads;
 * - no typos on the municipality: "tornio" (lathe) must not find every course in Torino;
 * - proximity by attribute (are the words in the same field?) rather than by word distance, and facet search
 *   off (facet values are short enumerations): both make indexing markedly cheaper, and the ranking rules
 *   above do not lean on word distance.
 */
export const COURSES_INDEX_SETTINGS = {
  searchableAttributes: ['title', 'skillLabelsIt', 'skillLabelsEn', 'skillAltLabelsIt', 'skillAltLabelsEn', 'providerName', 'municipality', 'description'],
  filterableAttributes: [
    'skillIds', 'region', 'province', 'mode', 'funding', 'language', 'eqfLevel', 'hours', 'costEur', 'sessionStarts',
    'nextSessionStartsAt', 'providerId', '_geo',
  ],
  sortableAttributes: ['nextSessionStartsAt', 'hours', 'costEur', '_geo'],
  rankingRules: ['words', 'sort', 'attribute', 'typo', 'proximity', 'exactness'],
  proximityPrecision: 'byAttribute',
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ['municipality'] },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 1000 },
  facetSearch: false,
} satisfies Settings;

export const COURSE_FACETS = ['mode', 'funding', 'region', 'province', 'language', 'eqfLevel'] as const;

export function coursesIndexSpec(names: IndexNames, synonyms: Record<string, string[]> = {}): IndexSpec {
  return { uid: names.courses, primaryKey: 'id', settings: { ...COURSES_INDEX_SETTINGS, synonyms } };
}
