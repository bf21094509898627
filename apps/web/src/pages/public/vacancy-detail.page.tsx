import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { useAccount } from '../../api/use-session';
import { formatDate } from '../../components/format';
import { regionName } from '../../components/regions';
import { ErrorState, Loading } from '../../components/states';
import { salaryText } from './vacancy-search.page';

export default function VacancyDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const qc = useQueryClient();
  const workerId = account?.role === 'worker' ? account.workerId : null;
  const vacancy = useQuery({
    queryKey: ['vacancy', id, i18n.language],
    queryFn: () => call(api.GET('/api/v1/vacancies/{id}', { params: { path: { id } } })),
  });
  const applications = useQuery({
    queryKey: ['worker', workerId, 'applications'],
    queryFn: () => call(api.GET('/api/v1/workers/{id}/applications', { params: { path: { id: workerId! }, query: { limit: 100 } } })),
    enabled: !!workerId,
  });
  const apply = useMutation({
    mutationFn: () => call(api.POST('/api/v1/vacancies/{id}/applications', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['worker', workerId, 'applications'] }),
  });

  if (vacancy.isPending) return <div className="container my-4"><Loading /></div>;
  if (vacancy.isError) return <div className="container my-4"><ErrorState error={vacancy.error} /></div>;
  const v = vacancy.data;
  const lang = i18n.language;
  const applied = (applications.data?.items ?? []).find((a) => a.vacancy.id === v.id && a.status !== 'withdrawn');

  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/offerte">{t('nav.vacancies')}</Link>
      </nav>
      <h1 className="h2 mt-2">{v.title}</h1>
      <p className="lead">{v.employer.name}</p>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <span className="badge bg-primary">{t(`contract.${v.contractType}`)}</span>
        {v.remote && <span className="badge bg-success">{t('vacancies.remote_true')}</span>}
        {v.status !== 'open' && <span className="badge bg-warning text-dark">{t(`vacancyStatus.${v.status}`)}</span>}
      </div>
      <div className="row">
        <div className="col-lg-8">
          <p style={{ whiteSpace: 'pre-line' }}>{v.description}</p>
          <h2 className="h4">{t('vacancies.requirements')}</h2>
          <ul>
            {v.requirements.map((r) => (
              <li key={r.skillId}>
                {r.label} — {t(`importance.${r.importance}`)}, {t('vacancies.minLevel', { level: t(`levels.${r.minLevel}`) })}
              </li>
            ))}
          </ul>
          {workerId && v.status === 'open' && (
            <div className="my-4">
              {applied ? (
                <div className="alert alert-success" role="status">
                  {t('vacancies.applied', { status: t(`applicationStatus.${applied.status}`) })}
                </div>
              ) : (
                <button type="button" className="btn btn-primary" disabled={apply.isPending} onClick={() => apply.mutate()}>
                  {t('vacancies.apply')}
                </button>
              )}
              {apply.isError && (
                <div className="alert alert-danger mt-2" role="alert">
                  {apply.error instanceof ApiError && apply.error.body ? apply.error.body.message : t('errors.generic')}
                </div>
              )}
              <p className="small mt-2">{t('vacancies.applyNotice')}</p>
            </div>
          )}
          {!account && (
            <p>
              <Link to={`/accedi?next=/offerte/${v.id}`}>{t('vacancies.signInToApply')}</Link>
            </p>
          )}
        </div>
        <aside className="col-lg-4">
          <div className="card card-bg">
            <div className="card-body">
              <dl className="mb-0">
                {v.occupation && (
                  <>
                    <dt>{t('vacancies.occupation')}</dt>
                    <dd>{v.occupation.label}</dd>
                  </>
                )}
                <dt>{t('vacancies.where')}</dt>
                <dd>{v.location ? `${v.location.municipality ?? ''} ${v.location.province ? `(${v.location.province})` : ''} · ${regionName(v.location.region)}` : t('vacancies.remote_true')}</dd>
                {(v.salaryMinEur || v.salaryMaxEur) && (
                  <>
                    <dt>{t('vacancies.salary')}</dt>
                    <dd>{salaryText(v.salaryMinEur, v.salaryMaxEur, lang)}</dd>
                  </>
                )}
                <dt>{t('vacancies.openings')}</dt>
                <dd>{v.openings}</dd>
                {v.expiresAt && (
                  <>
                    <dt>{t('vacancies.expires')}</dt>
                    <dd>{formatDate(v.expiresAt, lang)}</dd>
                  </>
                )}
              </dl>
            </div>
          </div>
        </aside>
      </div>
    </div>
  );
}
