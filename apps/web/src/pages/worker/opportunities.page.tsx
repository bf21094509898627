import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { useAccount } from '../../api/use-session';
import { formatEuro, formatKm, percent } from '../../components/format';
import { MoreButton, PAGE_SIZE } from '../../components/paged';
import { Empty, ErrorState, Loading } from '../../components/states';

/** The worker process keeps each worker's top 50 vacancies (docs/matching.md). */
const MAX_MATCHES = 50;

/** "Le mie opportunità": the stored matches, explained, with the missing skills as chips. */
export default function OpportunitiesPage() {
  const { t, i18n } = useTranslation();
  const account = useAccount()!;
  const workerId = account.workerId;
  // The stored top 50, best first: "show more" asks for a longer top of the same ranking.
  const [limit, setLimit] = useState(PAGE_SIZE);
  const matches = useQuery({
    queryKey: ['worker', workerId, 'matches', i18n.language, limit],
    queryFn: () => call(api.GET('/api/v1/workers/{id}/matches', { params: { path: { id: workerId! }, query: { limit } } })),
    placeholderData: keepPreviousData,
    enabled: !!workerId,
    // Matches are computed by the worker process after a profile change: poll until they are current.
    refetchInterval: (q) => (q.state.data && !q.state.data.stale && q.state.data.computedAt ? false : 2000),
  });
  const recommended = useQuery({
    queryKey: ['worker', workerId, 'recommended', i18n.language],
    queryFn: () => call(api.GET('/api/v1/workers/{id}/courses/recommended', { params: { path: { id: workerId! }, query: { limit: 5 } } })),
    enabled: !!workerId && !!matches.data?.computedAt,
  });
  if (!workerId) return <Navigate to="/lavoratore/profilo" replace />;
  const data = matches.data;
  const lang = i18n.language;

  return (
    <div className="container my-4">
      <h1 className="h2">{t('opportunities.title')}</h1>
      <p className="lead">{t('opportunities.lead')}</p>
      {matches.isError && <ErrorState error={matches.error} onRetry={() => void matches.refetch()} />}
      {(matches.isPending || (data && !data.computedAt)) && <Loading label={t('opportunities.computing')} />}
      {data?.stale && data.computedAt && (
        <div className="alert alert-info" role="status">
          {t('opportunities.stale')}
        </div>
      )}
      {data?.computedAt && data.items.length === 0 && (
        <Empty title={t('opportunities.none')}>
          <Link to="/lavoratore/profilo">{t('opportunities.improveProfile')}</Link>
        </Empty>
      )}
      <ol className="list-unstyled" data-testid="matches">
        {data?.items.map((m) => <MatchCard key={m.vacancy.id} match={m} lang={lang} />)}
      </ol>
      {data?.computedAt && (
        <MoreButton
          list={{
            items: data.items,
            hasNextPage: data.items.length === limit && limit < MAX_MATCHES,
            isFetchingNextPage: matches.isPlaceholderData,
            fetchNextPage: async () => setLimit((l) => Math.min(MAX_MATCHES, l + PAGE_SIZE)),
          }}
          what={t('opportunities.title')}
        />
      )}
      {recommended.data && recommended.data.hits.length > 0 && (
        <section className="mt-5" aria-labelledby="recommended-title">
          <h2 id="recommended-title" className="h3">
            {t('opportunities.recommended')}
          </h2>
          <ul className="list-group">
            {recommended.data.hits.map((c) => (
              <li key={c.id} className="list-group-item">
                <Link to={`/corsi/${c.id}`} className="fw-semibold">
                  {c.title}
                </Link>{' '}
                — {c.provider.name} · {t('courses.hoursCost', { hours: c.hours, cost: c.costEur ? formatEuro(c.costEur, lang) : t('courses.free') })}
                {c.closes.length > 0 && <div className="small">{t('opportunities.closes', { skills: c.closes.map((s) => s.label).join(', ') })}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function MatchCard({ match, lang }: { match: Schemas['WorkerMatchDto']; lang: string }) {
  const { t } = useTranslation();
  const v = match.vacancy;
  return (
    <li className="card-wrapper card-space mb-3">
      <article className="card card-bg" aria-labelledby={`match-${v.id}`}>
        <div className="card-body">
          <div className="d-flex flex-wrap justify-content-between gap-3">
            <div>
              <h2 id={`match-${v.id}`} className="h5 card-title mb-1">
                <Link to={`/offerte/${v.id}`}>{v.title}</Link>
              </h2>
              <p className="small mb-2">
                {v.employer.name}
                {v.location?.municipality ? ` · ${v.location.municipality}` : ''} · {formatKm(match.distanceKm, lang)}
              </p>
            </div>
            <div className="text-end">
              <div className="score" aria-label={t('opportunities.scoreLabel', { score: percent(match.score) })}>
                {percent(match.score)}
              </div>
              <div className="small">{t('opportunities.fit')}</div>
            </div>
          </div>
          <p className="card-text">{match.explanation}</p>
          {match.gap.length > 0 && (
            <>
              <h3 className="h6">{t('opportunities.missing')}</h3>
              <ul className="chip-list mb-3">
                {match.gap.map((g) => (
                  <li key={g.skillId} className={`gap-chip${g.importance === 'essential' ? ' essential' : ''}`}>
                    {g.label}
                    <span className="visually-hidden">
                      {' '}
                      ({t(`importance.${g.importance}`)}, {t('vacancies.minLevel', { level: t(`levels.${g.minLevel}`) })})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="d-flex flex-wrap gap-2">
            {match.gap.length > 0 && (
              <Link className="btn btn-primary btn-sm" to={`/lavoratore/opportunita/${v.id}/percorso`}>
                {t('opportunities.pathway')}
              </Link>
            )}
            <Link className="btn btn-outline-primary btn-sm" to={`/offerte/${v.id}`}>
              {t('opportunities.seeVacancy')}
            </Link>
          </div>
        </div>
      </article>
    </li>
  );
}
