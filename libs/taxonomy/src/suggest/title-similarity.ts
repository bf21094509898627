import { foldText } from '@ricarica/common';

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

/**
 * How alike two words are: 1 equal; 0.85 one a prefix of the other or one typo (words of 5+ letters);
 * 0.7 sharing a 6-letter stem ("saldatura"/"saldatore", "assembler"/"assembly"); otherwise 0.
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const short = Math.min(a.length, b.length);
  if (short >= 5 && (a.startsWith(b) || b.startsWith(a))) return 0.85;
  if (short >= 5 && distance(a, b, short >= 9 ? 2 : 1) <= (short >= 9 ? 2 : 1)) return 0.85;
  if (short >= 6 && a.slice(0, 6) === b.slice(0, 6)) return 0.7;
  return 0;
}

const LABEL_STOP = new Set([
  'di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'al', 'alla', 'allo', 'alle', 'ai', 'agli', 'a', 'e', 'in', 'su', 'per', 'con',
  'da', 'il', 'lo', 'la', 'le', 'gli', 'i', 'un', 'una', 'the', 'of', 'and', 'for', 'an', 'on', 'l', 'all', 'loro',
]);

/** Content words of a label ("saldatore/saldatrice" gives both). */
export function labelWords(label: string): string[] {
  return foldText(label)
    .replace(/[’'`]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !LABEL_STOP.has(w));
}

/**
 * Similarity of the typed words to one label, 0..1: the harmonic mean of how much of the query the label
 * covers and how much of the label the query covers. The gendered halves of an ESCO label
 * ("saldatore/saldatrice") are compared one at a time, so the unused half does not count against it.
 */
export function labelSimilarity(query: string[], label: string): number {
  if (query.length === 0) return 0;
  let best = 0;
  for (const half of label.split('/')) {
    const words = labelWords(half);
    if (words.length === 0) continue;
    const perQuery = query.map((q) => Math.max(0, ...words.map((w) => wordSimilarity(q, w))));
    const perLabel = words.map((w) => Math.max(0, ...query.map((q) => wordSimilarity(q, w))));
    const recall = perQuery.reduce((s, x) => s + x, 0) / query.length;
    const precision = perLabel.reduce((s, x) => s + x, 0) / words.length;
    if (recall + precision > 0) best = Math.max(best, (2 * recall * precision) / (recall + precision));
  }
  return best;
}
