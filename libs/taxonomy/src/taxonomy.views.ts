import { Lang } from './labels';

/** A skill as lists show it: ids, the label in the requested language, both source labels. */
export interface SkillSummary {
  skillId: string;
  uri: string;
  /** In the requested language; Italian falls back to English. */
  label: string;
  labelEn: string;
  labelIt: string | null;
  /** Who wrote the Italian label: ESCO (official) or Ricarica (own translation); null without one. */
  labelSource: 'esco' | 'ricarica' | null;
  skillType: string | null;
  reuseLevel: string | null;
}

export interface SkillHit extends SkillSummary {
  altLabels: string[];
  /** The label the query matched when it is not `label` (an alternative, or the other language's). */
  matchedLabel?: string;
}

/** A concept directly above a skill in ESCO's skill pillar: a skill group or a broader skill. */
export interface BroaderConcept {
  id: string;
  uri: string;
  type: 'skill' | 'skillGroup';
  /** Skill groups have English labels only. */
  label: string;
}

export interface SkillDetail extends SkillSummary {
  altLabels: string[];
  description: string | null;
  broader: BroaderConcept[];
}

export interface OccupationHit {
  occupationId: string;
  uri: string;
  label: string;
  labelEn: string;
  labelIt: string | null;
  altLabels: string[];
  iscoGroup: string | null;
  code: string | null;
  matchedLabel?: string;
}

export interface OccupationDetail extends Omit<OccupationHit, 'matchedLabel'> {
  description: string | null;
  essentialSkills: SkillSummary[];
  optionalSkills: SkillSummary[];
}

export interface SearchQuery {
  q: string;
  lang: Lang;
  limit: number;
}
