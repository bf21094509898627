import type { Settings } from 'meilisearch';
import { IndexNames } from '../index-names';
import { IndexSpec } from './index-sync';

export interface OccupationDocument {
  id: string;
  uri: string;
  labelEn: string;
  altLabelsEn: string[];
  labelIt: string | null;
  altLabelsIt: string[];
  iscoGroup: string | null;
  code: string | null;
}

/** Same label order as skills; the ESCO code is searchable so that "7231" finds motor vehicle mechanics. */
export const OCCUPATIONS_INDEX_SETTINGS = {
  searchableAttributes: ['labelIt', 'labelEn', 'altLabelsIt', 'altLabelsEn', 'code'],
  filterableAttributes: ['iscoGroup'],
  sortableAttributes: [],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ['code'] },
} satisfies Settings;

export function occupationsIndexSpec(names: IndexNames): IndexSpec {
  return { uid: names.occupations, primaryKey: 'id', settings: OCCUPATIONS_INDEX_SETTINGS };
}
