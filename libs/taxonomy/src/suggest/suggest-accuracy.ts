import type { Lang } from '../labels';
import { isConfidentMatch, OccupationSuggester, SUGGEST_CONFIDENCE_THRESHOLD } from './occupation-suggester';

/** One labelled job title (test/fixtures/job-titles.json). */
export interface LabelledTitle {
  title: string;
  lang: Lang;
  occupationId: string;
  /** The expected occupation's English label, for people reading the file. */
  occupation: string;
}

export interface TitleOutcome {
  title: string;
  lang: Lang;
  expected: string;
  /** 1-based rank of the expected occupation among the suggestions, or null when not in the top 10. */
  rank: number | null;
  top: { occupationId: string; labelEn: string; confidence: number } | null;
  /** Confidence of the second suggestion (0 without one). */
  second: number;
}

/** A string that names no occupation (test/fixtures/job-titles.json, noOccupation). */
export interface UnlabelledTitle {
  title: string;
  lang: Lang;
}

export interface ThresholdRow {
  threshold: number;
  /** Share of titles whose best suggestion reaches the threshold (the rest get "no suggestion"). */
  accepted: number;
  /** Among accepted titles, the share whose best suggestion is right. */
  precision: number;
  /** Share of all titles accepted with the right occupation. */
  acceptedCorrect: number;
  /** Share of the strings naming no occupation that still get a suggestion. */
  falseSuggestions: number;
  /** With the cohort rule (top ≥ threshold and ahead of the second by AUTO_MAP_MARGIN): share of titles mapped without a person, and how many of those right. */
  autoMapped: number;
  autoMappedPrecision: number;
}

export interface SuggestAccuracy {
  titles: number;
  top1: number;
  top3: number;
  byLang: Record<Lang, { titles: number; top1: number; top3: number }>;
  threshold: number;
  thresholds: ThresholdRow[];
  outcomes: TitleOutcome[];
}

const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10000) / 10000);

/** Runs every labelled title through the suggester (ranking without the threshold) and scores the ranking. */
export async function measureSuggestAccuracy(suggester: OccupationSuggester, titles: LabelledTitle[], negatives: UnlabelledTitle[] = []): Promise<SuggestAccuracy> {
  const outcomes: TitleOutcome[] = [];
  const negativeTop: number[] = [];
  for (const lang of ['it', 'en'] as const) {
    const group = negatives.filter((t) => t.lang === lang);
    if (group.length === 0) continue;
    const results = await suggester.suggestMany(group.map((t) => t.title), lang, { limit: 1, all: true });
    negativeTop.push(...results.map((r) => r.items[0]?.confidence ?? 0));
  }
  for (const lang of ['it', 'en'] as const) {
    const group = titles.filter((t) => t.lang === lang);
    for (let i = 0; i < group.length; i += 50) {
      const batch = group.slice(i, i + 50);
      const results = await suggester.suggestMany(batch.map((t) => t.title), lang, { limit: 10, all: true });
      batch.forEach((t, j) => {
        const items = results[j].items;
        const at = items.findIndex((s) => s.occupationId === t.occupationId);
        outcomes.push({
          title: t.title,
          lang,
          expected: t.occupationId,
          rank: at === -1 ? null : at + 1,
          top: items[0] ? { occupationId: items[0].occupationId, labelEn: items[0].labelEn, confidence: items[0].confidence } : null,
          second: items[1]?.confidence ?? 0,
        });
      });
    }
  }
  const within = (list: TitleOutcome[], k: number) => list.filter((o) => o.rank !== null && o.rank <= k).length;
  const byLang = Object.fromEntries(
    (['it', 'en'] as const).map((lang) => {
      const list = outcomes.filter((o) => o.lang === lang);
      return [lang, { titles: list.length, top1: share(within(list, 1), list.length), top3: share(within(list, 3), list.length) }];
    }),
  ) as SuggestAccuracy['byLang'];
  const thresholds: ThresholdRow[] = [];
  for (let t = 0.3; t <= 0.951; t += 0.05) {
    const accepted = outcomes.filter((o) => o.top !== null && o.top.confidence >= t);
    const right = accepted.filter((o) => o.rank === 1).length;
    const auto = outcomes.filter((o) => o.top !== null && isConfidentMatch(o.top.confidence, o.second, t));
    thresholds.push({
      threshold: Math.round(t * 100) / 100,
      accepted: share(accepted.length, outcomes.length),
      precision: share(right, accepted.length),
      acceptedCorrect: share(right, outcomes.length),
      falseSuggestions: share(negativeTop.filter((c) => c >= t).length, negativeTop.length),
      autoMapped: share(auto.length, outcomes.length),
      autoMappedPrecision: share(auto.filter((o) => o.rank === 1).length, auto.length),
    });
  }
  return {
    titles: outcomes.length,
    top1: share(within(outcomes, 1), outcomes.length),
    top3: share(within(outcomes, 3), outcomes.length),
    byLang,
    threshold: SUGGEST_CONFIDENCE_THRESHOLD,
    thresholds,
    outcomes,
  };
}
