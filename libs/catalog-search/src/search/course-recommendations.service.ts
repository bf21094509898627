import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogSearchService } from './catalog-search.service';
import { anyOf, geoRadius, quote } from './filters';
import { CourseSearchQuery, GapSkill, RecommendedCourseHit, RecommendedCourses } from './search.types';
import { WorkerGaps } from './worker-gaps';

/** With relevance order, the best matches re-ranked by how much of the gap they close. */
export const RERANK_WINDOW = 200;
/** Share of the gap closed vs Meilisearch's text relevance in the re-ranking. */
const GAP_WEIGHT = 0.7;

export type RecommendationQuery = Omit<CourseSearchQuery, 'near' | 'radiusKm'>;

/**
 * Courses for a worker: the course search restricted to courses teaching at least one skill of its current gap
 * and given within its mobility radius of home, or online; ranked by the share of the gap's weight they close
 * (with the text relevance of `q`, when given, as the lesser part).
 */
@Injectable()
export class CourseRecommendationsService {
  private readonly gaps: WorkerGaps;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly search: CatalogSearchService,
  ) {
    this.gaps = new WorkerGaps(db);
  }

  async recommend(workerId: string, query: RecommendationQuery): Promise<RecommendedCourses> {
    const gap = await this.gaps.of(workerId, query.lang);
    const { home, mobilityRadiusKm } = gap.worker;
    const area = home ? { ...home, radiusKm: mobilityRadiusKm } : null;
    const base = { basis: gap.basis, gap: gap.skills, area };
    if (gap.skills.length === 0) {
      return { ...base, hits: [], facets: {}, total: 0, page: query.page, limit: query.limit, totalPages: 0, processingTimeMs: 0 };
    }
    const restrict = [
      ...anyOf('skillIds', gap.skills.map((s) => s.skillId)),
      home ? `(${geoRadius(home, mobilityRadiusKm)} OR mode = ${quote('online')})` : `mode = ${quote('online')}`,
    ];
    const near = home ?? undefined;
    const weights = new Map(gap.skills.map((s) => [s.skillId, s]));
    const closes = (skillIds: string[]) => skillIds.flatMap((id) => (weights.has(id) ? [weights.get(id)!] : []));

    if (query.sort !== 'relevance') {
      const { page } = await this.search.scoredCourses({ ...query, near }, restrict);
      return { ...base, ...page, hits: page.hits.map((h) => this.withGap(h, closes)) };
    }
    // Relevance: one request for the window, re-ranked here, then paged.
    const { page: window, scores } = await this.search.scoredCourses({ ...query, near, page: 1, limit: RERANK_WINDOW }, restrict);
    const totalWeight = gap.skills.reduce((sum, s) => sum + s.weight, 0);
    const ranked = window.hits
      .map((hit, i) => {
        const closed = closes(hit.skills.map((s) => s.skillId)).reduce((sum, s) => sum + s.weight, 0);
        return { hit, i, score: GAP_WEIGHT * (closed / totalWeight) + (1 - GAP_WEIGHT) * scores[i] };
      })
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const reachable = Math.min(window.total, RERANK_WINDOW);
    const start = (query.page - 1) * query.limit;
    return {
      ...base,
      hits: ranked.slice(start, start + query.limit).map(({ hit }) => this.withGap(hit, closes)),
      facets: window.facets,
      total: window.total,
      page: query.page,
      limit: query.limit,
      totalPages: Math.ceil(reachable / query.limit),
      processingTimeMs: window.processingTimeMs,
    };
  }

  private withGap(hit: RecommendedCourseHit | Omit<RecommendedCourseHit, 'closes'>, closes: (ids: string[]) => GapSkill[]): RecommendedCourseHit {
    return { ...hit, closes: closes(hit.skills.map((s) => s.skillId)).map(({ skillId, label }) => ({ skillId, label })) };
  }
}

