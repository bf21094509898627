import { Inject, Injectable, Logger } from '@nestjs/common';
import { Meilisearch, MultiSearchParams } from 'meilisearch';
import { IndexNames, MEILI_CLIENT, OccupationDocument, searchUnavailable } from '@ricarica/search';
import { labelIn, Lang } from '../labels';
import { labelSimilarity } from './title-similarity';
import { TitleVariants, titleVariants } from './title-normaliser';
import { automotiveOccupationIds } from './sector-occupations';

/**
 * Below this confidence the suggester answers with no suggestion rather than a wrong one. Chosen on the
 * labelled set of automotive job titles (test/fixtures/job-titles.json, bench/results/occupation-suggest.md):
 * strings that name no occupation stay below it while 99.6% of the real titles reach it.
 */
export const SUGGEST_CONFIDENCE_THRESHOLD = 0.6;

/**
 * A cohort row is mapped without a person only when its best suggestion reaches AUTO_MAP_THRESHOLD and
 * leads the second by AUTO_MAP_MARGIN; otherwise it is listed for someone to confirm. Measured on the same set.
 */
export const AUTO_MAP_THRESHOLD = 0.8;
export const AUTO_MAP_MARGIN = 0.05;

export function isConfidentMatch(top: number, second: number, threshold = AUTO_MAP_THRESHOLD): boolean {
  return top >= threshold && top - second >= AUTO_MAP_MARGIN;
}

/**
 * Added to the label similarity of occupations in the automotive subset: Ricarica's users come from
 * automotive plants, so between "aircraft engine assembler" and "motor vehicle engine assembler" for
 * "montatore motori" the second is the likelier. Small enough that a clearly better label still wins.
 */
const SECTOR_BOOST = 0.08;

/** Candidates read from Meilisearch per query variant before re-ranking. */
const CANDIDATES_PER_QUERY = 20;

export interface OccupationSuggestion {
  occupationId: string;
  uri: string;
  /** In the requested language (Italian falls back to English). */
  label: string;
  labelEn: string;
  labelIt: string | null;
  iscoGroup: string | null;
  /** 0..1: how closely the title matches one of the occupation's labels, blended with Meilisearch's ranking score. */
  confidence: number;
  /** The label (preferred or alternative, either language) the title matched best. */
  matchedLabel: string;
}

export interface SuggestResult {
  /** The words the title was reduced to (noise words dropped, Italian feminine forms made masculine). */
  normalised: string;
  /** Ranked, at most `limit`; only suggestions at or above the threshold unless `all` was asked. */
  items: OccupationSuggestion[];
  threshold: number;
}

export interface SuggestOptions {
  limit?: number;
  /** Return candidates below the threshold too (the accuracy benchmark measures the ranking this way). */
  all?: boolean;
}

type Scored = { doc: OccupationDocument; meili: number; similarity: number; matchedLabel: string };

/** The weight of Meilisearch's ranking score in the confidence; the rest is label similarity. */
const MEILI_WEIGHT = 0.3;

/**
 * Job title → ESCO occupations, over the `occupations` Meilisearch index (preferred and alternative
 * labels, Italian and English, typo-tolerant). Each title is sent as a few normalised variants in one
 * multi-search; candidates are re-ranked by how closely the title's words match their best label.
 */
@Injectable()
export class OccupationSuggester {
  private readonly logger = new Logger(OccupationSuggester.name);

  private sectorIds?: Promise<Set<string>>;

  constructor(
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  /** The automotive subset's occupations (data/esco/automotive), read once; empty where a deployment does not ship it. */
  private sector(): Promise<Set<string>> {
    this.sectorIds ??= automotiveOccupationIds().catch((e) => {
      this.logger.warn(`automotive occupation subset not read, no sector preference: ${(e as Error).message}`);
      return new Set<string>();
    });
    return this.sectorIds;
  }

  async suggest(title: string, lang: Lang, options: SuggestOptions = {}): Promise<SuggestResult> {
    const [result] = await this.suggestMany([title], lang, options);
    return result;
  }

  /**
   * Several titles in one Meilisearch round trip (the cohort import maps its distinct titles this way).
   * Titles that differ only in case, accents or noise words ("SALDATORE turnista", "saldatore") normalise
   * alike: each distinct form is searched and scored once.
   */
  async suggestMany(titles: string[], lang: Lang, options: SuggestOptions = {}): Promise<SuggestResult[]> {
    const keys = titles.map((t) => JSON.stringify(titleVariants(t, lang)));
    const distinct = [...new Set(keys)];
    const results = await this.suggestVariants(distinct.map((k) => JSON.parse(k) as TitleVariants), lang, options);
    const byKey = new Map(distinct.map((k, i) => [k, results[i]]));
    return keys.map((k) => {
      const r = byKey.get(k)!;
      return { ...r, items: r.items.map((item) => ({ ...item })) };
    });
  }

  private async suggestVariants(variants: TitleVariants[], lang: Lang, options: SuggestOptions): Promise<SuggestResult[]> {
    const limit = options.limit ?? 5;
    const queries = variants.flatMap((v, i) => v.queries.map(({ q }) => ({ title: i, q })));
    const scoredWords = variants.map((v) => v.queries.filter((q) => q.scored).map((q) => q.q.split(' ')));
    const sector = await this.sector();
    if (queries.length === 0) return variants.map(() => ({ normalised: '', items: [], threshold: SUGGEST_CONFIDENCE_THRESHOLD }));
    const uid = this.names.occupations;
    let responses;
    try {
      const params: MultiSearchParams = {
        queries: queries.map(({ q }) => ({ indexUid: uid, q, limit: CANDIDATES_PER_QUERY, showRankingScore: true, matchingStrategy: 'frequency' })),
      };
      ({ results: responses } = await this.meili.multiSearch<MultiSearchParams, OccupationDocument>(params));
    } catch (e) {
      this.logger.warn(`suggest on ${uid} failed: ${(e as Error).message}`);
      throw searchUnavailable(uid, e);
    }
    const perTitle: Map<string, Scored>[] = variants.map(() => new Map());
    responses.forEach((response, qi) => {
      const { title } = queries[qi];
      for (const hit of response.hits) {
        const meili = (hit as { _rankingScore?: number })._rankingScore ?? 0;
        const known = perTitle[title].get(hit.id);
        if (known) {
          known.meili = Math.max(known.meili, meili);
          continue;
        }
        const { similarity, label } = bestLabel(scoredWords[title], hit);
        perTitle[title].set(hit.id, { doc: hit, meili, similarity: Math.min(1, similarity + (sector.has(hit.id) ? SECTOR_BOOST : 0)), matchedLabel: label });
      }
    });
    return perTitle.map((candidates, i) => {
      const ranked = [...candidates.values()]
        .map((c) => ({ c, confidence: round(MEILI_WEIGHT * c.meili + (1 - MEILI_WEIGHT) * c.similarity) }))
        .sort((a, b) => b.confidence - a.confidence || a.c.doc.labelEn.localeCompare(b.c.doc.labelEn))
        .filter((r) => options.all || r.confidence >= SUGGEST_CONFIDENCE_THRESHOLD)
        .slice(0, limit);
      return {
        normalised: variants[i].words.join(' '),
        threshold: SUGGEST_CONFIDENCE_THRESHOLD,
        items: ranked.map(({ c, confidence }) => ({
          occupationId: c.doc.id,
          uri: c.doc.uri,
          label: labelIn(lang, c.doc),
          labelEn: c.doc.labelEn,
          labelIt: c.doc.labelIt,
          iscoGroup: c.doc.iscoGroup,
          confidence,
          matchedLabel: c.matchedLabel,
        })),
      };
    });
  }
}

function bestLabel(variants: string[][], doc: OccupationDocument): { similarity: number; label: string } {
  let best = { similarity: 0, label: doc.labelEn };
  for (const label of [doc.labelIt, ...doc.altLabelsIt, doc.labelEn, ...doc.altLabelsEn]) {
    if (!label) continue;
    for (const words of variants) {
      const similarity = labelSimilarity(words, label);
      if (similarity > best.similarity) best = { similarity, label };
    }
  }
  return best;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
