import type { SkillRef } from '@ricarica/search';

/** A skill with every label it has, as the document queries read it. */
export interface LabelledSkill extends SkillRef {
  altLabelsEn: string[];
  altLabelsIt: string[];
}

/** What the consistency check compares between PostgreSQL and an index, per document. */
export interface DocState {
  version: number;
  sourceUpdatedAt: number;
  /** Courses: start of the next session (it moves on as sessions begin, with no write to PostgreSQL). */
  next?: number | null;
}

export function sameState(a: DocState | undefined, b: DocState | undefined): boolean {
  if (!a || !b) return a === b;
  return a.version === b.version && a.sourceUpdatedAt === b.sourceUpdatedAt && (a.next ?? null) === (b.next ?? null);
}

/**
 * ESCO's English alternative labels are many verbose variants of one phrase ("administer soldering techniques",
 * "utilise soldering techniques", …): only those of up to three words are indexed. On the benchmark data this
 * cuts the English alternative text by about 60 % and bulk indexing time by about half, and keeps the
 * short labels people type ("underwater welding", "TIG welding").
 */
export const shortLabels = (labels: string[]) => labels.filter((l) => l.trim().split(/\s+/).length <= 3);

/** The searchable label arrays and the display list of a document's skills (taught or required). */
export function skillLabelFields(skills: LabelledSkill[]) {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    skillIds: skills.map((s) => s.skillId),
    skills: skills.map(({ skillId, labelEn, labelIt }) => ({ skillId, labelEn, labelIt })),
    skillLabelsIt: unique(skills.flatMap((s) => (s.labelIt ? [s.labelIt] : []))),
    skillLabelsEn: unique(skills.map((s) => s.labelEn)),
    skillAltLabelsIt: unique(skills.flatMap((s) => s.altLabelsIt)),
    skillAltLabelsEn: unique(skills.flatMap((s) => shortLabels(s.altLabelsEn))),
  };
}
