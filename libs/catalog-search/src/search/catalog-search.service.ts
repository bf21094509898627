import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Hit, Meilisearch, SearchParams, SearchResponse } from 'meilisearch';
import {
  COURSE_FACETS, CourseDocument, IndexNames, isSearchOutage, MEILI_CLIENT, searchUnavailable, SkillRef, VACANCY_FACETS, VacancyDocument,
} from '@ricarica/search';
import { anyOf, distanceKm, geoRadius, geoSort, LatLng, NO_END, seconds } from './filters';
import {
  CourseHit, CourseSearchQuery, Highlight, Lang, PlaceHit, SearchPage, SkillLabel, VacancyHit, VacancySearchQuery,
} from './search.types';

const PRE = '<mark>';
const POST = '</mark>';
/**
 * Skill labels whose matches are shown. Not the English alternative labels: the longest arrays, and
 * highlighting them cost more than the rest of the query on the benchmark data.
 */
const LABEL_ARRAYS = ['skillLabelsIt', 'skillLabelsEn', 'skillAltLabelsIt'] as const;
/** Matched skill labels shown per hit. */
const MAX_MATCHED_LABELS = 5;

const COURSE_FIELDS = [
  'id', 'version', 'title', 'description', 'providerId', 'providerName', 'language', 'mode', 'hours', 'costEur', 'funding', 'eqfLevel',
  'nextSessionStartsAt', 'nextSessionSeats', 'skills', 'municipality', 'province', 'region', '_geo',
];
const VACANCY_FIELDS = [
  'id', 'version', 'title', 'description', 'employerId', 'employerName', 'occupationId', 'occupationLabelIt', 'occupationLabelEn',
  'contractType', 'salaryMinEur', 'salaryMaxEur', 'remote', 'openings', 'skills', 'municipality', 'province', 'region', 'expiresAt',
  'publishedAt', '_geo',
];

/** Search parameters shared by both indexes: page-based (exact totals), highlighted, cropped. */
const presentation = {
  attributesToHighlight: ['title', 'description', ...LABEL_ARRAYS],
  attributesToCrop: ['description'],
  cropLength: 24,
  highlightPreTag: PRE,
  highlightPostTag: POST,
} satisfies SearchParams;

export const skillLabel = (lang: Lang, s: SkillRef): SkillLabel => ({ skillId: s.skillId, label: lang === 'it' ? (s.labelIt ?? s.labelEn) : s.labelEn });

type Formatted = Record<string, unknown> | undefined;

function highlightOf(formatted: Formatted, doc: { title: string; description: string }): Highlight {
  const text = (key: string, fallback: string) => (typeof formatted?.[key] === 'string' ? (formatted[key] as string) : fallback);
  const skills = new Set<string>();
  for (const key of LABEL_ARRAYS) {
    const values = formatted?.[key];
    if (!Array.isArray(values)) continue;
    for (const v of values) if (typeof v === 'string' && v.includes(PRE) && skills.size < MAX_MATCHED_LABELS) skills.add(v);
  }
  return { title: text('title', doc.title), description: text('description', doc.description), skills: [...skills] };
}

function placeOf(doc: { _geo?: LatLng; municipality: string | null; province: string | null; region: string | null }): PlaceHit | null {
  return doc._geo ? { municipality: doc.municipality, province: doc.province, region: doc.region, lat: doc._geo.lat, lng: doc._geo.lng } : null;
}

const iso = (s: number | null) => (s === null ? null : new Date(s * 1000).toISOString());
const round1 = (n: number) => Math.round(n * 10) / 10;

function facetsOf(res: SearchResponse, names: readonly string[]): Record<string, Record<string, number>> {
  return Object.fromEntries(names.map((n) => [n, res.facetDistribution?.[n] ?? {}]));
}

/** Course and vacancy search over Meilisearch: filters, facets, geo, highlight. PostgreSQL is never read here. */
@Injectable()
export class CatalogSearchService {
  private readonly logger = new Logger(CatalogSearchService.name);

  constructor(
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  /** The Meilisearch request for a course query (exported for the benchmark, which sends the same requests directly). */
  courseRequest(query: CourseSearchQuery, extraFilters: string[] = [], now = new Date()): SearchParams & { q: string } {
    const filter = [
      ...anyOf('skillIds', query.skills),
      ...anyOf('region', query.region),
      ...anyOf('province', query.province),
      ...anyOf('mode', query.mode),
      ...anyOf('funding', query.funding),
      ...anyOf('language', query.language),
      ...anyOf('eqfLevel', query.eqfLevel),
      ...extraFilters,
    ];
    if (query.maxHours !== undefined) filter.push(`hours <= ${query.maxHours}`);
    if (query.maxCostEur !== undefined) filter.push(`costEur <= ${query.maxCostEur}`);
    if (query.startsAfter || query.startsBefore) {
      // One session in the window: a TO range holds for a single value of the array, unlike two comparisons.
      const from = Math.max(seconds(now), query.startsAfter ? seconds(query.startsAfter) : 0);
      filter.push(`sessionStarts ${from} TO ${query.startsBefore ? seconds(query.startsBefore) : NO_END}`);
    }
    if (query.near && query.radiusKm !== undefined) filter.push(geoRadius(query.near, query.radiusKm));
    const sort: Record<CourseSearchQuery['sort'], string[] | undefined> = {
      relevance: undefined,
      startsAt: ['nextSessionStartsAt:asc'],
      hours: ['hours:asc'],
      costEur: ['costEur:asc'],
      distance: query.near ? [geoSort(query.near)] : undefined,
    };
    return {
      q: query.q ?? '',
      filter,
      sort: sort[query.sort],
      page: query.page,
      hitsPerPage: query.limit,
      facets: [...COURSE_FACETS],
      attributesToRetrieve: COURSE_FIELDS,
      ...presentation,
    };
  }

  vacancyRequest(query: VacancySearchQuery, now = new Date()): SearchParams & { q: string } {
    const filter = [
      `(expiresAt IS NULL OR expiresAt > ${seconds(now)})`,
      ...anyOf('skillIds', query.skills),
      ...anyOf('region', query.region),
      ...anyOf('province', query.province),
      ...anyOf('contractType', query.contractType),
    ];
    if (query.remote !== undefined) filter.push(`remote = ${query.remote}`);
    if (query.salaryMin !== undefined) {
      filter.push(`(salaryMaxEur >= ${query.salaryMin} OR (salaryMaxEur IS NULL AND salaryMinEur >= ${query.salaryMin}))`);
    }
    if (query.near && query.radiusKm !== undefined) filter.push(geoRadius(query.near, query.radiusKm));
    const sort: Record<VacancySearchQuery['sort'], string[] | undefined> = {
      relevance: undefined,
      salary: ['salaryMaxEur:desc'],
      expiresAt: ['expiresAt:asc'],
      newest: ['publishedAt:desc'],
      distance: query.near ? [geoSort(query.near)] : undefined,
    };
    return {
      q: query.q ?? '',
      filter,
      sort: sort[query.sort],
      page: query.page,
      hitsPerPage: query.limit,
      facets: [...VACANCY_FACETS],
      attributesToRetrieve: VACANCY_FIELDS,
      ...presentation,
    };
  }

  async searchCourses(query: CourseSearchQuery): Promise<SearchPage<CourseHit>> {
    return (await this.scoredCourses(query, [], false)).page;
  }

  /** The course search with extra filters, and Meilisearch's ranking score of each hit (for re-ranking). */
  async scoredCourses(query: CourseSearchQuery, extraFilters: string[] = [], withScores = true): Promise<{ page: SearchPage<CourseHit>; scores: number[] }> {
    const { q, ...params } = this.courseRequest(query, extraFilters);
    const res = await this.run<CourseDocument>(this.names.courses, q, withScores ? { ...params, showRankingScore: true } : params);
    return {
      page: {
        hits: res.hits.map((h) => this.courseHit(h, query.lang, query.near)),
        facets: facetsOf(res, COURSE_FACETS),
        total: res.totalHits ?? 0,
        page: res.page ?? query.page,
        limit: query.limit,
        totalPages: res.totalPages ?? 0,
        processingTimeMs: res.processingTimeMs,
      },
      scores: res.hits.map((h) => h._rankingScore ?? 0),
    };
  }

  async searchVacancies(query: VacancySearchQuery): Promise<SearchPage<VacancyHit>> {
    const { q, ...params } = this.vacancyRequest(query);
    const res = await this.run<VacancyDocument>(this.names.vacancies, q, params);
    return {
      hits: res.hits.map((h) => this.vacancyHit(h, query.lang, query.near)),
      facets: facetsOf(res, VACANCY_FACETS),
      total: res.totalHits ?? 0,
      page: res.page ?? query.page,
      limit: query.limit,
      totalPages: res.totalPages ?? 0,
      processingTimeMs: res.processingTimeMs,
    };
  }

  /** A Meilisearch outage (or a missing index) becomes SEARCH.UNAVAILABLE (503); anything else is our bug. */
  private async run<D extends Record<string, any>>(uid: string, q: string, params: SearchParams): Promise<SearchResponse<D>> {
    try {
      return await this.meili.index<D>(uid).search(q, params);
    } catch (e) {
      if (!isSearchOutage(e)) throw e;
      this.logger.warn({ uid, err: (e as Error).message }, 'search unavailable');
      throw searchUnavailable(uid, e, 'the worker creates it when it starts');
    }
  }

  private courseHit(h: Hit<CourseDocument>, lang: Lang, near?: LatLng): CourseHit {
    const hit: CourseHit = {
      id: h.id,
      title: h.title,
      description: h.description,
      provider: { id: h.providerId, name: h.providerName },
      language: h.language,
      mode: h.mode,
      hours: h.hours,
      costEur: h.costEur,
      funding: h.funding,
      eqfLevel: h.eqfLevel,
      nextSession: h.nextSessionStartsAt === null ? null : { startsAt: iso(h.nextSessionStartsAt)!, seats: h.nextSessionSeats },
      skills: h.skills.map((s) => skillLabel(lang, s)),
      location: placeOf(h),
      highlight: highlightOf(h._formatted as Formatted, h),
      version: h.version,
    };
    if (near && h._geo) hit.distanceKm = round1(distanceKm(near, h._geo));
    return hit;
  }

  private vacancyHit(h: Hit<VacancyDocument>, lang: Lang, near?: LatLng): VacancyHit {
    const hit: VacancyHit = {
      id: h.id,
      title: h.title,
      description: h.description,
      employer: { id: h.employerId, name: h.employerName },
      occupation: h.occupationId
        ? { occupationId: h.occupationId, label: (lang === 'it' ? h.occupationLabelIt : null) ?? h.occupationLabelEn ?? '' }
        : null,
      contractType: h.contractType,
      salaryMinEur: h.salaryMinEur,
      salaryMaxEur: h.salaryMaxEur,
      remote: h.remote,
      openings: h.openings,
      skills: h.skills.map((s) => ({ ...skillLabel(lang, s), importance: s.importance, minLevel: s.minLevel })),
      location: placeOf(h),
      expiresAt: iso(h.expiresAt),
      publishedAt: iso(h.publishedAt)!,
      highlight: highlightOf(h._formatted as Formatted, h),
      version: h.version,
    };
    if (near && h._geo) hit.distanceKm = round1(distanceKm(near, h._geo));
    return hit;
  }
}
