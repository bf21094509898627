/** The labels of one ESCO concept (skill or occupation), preferred first, as PostgreSQL holds them. */
export interface ConceptLabels {
  it: string[];
  en: string[];
}

export interface SynonymOptions {
  /** Longer labels are left out: Meilisearch matches a synonym only when the query holds the whole phrase. */
  maxWords: number;
  /** Synonyms kept per term, best first (preferred labels, then shared by more concepts). */
  maxPerTerm: number;
  /** Concepts that must pair two alternative labels for them to become synonyms. */
  minSupport: number;
}

/**
 * One-word terms only: Meilisearch expands every n-gram of a query that is a synonym key, and with multi-word
 * keys and values a three-word query ("batterie auto elettriche") took 10 to 20 times longer on the benchmark
 * data (5-15 ms → 80-200 ms); one-word synonyms cost a millisecond or two.
 */
export const DEFAULT_SYNONYM_OPTIONS: SynonymOptions = { maxWords: 1, maxPerTerm: 4, minSupport: 2 };

/** Letters, digits, spaces, hyphens and apostrophes only; anything else (brackets, "&") is not a term people type. */
const TERM = /^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u;

/**
 * Splits ESCO's gendered Italian labels ("saldatore/saldatrice") and normalises case and spaces.
 * Returns only short labels a person would type as a whole.
 */
export function synonymTerms(label: string, maxWords: number): string[] {
  return label
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter((t) => t.length >= 3 && TERM.test(t) && t.split(' ').length <= maxWords);
}

/**
 * Meilisearch synonyms from ESCO labels, across the two languages. Within one concept, short Italian labels
 * become synonyms of its short English ones and the reverse, so that "saldatura" (an Italian alternative label
 * of "use welding equipment") also matches documents that only say "welding", such as a course teaching a
 * skill ESCO labels in English only. Same-language alternatives add nothing here: documents already carry
 * every label of their skills. Only concepts labelled in both languages contribute.
 *
 * A pair is kept when both terms are the concept's preferred labels ("saldatore" / "welder"), or when at least
 * `minSupport` concepts pair them ("saldatura" / "welding"): one concept's loose alternative label ("fitter"
 * among the welder's) would otherwise drag unrelated documents in. A term keeps its `maxPerTerm` best
 * synonyms: preferred pairs first, then those the most concepts agree on, then alphabetical, so that the
 * result, and the settings hash, only change when the taxonomy does.
 */
export function buildSynonyms(concepts: Iterable<ConceptLabels>, options: SynonymOptions = DEFAULT_SYNONYM_OPTIONS): Record<string, string[]> {
  const PREFERRED = 1000;
  const scores = new Map<string, Map<string, number>>();
  const bump = (term: string, synonym: string, by: number) => {
    // A term spelled the same in both languages ("PLC", "CAD") needs no synonym for itself.
    if (term === synonym) return;
    let row = scores.get(term);
    if (!row) scores.set(term, (row = new Map()));
    row.set(synonym, (row.get(synonym) ?? 0) + by);
  };
  for (const concept of concepts) {
    const terms = (labels: string[]) => [...new Set(labels.flatMap((l) => synonymTerms(l, options.maxWords)))];
    const it = terms(concept.it);
    const en = terms(concept.en);
    const preferredIt = new Set(terms(concept.it.slice(0, 1)));
    const preferredEn = new Set(terms(concept.en.slice(0, 1)));
    for (const a of it) {
      for (const b of en) {
        const by = preferredIt.has(a) && preferredEn.has(b) ? PREFERRED : 1;
        bump(a, b, by);
        bump(b, a, by);
      }
    }
  }
  const synonyms: Record<string, string[]> = {};
  for (const term of [...scores.keys()].sort()) {
    const ranked = [...scores.get(term)!]
      .filter(([, score]) => score >= options.minSupport)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
    if (ranked.length) synonyms[term] = ranked.slice(0, options.maxPerTerm).map(([s]) => s);
  }
  return synonyms;
}
