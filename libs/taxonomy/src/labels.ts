import { foldText } from '@ricarica/common';

/** The languages the taxonomy answers in. */
export type Lang = 'it' | 'en';
export const LANGS: readonly Lang[] = ['it', 'en'];

export interface BilingualLabels {
  labelEn: string;
  altLabelsEn: string[];
  labelIt: string | null;
  altLabelsIt: string[];
}

/** The label in `lang`; Italian falls back to English where a concept has no Italian label. */
export function labelIn(lang: Lang, c: Pick<BilingualLabels, 'labelEn' | 'labelIt'>): string {
  return lang === 'it' ? (c.labelIt ?? c.labelEn) : c.labelEn;
}

/** Alternative labels in the same language as `labelIn` picked. */
export function altLabelsIn(lang: Lang, c: BilingualLabels): string[] {
  return lang === 'it' && c.labelIt !== null ? c.altLabelsIt : c.altLabelsEn;
}

const CANDIDATE_ORDER: Record<Lang, (keyof BilingualLabels)[]> = {
  it: ['labelIt', 'altLabelsIt', 'labelEn', 'altLabelsEn'],
  en: ['labelEn', 'altLabelsEn', 'labelIt', 'altLabelsIt'],
};

const words = (s: string) => foldText(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Edit distance, giving up (returning max + 1) once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** Typos Meilisearch allows for a word of this length (the indexes' minWordSizeForTypos: 5 and 9). */
const typos = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

/** How well one typed word matches a label word: 1 exact, 0.9 prefix (of the last typed word), 0.8 with typos. */
function wordScore(typed: string, word: string, last: boolean): number {
  if (typed === word) return 1;
  if (last && word.startsWith(typed)) return 0.9;
  const allowed = typos(typed);
  if (allowed === 0) return 0;
  if (distance(typed, word, allowed) <= allowed) return 0.8;
  if (last && word.length > typed.length && distance(typed, word.slice(0, typed.length), allowed) <= allowed) return 0.8;
  return 0;
}

function labelScore(query: string[], label: string): number {
  const labelWords = words(label);
  return query.reduce((sum, typed, i) => sum + Math.max(0, ...labelWords.map((w) => wordScore(typed, w, i === query.length - 1))), 0);
}

/**
 * The label a query most likely matched, when it is not the label shown (an alternative, or the other
 * language's): the one matching most typed words, ties going to the requested language and preferred labels.
 * Computed here because Meilisearch reports match positions inside arrays only partially.
 */
export function matchedLabel(lang: Lang, c: BilingualLabels, query: string): string | undefined {
  const typed = words(query);
  if (typed.length === 0) return undefined;
  let best: { label: string; score: number } | undefined;
  for (const attribute of CANDIDATE_ORDER[lang]) {
    const value = c[attribute];
    for (const label of Array.isArray(value) ? value : value === null ? [] : [value]) {
      const score = labelScore(typed, label);
      if (score > 0 && (!best || score > best.score)) best = { label, score };
    }
  }
  return best === undefined || best.label === labelIn(lang, c) ? undefined : best.label;
}
