import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../components/format';
import { Empty, ErrorState, Loading } from '../../components/states';
import { fetchCohorts, isBusy, useCohortBase } from './cohort-api';

/** The cohorts: every one for admins, an employer's own for an employer; newest first, as the API lists them. */
export default function CohortListPage() {
  const { t, i18n } = useTranslation();
  const base = useCohortBase();
  const cohorts = useQuery({ queryKey: ['cohorts'], queryFn: fetchCohorts });
  const items = cohorts.data?.items;
  return (
    <div className="container my-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h1 className="h2">{t('cohorts.title')}</h1>
        <Link className="btn btn-primary" to={`${base}/nuova`}>
          {t('cohorts.new')}
        </Link>
      </div>
      <p className="lead">{t('cohorts.lead')}</p>
      {cohorts.isPending && <Loading />}
      {cohorts.isError && <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />}
      {items?.length === 0 && (
        <Empty title={t('cohorts.none')}>
          <p className="mb-0">{t('cohorts.noneHint')}</p>
        </Empty>
      )}
      {items && items.length > 0 && (
        <div className="table-responsive">
          <table className="table" data-testid="cohort-list">
            <caption>{t('cohorts.listCaption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.name')}</th>
                <th scope="col">{t('cohorts.employer')}</th>
                <th scope="col">{t('cohorts.plant')}</th>
                <th scope="col">{t('cohorts.reason')}</th>
                <th scope="col">{t('cohorts.announcedOn')}</th>
                <th scope="col" className="text-end">{t('cohorts.members')}</th>
                <th scope="col" className="text-end">{t('cohorts.toConfirm')}</th>
                <th scope="col">{t('cohorts.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`${base}/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{c.employer.name}</td>
                  <td>{c.plant.municipality ? `${c.plant.municipality}${c.plant.province ? ` (${c.plant.province})` : ''}` : '—'}</td>
                  <td>{t(`cohorts.reason_${c.reason}`)}</td>
                  <td>{formatDate(c.announcedOn, i18n.language)}</td>
                  <td className="text-end">{c.counts.members}</td>
                  <td className="text-end">{c.counts.toConfirm}</td>
                  <td>
                    {c.counts.members === 0 ? (
                      <span className="badge bg-secondary">{t('cohorts.state_empty')}</span>
                    ) : isBusy(c) ? (
                      <span className="badge bg-warning text-dark">{t('cohorts.state_processing')}</span>
                    ) : (
                      <Link to={`${base}/${c.id}/rapporto`}>
                        {t('cohorts.state_ready')} <span className="visually-hidden">{c.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
