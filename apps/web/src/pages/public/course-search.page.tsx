import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { formatDate, formatEuro, formatKm, highlightHtml } from '../../components/format';
import { regionName } from '../../components/regions';
import { Facet, NearMe, Pager, PROVINCES_SHOWN, topCounts, useUrlState, ViewToggle } from '../../components/search-parts';
import { Empty, ErrorState, Loading } from '../../components/states';

const PointsMap = lazy(() => import('../../components/points-map'));

type Mode = Schemas['CourseHitDto']['mode'];
type Funding = Schemas['CreateCourseRequestDto']['funding'][number];
type Sort = 'relevance' | 'startsAt' | 'hours' | 'costEur' | 'distance';

/** Home: the course search, instant as you type, with facets, "near me", a list and a map. */
export function CourseSearchPage() {
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
    mode: (s.get('mode') || undefined) as Mode | undefined,
    funding: (s.get('funding') || undefined) as Funding | undefined,
    region: s.list('region').length ? s.list('region') : undefined,
    province: s.list('province').length ? s.list('province') : undefined,
    language: s.list('language').length ? s.list('language') : undefined,
    eqfLevel: s.list('eqf').length ? s.list('eqf') : undefined,
    maxHours: s.get('maxHours') ? Number(s.get('maxHours')) : undefined,
    maxCostEur: s.get('maxCost') ? Number(s.get('maxCost')) : undefined,
    startsAfter: s.get('from') ? new Date(`${s.get('from')}T00:00:00`).toISOString() : undefined,
    startsBefore: s.get('to') ? new Date(`${s.get('to')}T23:59:59`).toISOString() : undefined,
    near: near || undefined,
    radiusKm: near ? Number(radius) : undefined,
    sort,
    page: page as never,
    limit: (view === 'map' ? 100 : 20) as never,
  };

  const results = useQuery({
    queryKey: ['search', 'courses', query, i18n.language],
    queryFn: ({ signal }) => call(api.GET('/api/v1/search/courses', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const data = results.data;
  const facets = (data?.facets ?? {}) as Record<string, Record<string, number>>;
  const area = near ? { lat: Number(near.split(',')[0]), lng: Number(near.split(',')[1]), radiusKm: Number(radius) } : null;
  const points = useMemo(
    () =>
      (data?.hits ?? [])
        .filter((h) => h.location)
        .map((h) => ({ id: h.id, lat: h.location!.lat, lng: h.location!.lng, title: h.title, subtitle: h.provider.name, href: `/corsi/${h.id}` })),
    [data],
  );

  return (
    <div className="container my-4">
      <h1 className="h2">{t('courses.title')}</h1>
      <p className="lead">{t('courses.lead')}</p>
      <form role="search" className="mb-3" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group mb-2">
          <label htmlFor={`${id}-q`} className="active">
            {t('courses.searchLabel')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="form-control form-control-lg"
            data-testid="course-search"
            placeholder={t('courses.searchPlaceholder')}
            value={q}
            onChange={(e) => s.set({ q: e.target.value })}
          />
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
          <Facet legend={t('courses.mode')} counts={facets.mode} selected={s.list('mode')} multiple={false} onChange={(v) => s.set({ mode: v })} label={(v) => t(`mode.${v}`)} />
          <Facet legend={t('courses.funding')} counts={facets.funding} selected={s.list('funding')} multiple={false} onChange={(v) => s.set({ funding: v })} label={(v) => t(`funding.${v}`, { defaultValue: v })} />
          <Facet legend={t('search.region')} counts={facets.region} selected={s.list('region')} onChange={(v) => s.set({ region: v })} label={regionName} />
          <Facet
            legend={t('search.province')}
            counts={topCounts(facets.province, PROVINCES_SHOWN)}
            selected={s.list('province')}
            onChange={(v) => s.set({ province: v })}
            label={(v) => v}
          />
          <Facet legend={t('courses.language')} counts={facets.language} selected={s.list('language')} onChange={(v) => s.set({ language: v })} label={(v) => t(`languages.${v}`, { defaultValue: v })} />
          <Facet legend={t('courses.eqf')} counts={facets.eqfLevel} selected={s.list('eqf')} onChange={(v) => s.set({ eqf: v })} label={(v) => t('courses.eqfLevel', { level: v })} />
          <fieldset className="mb-4">
            <legend className="h6 fw-semibold">{t('courses.limits')}</legend>
            <NumberFilter label={t('courses.maxHours')} value={s.get('maxHours')} onChange={(v) => s.set({ maxHours: v })} />
            <NumberFilter label={t('courses.maxCost')} value={s.get('maxCost')} onChange={(v) => s.set({ maxCost: v })} />
            <DateFilter label={t('courses.startsAfter')} value={s.get('from')} onChange={(v) => s.set({ from: v })} />
            <DateFilter label={t('courses.startsBefore')} value={s.get('to')} onChange={(v) => s.set({ to: v })} />
          </fieldset>
        </aside>
        <section className="col-lg-9" aria-labelledby={`${id}-results`}>
          <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
            <h2 id={`${id}-results`} className="h5 mb-0" aria-live="polite" data-testid="results-count">
              {data ? t('search.resultCount', { count: data.total }) : t('common.loading')}
            </h2>
            <div className="d-flex gap-2 align-items-center">
              <label htmlFor={`${id}-sort`} className="visually-hidden">
                {t('search.sort')}
              </label>
              <select id={`${id}-sort`} className="form-select form-select-sm w-auto" value={sort} onChange={(e) => s.set({ sort: e.target.value })}>
                {(['relevance', 'startsAt', 'hours', 'costEur', ...(near ? ['distance'] : [])] as Sort[]).map((o) => (
                  <option key={o} value={o}>
                    {t(`courses.sort_${o}`)}
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
              {data.hits.length > points.length && <p className="small mt-2">{t('search.onlineNotOnMap', { count: data.hits.length - points.length })}</p>}
            </Suspense>
          )}
          {data && (
            <ul className="list-unstyled results" data-results-for={results.isPlaceholderData ? undefined : q} aria-busy={results.isFetching}>
              {view === 'list' && data.hits.map((hit) => <CourseCard key={hit.id} hit={hit} lang={i18n.language} />)}
            </ul>
          )}
          {data && view === 'list' && <Pager page={data.page} totalPages={data.totalPages} onPage={(p) => s.set({ page: String(p) }, true)} />}
        </section>
      </div>
    </div>
  );
}

function CourseCard({ hit, lang }: { hit: Schemas['CourseHitDto']; lang: string }) {
  const { t } = useTranslation();
  return (
    <li className="card-wrapper card-space mb-3">
      <article className="card card-bg">
        <div className="card-body">
          <div className="d-flex flex-wrap gap-2 mb-2">
            <span className="badge bg-primary">{t(`mode.${hit.mode}`)}</span>
            {hit.funding.map((f) => (
              <span key={f} className="badge bg-success">
                {t(`funding.${f}`, { defaultValue: f })}
              </span>
            ))}
            {hit.distanceKm !== undefined && <span className="badge bg-secondary">{formatKm(hit.distanceKm, lang)}</span>}
          </div>
          <h3 className="card-title h5">
            <Link to={`/corsi/${hit.id}`} dangerouslySetInnerHTML={highlightHtml(hit.highlight.title)} />
          </h3>
          <p className="small mb-1">
            {hit.provider.name}
            {hit.location?.municipality ? ` · ${hit.location.municipality}${hit.location.province ? ` (${hit.location.province})` : ''}` : ''}
          </p>
          <p className="card-text" dangerouslySetInnerHTML={highlightHtml(hit.highlight.description)} />
          <p className="small mb-1">
            {t('courses.hoursCost', { hours: hit.hours, cost: hit.costEur ? formatEuro(hit.costEur, lang) : t('courses.free') })}
            {hit.nextSession ? ` · ${t('courses.nextSession', { date: formatDate(hit.nextSession.startsAt, lang) })}` : ''}
          </p>
          {hit.skills.length > 0 && (
            <ul className="chip-list" aria-label={t('courses.skillsTaught')}>
              {hit.skills.slice(0, 6).map((s) => (
                <li key={s.skillId} className="ok-chip">
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

function NumberFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="form-group mb-3">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input id={id} type="number" min={0} className="form-control" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function DateFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="form-group mb-3">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input id={id} type="date" className="form-control" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
