import type { Settings } from 'meilisearch';
import { IndexNames } from '../index-names';
import { SkillRef } from './courses.index';
import { IndexSpec } from './index-sync';

export interface RequirementRef extends SkillRef {
  importance: 'essential' | 'optional';
  minLevel: number;
}

/** An open, unexpired vacancy in the `vacancies` index. Times are Unix seconds. */
export interface VacancyDocument {
  id: string;
  /** `vacancy.version`: a write carrying a lower version than the indexed document is dropped. */
  version: number;
  /** Latest `updated_at` of the vacancy and its employer, in ms (an employer rename leaves the version alone). */
  sourceUpdatedAt: number;
  employerId: string;
  employerName: string;
  title: string;
  description: string;
  occupationId: string | null;
  occupationLabelIt: string | null;
  occupationLabelEn: string | null;
  occupationAltLabelsIt: string[];
  occupationAltLabelsEn: string[];
  skillIds: string[];
  skills: RequirementRef[];
  skillLabelsIt: string[];
  skillLabelsEn: string[];
  skillAltLabelsIt: string[];
  skillAltLabelsEn: string[];
  contractType: 'permanent' | 'fixed_term' | 'apprenticeship' | 'temporary';
  salaryMinEur: number | null;
  salaryMaxEur: number | null;
  remote: boolean;
  openings: number;
  municipality: string | null;
  province: string | null;
  region: string | null;
  /** Null: open until closed. Searches filter out the expired ones until the check removes them. */
  expiresAt: number | null;
  publishedAt: number;
  _geo?: { lat: number; lng: number };
}

export const VACANCIES_SETTINGS_VERSION = 1;
export const VACANCIES_DOCUMENT_VERSION = 1;

/**
 * Same principles as the courses index: title, occupation and skill labels before the employer, the place
 * and the description; `attribute` before `typo`; `sort` right after `words`.
 */
export const VACANCIES_INDEX_SETTINGS = {
  searchableAttributes: [
    'title', 'occupationLabelIt', 'occupationLabelEn', 'skillLabelsIt', 'skillLabelsEn', 'occupationAltLabelsIt', 'occupationAltLabelsEn',
    'skillAltLabelsIt', 'skillAltLabelsEn', 'employerName', 'municipality', 'description',
  ],
  filterableAttributes: [
    'skillIds', 'region', 'province', 'contractType', 'remote', 'salaryMinEur', 'salaryMaxEur', 'expiresAt', 'occupationId', 'employerId', '_geo',
  ],
  sortableAttributes: ['salaryMaxEur', 'expiresAt', 'publishedAt', '_geo'],
  rankingRules: ['words', 'sort', 'attribute', 'typo', 'proximity', 'exactness'],
  proximityPrecision: 'byAttribute',
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ['municipality'] },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 1000 },
  facetSearch: false,
} satisfies Settings;

export const VACANCY_FACETS = ['contractType', 'remote', 'region', 'province'] as const;

export function vacanciesIndexSpec(names: IndexNames, synonyms: Record<string, string[]> = {}): IndexSpec {
  return { uid: names.vacancies, primaryKey: 'id', settings: { ...VACANCIES_INDEX_SETTINGS, synonyms } };
}
