import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useAccount } from '../../api/use-session';
import { formatDate, formatEuro, percent } from '../../components/format';
import { Empty, ErrorState, Loading } from '../../components/states';

/** A vacancy's retraining pathway: courses in order, hours, cost, the score before and after, what stays uncovered. */
export default function PathwayPage() {
  const { vacancyId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const account = useAccount()!;
  const workerId = account.workerId!;
  const pathway = useQuery({
    queryKey: ['worker', workerId, 'pathway', vacancyId, i18n.language],
    queryFn: () => call(api.GET('/api/v1/workers/{id}/matches/{vacancyId}/pathway', { params: { path: { id: workerId, vacancyId } } })),
  });
  const vacancy = useQuery({
    queryKey: ['vacancy', vacancyId, i18n.language],
    queryFn: () => call(api.GET('/api/v1/vacancies/{id}', { params: { path: { id: vacancyId } } })),
  });
  const lang = i18n.language;
  const p = pathway.data;

  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/lavoratore/opportunita">{t('nav.opportunities')}</Link>
      </nav>
      <h1 className="h2 mt-2">{t('pathway.title', { vacancy: vacancy.data?.title ?? '' })}</h1>
      {pathway.isPending && <Loading />}
      {pathway.isError && <ErrorState error={pathway.error} onRetry={() => void pathway.refetch()} />}
      {p && (
        <>
          <div className="row my-4 text-center">
            <div className="col-6 col-md-3">
              <div className="score">{percent(p.scoreBefore)}</div>
              <div className="small">{t('pathway.before')}</div>
            </div>
            <div className="col-6 col-md-3">
              <div className="score text-success">{percent(p.scoreAfter)}</div>
              <div className="small">{t('pathway.after')}</div>
            </div>
            <div className="col-6 col-md-3">
              <div className="score">{p.totalHours}</div>
              <div className="small">{t('pathway.hours')}</div>
            </div>
            <div className="col-6 col-md-3">
              <div className="score">{p.totalCostEur ? formatEuro(p.totalCostEur, lang) : t('courses.free')}</div>
              <div className="small">{t('pathway.cost')}</div>
            </div>
          </div>
          {p.courses.length === 0 ? (
            <Empty title={t('pathway.noCourses')} />
          ) : (
            <ol className="list-group list-group-numbered mb-4" aria-label={t('pathway.courses')}>
              {p.courses.map((c) => (
                <li key={c.id} className="list-group-item">
                  <Link to={`/corsi/${c.id}`} className="fw-semibold">
                    {c.title}
                  </Link>{' '}
                  — {c.provider.name}
                  <div className="small">
                    {t(`mode.${c.mode}`)} · {t('courses.hoursCost', { hours: c.hours, cost: c.costEur ? formatEuro(c.costEur, lang) : t('courses.free') })}
                    {c.nextSession ? ` · ${t('courses.nextSession', { date: formatDate(c.nextSession.startsAt, lang) })}` : ''}
                    {c.location?.municipality ? ` · ${c.location.municipality}` : ''}
                  </div>
                  <ul className="chip-list mt-2" aria-label={t('pathway.covers')}>
                    {c.covers.map((s) => (
                      <li key={s.skillId} className="ok-chip">
                        {s.label}
                      </li>
                    ))}
                  </ul>
                  <Link to={`/corsi/${c.id}#sessioni`} className="btn btn-outline-primary btn-sm mt-2">
                    {t('pathway.enrol')} <span className="visually-hidden">{c.title}</span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
          {p.uncovered.length > 0 && (
            <section aria-labelledby="uncovered">
              <h2 id="uncovered" className="h5">
                {t('pathway.uncovered')}
              </h2>
              <ul className="chip-list">
                {p.uncovered.map((u) => (
                  <li key={u.skillId} className={`gap-chip${u.importance === 'essential' ? ' essential' : ''}`}>
                    {u.label}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
