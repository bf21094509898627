import type { Settings } from 'meilisearch';
import { IndexNames } from '../index-names';
import { IndexSpec } from './index-sync';

/** A skill as the `skills` index holds it: enough to answer autocomplete without PostgreSQL. */
export interface SkillDocument {
  id: string;
  uri: string;
  labelEn: string;
  altLabelsEn: string[];
  labelIt: string | null;
  altLabelsIt: string[];
  labelItSource: 'esco' | 'ricarica' | null;
  skillType: string | null;
  reuseLevel: string | null;
}

/**
 * Italian before English because users type Italian; preferred labels before alternative ones so that
 * "saldatura" ranks the skill named so above skills that merely list it among their synonyms.
 */
export const SKILLS_INDEX_SETTINGS = {
  searchableAttributes: ['labelIt', 'labelEn', 'altLabelsIt', 'altLabelsEn'],
  filterableAttributes: ['skillType', 'reuseLevel', 'labelItSource'],
  sortableAttributes: [],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
} satisfies Settings;

export function skillsIndexSpec(names: IndexNames): IndexSpec {
  return { uid: names.skills, primaryKey: 'id', settings: SKILLS_INDEX_SETTINGS };
}
