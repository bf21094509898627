import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { formatEuro, formatKm, highlightHtml } from '../../components/format';
import { regionName } from '../../components/regions';
import { Facet, NearMe, Pager, PROVINCES_SHOWN, topCounts, useUrlState, ViewToggle } from '../../components/search-parts';
import { Empty, ErrorState, Loading } from '../../components/states';

const PointsMap = lazy(() => import('../../components/points-map'));
type Sort = 'relevance' | 'salary' | 'expiresAt' | 'newest' | 'distance';

export default function VacancySearchPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const s = useUrlState();
  const q = s.get('q');
  const near = s.get('near');
  const radius = s.get('radius') || '25';
  const sort = (s.get('sort') || (near ? 'distance' : 'relevance')) as Sort;
  const page = Number(s.get('page') || 1);
  const view = s.get('view') || 'list';
  const query = {
    q: q || undefined,
    region: s.list('region').length ? s.list('region') : undefined,
    province: s.list('province').length ? s.list('province') : undefined,
    contractType: (s.get('contract') || undefined) as never,
    remote: (s.get('remote') || undefined) as never,
    salaryMin: s.get('salaryMin') ? Number(s.get('salaryMin')) : undefined,
    near: near || undefined,
    radiusKm: near ? Number(radius) : undefined,
    sort,
    page: page as never,
    limit: (view === 'map' ? 100 : 20) as never,
  };
  const results = useQuery({
    queryKey: ['search', 'vacancies', query, i18n.language],
    queryFn: ({ signal }) => call(api.GET('/api/v1/search/vacancies', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const data = results.data;
  const facets = (data?.facets ?? {}) as Record<string, Record<string, number>>;
  const area = near ? { lat: Number(near.split(',')[0]), lng: Number(near.split(',')[1]), radiusKm: Number(radius) } : null;
  const points = useMemo(
    () =>
      (data?.hits ?? [])
        .filter((h) => h.location)
        .map((h) => ({ id: h.id, lat: h.location!.lat, lng: h.location!.lng, title: h.title, subtitle: h.employer.name, href: `/offerte/${h.id}` })),
    [data],
  );

  return (
    <div className="container my-4">
      <h1 className="h2">{t('vacancies.title')}</h1>
      <form role="search" className="mb-3" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group mb-2">
          <label htmlFor={`${id}-q`} className="active">
            {t('vacancies.searchLabel')}
          </label>
          <input id={`${id}-q`} type="search" className="form-control form-control-lg" placeholder={t('vacancies.searchPlaceholder')} value={q} onChange={(e) => s.set({ q: e.target.value })} />
        </div>
      </form>
      <div className="row">
        <aside className="col-lg-3" aria-label={t('search.filters')}>
          <NearMe
            place={s.get('place')}
            radius={radius}
            onPlace={(p) => s.set(p ? { near: `${p.lat},${p.lng}`, place: p.label, sort: 'distance' } : { near: null, place: null, sort: null })}
            onRadius={(r) => s.set({ radius: r })}
          />
          <Facet legend={t('vacancies.contract')} counts={facets.contractType} selected={s.list('contract')} multiple={false} onChange={(v) => s.set({ contract: v })} label={(v) => t(`contract.${v}`)} />
          <Facet legend={t('vacancies.remote')} counts={facets.remote} selected={s.list('remote')} multiple={false} onChange={(v) => s.set({ remote: v })} label={(v) => t(`vacancies.remote_${v}`)} />
          <Facet legend={t('search.region')} counts={facets.region} selected={s.list('region')} onChange={(v) => s.set({ region: v })} label={regionName} />
          <Facet
            legend={t('search.province')}
            counts={topCounts(facets.province, PROVINCES_SHOWN)}
            selected={s.list('province')}
            onChange={(v) => s.set({ province: v })}
            label={(v) => v}
          />
          <div className="form-group mb-3">
            <label htmlFor={`${id}-salary`} className="active">
              {t('vacancies.salaryMin')}
            </label>
            <input id={`${id}-salary`} type="number" min={0} step={1000} className="form-control" value={s.get('salaryMin')} onChange={(e) => s.set({ salaryMin: e.target.value })} />
          </div>
        </aside>
        <section className="col-lg-9" aria-labelledby={`${id}-results`}>
          <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
            <h2 id={`${id}-results`} className="h5 mb-0" aria-live="polite">
              {data ? t('search.resultCount', { count: data.total }) : t('common.loading')}
            </h2>
            <div className="d-flex gap-2 align-items-center">
              <label htmlFor={`${id}-sort`} className="visually-hidden">
                {t('search.sort')}
              </label>
              <select id={`${id}-sort`} className="form-select form-select-sm w-auto" value={sort} onChange={(e) => s.set({ sort: e.target.value })}>
                {(['relevance', 'salary', 'expiresAt', 'newest', ...(near ? ['distance'] : [])] as Sort[]).map((o) => (
                  <option key={o} value={o}>
                    {t(`vacancies.sort_${o}`)}
                  </option>
                ))}
              </select>
              <ViewToggle view={view} onView={(v) => s.set({ view: v === 'list' ? null : v }, true)} />
            </div>
          </div>
          {results.isError && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
          {!data && results.isPending && <Loading />}
          {data && data.total === 0 && <Empty title={t('search.noResults')}>{t('search.noResultsHint')}</Empty>}
          {data && view === 'map' && (
            <Suspense fallback={<Loading />}>
              <PointsMap points={points} area={area} label={t('search.mapLabel')} />
            </Suspense>
          )}
          {data && view === 'list' && (
            <ul className="list-unstyled results" data-results-for={results.isPlaceholderData ? undefined : q}>
              {data.hits.map((hit) => (
                <VacancyCard key={hit.id} hit={hit} lang={i18n.language} />
              ))}
            </ul>
          )}
          {data && view === 'list' && <Pager page={data.page} totalPages={data.totalPages} onPage={(p) => s.set({ page: String(p) }, true)} />}
        </section>
      </div>
    </div>
  );
}

function VacancyCard({ hit, lang }: { hit: Schemas['VacancyHitDto']; lang: string }) {
  const { t } = useTranslation();
  return (
    <li className="card-wrapper card-space mb-3">
      <article className="card card-bg">
        <div className="card-body">
          <div className="d-flex flex-wrap gap-2 mb-2">
            <span className="badge bg-primary">{t(`contract.${hit.contractType}`)}</span>
            {hit.remote && <span className="badge bg-success">{t('vacancies.remote_true')}</span>}
            {hit.distanceKm !== undefined && <span className="badge bg-secondary">{formatKm(hit.distanceKm, lang)}</span>}
          </div>
          <h3 className="card-title h5">
            <Link to={`/offerte/${hit.id}`} dangerouslySetInnerHTML={highlightHtml(hit.highlight.title)} />
          </h3>
          <p className="small mb-1">
            {hit.employer.name}
            {hit.location?.municipality ? ` · ${hit.location.municipality}${hit.location.province ? ` (${hit.location.province})` : ''}` : ''}
            {hit.salaryMinEur || hit.salaryMaxEur ? ` · ${salaryText(hit.salaryMinEur, hit.salaryMaxEur, lang)}` : ''}
          </p>
          <p className="card-text" dangerouslySetInnerHTML={highlightHtml(hit.highlight.description)} />
          {hit.skills.length > 0 && (
            <ul className="chip-list" aria-label={t('vacancies.requirements')}>
              {hit.skills.slice(0, 6).map((s) => (
                <li key={s.skillId} className={s.importance === 'essential' ? 'gap-chip essential' : 'ok-chip'}>
                  {s.label}
                </li>
              ))}
            </ul>
          )}
        </div>
      </article>
    </li>
  );
}

export function salaryText(min: number | null, max: number | null, lang: string): string {
  if (min && max) return `${formatEuro(min, lang)} – ${formatEuro(max, lang)}`;
  return formatEuro((min ?? max)!, lang);
}
