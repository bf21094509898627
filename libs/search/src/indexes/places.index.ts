import type { Settings } from 'meilisearch';
import { IndexNames } from '../index-names';
import { IndexSpec } from './index-sync';

/** An Italian municipality in the `places` index; coordinates ride along so autocomplete needs no SQL. */
export interface PlaceDocument {
  istatCode: string;
  name: string;
  province: string;
  provinceName: string;
  region: string;
  regionName: string;
  lat: number;
  lng: number;
  /** 1 for a provincial capital: breaks ties between equally good matches ("Torno" → Torino before Tornaco). */
  capital: number;
}

/**
 * Only the name is searchable: with province names searchable too, "Torino" would bring back every
 * municipality of its province.
 */
export const PLACES_INDEX_SETTINGS = {
  searchableAttributes: ['name'],
  filterableAttributes: ['region', 'province'],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'capital:desc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
} satisfies Settings;

export function placesIndexSpec(names: IndexNames): IndexSpec {
  return { uid: names.places, primaryKey: 'istatCode', settings: PLACES_INDEX_SETTINGS };
}
