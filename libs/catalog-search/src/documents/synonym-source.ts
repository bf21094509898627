import { DataSource } from 'typeorm';
import { buildSynonyms, ConceptLabels } from '@ricarica/search';

/**
 * ESCO skills and occupations labelled in both languages, with their alternative labels: the material of the
 * synonyms of the courses and vacancies indexes. Skills without an Italian label add nothing across languages.
 */
export async function readConceptLabels(db: DataSource): Promise<ConceptLabels[]> {
  const rows: { label_en: string; alt_labels_en: string[]; label_it: string; alt_labels_it: string[] }[] = await db.query(
    `select label_en, alt_labels_en, label_it, alt_labels_it from skill where label_it is not null
     union all
     select label_en, alt_labels_en, label_it, alt_labels_it from occupation where label_it is not null`,
  );
  return rows.map((r) => ({ it: [r.label_it, ...r.alt_labels_it], en: [r.label_en, ...r.alt_labels_en] }));
}

export async function catalogSynonyms(db: DataSource): Promise<Record<string, string[]>> {
  return buildSynonyms(await readConceptLabels(db));
}
