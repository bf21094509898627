import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDate } from '../../components/format';
import { Empty, ErrorState, Loading } from '../../components/states';
import { type Cell, type Cohort, type CohortReport, fetchCohort, fetchReport, useCohortBase } from './cohort-api';

const notComputed = (e: unknown) => e instanceof ApiError && e.body?.code === 'COHORT_REPORT.NOT_FOUND';

/**
 * The cohort report as a printable page: headline figures, where members can go, the training that takes
 * and who is hardest to place, as the API stored it (admins: full; an employer: counts under 5 withheld).
 */
export default function CohortReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const base = useCohortBase();
  const cohort = useQuery({ queryKey: ['cohort', id], queryFn: () => fetchCohort(id) });
  const report = useQuery({
    queryKey: ['cohort', id, 'report'],
    queryFn: () => fetchReport(id),
    retry: (n, e) => !notComputed(e) && n < 2,
    // Until the worker stores it (or while it is recomputed), look again every few seconds.
    refetchInterval: (q) => (notComputed(q.state.error) || q.state.data?.stale ? 3000 : false),
  });

  return (
    <div className="container my-4 cohort-report">
      <nav aria-label={t('common.breadcrumb')} className="no-print">
        <Link to={base}>{t('cohorts.title')}</Link> › <Link to={`${base}/${id}`}>{cohort.data?.name ?? t('cohorts.cohort')}</Link>
      </nav>
      <h1 className="h2 mt-2">{t('cohorts.report.title', { name: cohort.data?.name ?? '' })}</h1>
      {cohort.data && <Heading cohort={cohort.data} />}
      {(report.isPending || cohort.isPending) && !report.isError && <Loading />}
      {report.isError && notComputed(report.error) && (
        <Empty title={t('cohorts.report.notReady')}>
          <p className="mb-0">{t('cohorts.report.notReadyHint')}</p>
        </Empty>
      )}
      {report.isError && !notComputed(report.error) && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {cohort.isError && <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />}
      {report.data && <Report report={report.data} />}
    </div>
  );
}

function Heading({ cohort: c }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="lead">
      {c.employer.name} · {[c.plant.name, c.plant.municipality].filter(Boolean).join(', ')} · {t(`cohorts.reason_${c.reason}`)} ·{' '}
      {t('cohorts.announcedOnDate', { date: formatDate(c.announcedOn, i18n.language) })}
    </p>
  );
}

function Report({ report: r }: { report: CohortReport }) {
  const { t, i18n } = useTranslation();
  const cell = (c: Cell) => (c.suppressed || c.value === null ? t('cohorts.report.withheld') : String(c.value));
  const admin = r.version === 'full';
  return (
    <>
      <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
        <span>{t('cohorts.report.computedAt', { date: new Date(r.computedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT') })}</span>
        <button type="button" className="btn btn-primary btn-sm no-print" onClick={() => window.print()}>
          {t('cohorts.report.print')}
        </button>
      </div>
      {r.stale && (
        <div className="alert alert-info" role="status">
          {t('cohorts.report.stale')}
        </div>
      )}
      {!admin && <p className="small">{t('cohorts.report.publicNote', { max: r.thresholds.minCell - 1 })}</p>}

      <section aria-labelledby="headline-title" className="mb-4">
        <h2 id="headline-title" className="h4">
          {t('cohorts.report.headline')}
        </h2>
        <div className="row g-3" data-testid="report-headline">
          {(
            [
              ['total', String(r.members.total)],
              ['profiled', String(r.members.profiled)],
              ['fitToday', cell(r.members.fitToday)],
              ['withPathway', cell(r.members.withPathway)],
              ['hardest', cell(r.members.hardest)],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="col-6 col-md-4 col-lg">
              <div className="report-figure" data-testid={`figure-${key}`}>
                <span className="report-figure-value">{value}</span>
                <span className="report-figure-label">{t(`cohorts.report.figure_${key}`)}</span>
              </div>
            </div>
          ))}
        </div>
        <p className="small mt-2">{t('cohorts.report.thresholds', { score: Math.round(r.thresholds.fitScore * 100), hours: r.thresholds.maxPathwayHours })}</p>
      </section>

      <section aria-labelledby="destinations-title" className="mb-4">
        <h2 id="destinations-title" className="h4">
          {t('cohorts.report.destinations')}
        </h2>
        {r.destinations.length === 0 ? (
          <p>{t('cohorts.report.noDestinations')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm" data-testid="report-destinations">
              <caption>{t('cohorts.report.destinationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.occupation')}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.fitToday')}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.withPathway')}</th>
                  <th scope="col">{t('cohorts.report.vacancies')}</th>
                </tr>
              </thead>
              <tbody>
                {r.destinations.map((d) => (
                  <tr key={d.occupationId ?? d.occupation}>
                    <th scope="row">{d.occupation}</th>
                    <td className="text-end">{cell(d.fitToday)}</td>
                    <td className="text-end">{cell(d.withPathway)}</td>
                    <td>
                      <ul className="list-unstyled mb-0">
                        {d.vacancies.map((v) => (
                          <li key={v.id}>
                            <Link to={`/offerte/${v.id}`}>{v.title}</Link> · {v.employer.name} · {t('cohorts.report.openings', { count: v.openings })}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="training-title" className="mb-4">
        <h2 id="training-title" className="h4">
          {t('cohorts.report.training')}
        </h2>
        {r.training.length === 0 ? (
          <p>{t('cohorts.report.noTraining')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm" data-testid="report-training">
              <caption>{t('cohorts.report.trainingCaption', { days: r.thresholds.seatsWindowDays })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.report.course')}</th>
                  <th scope="col">{t('cohorts.report.provider')}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.hours')}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.needing')}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.seats', { days: r.thresholds.seatsWindowDays })}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.shortfall')}</th>
                </tr>
              </thead>
              <tbody>
                {r.training.map((c) => (
                  <tr key={c.courseId}>
                    <th scope="row">
                      <Link to={`/corsi/${c.courseId}`}>{c.title}</Link>
                    </th>
                    <td>{c.provider}</td>
                    <td className="text-end">{c.hours}</td>
                    <td className="text-end">{cell(c.membersNeeding)}</td>
                    <td className="text-end">{c.seats90d}</td>
                    <td className="text-end">{c.shortfall.suppressed || c.shortfall.value === null ? t('cohorts.report.withheld') : c.shortfall.value > 0 ? c.shortfall.value : t('cohorts.report.noShortfall')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="hardest-title" className="mb-4">
        <h2 id="hardest-title" className="h4">
          {t('cohorts.report.hardest')}
        </h2>
        <p>{t('cohorts.report.hardestLead', { hours: r.thresholds.maxPathwayHours })}</p>
        {r.hardestToPlace.length === 0 ? (
          <p>{t('cohorts.report.noHardest')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm" data-testid="report-hardest">
              <caption>{t('cohorts.report.hardestCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.occupation')}</th>
                  <th scope="col">{t('cohorts.municipality')}</th>
                  <th scope="col" className="text-end">{t('cohorts.report.people')}</th>
                  {admin && <th scope="col">{t('cohorts.report.employeeRefs')}</th>}
                </tr>
              </thead>
              <tbody>
                {r.hardestToPlace.map((h) => (
                  <tr key={`${h.occupationId ?? h.occupation}-${h.municipality}`}>
                    <th scope="row">{h.occupation}</th>
                    <td>
                      {h.municipality}
                      {h.province ? ` (${h.province})` : ''}
                    </td>
                    <td className="text-end">{cell(h.members)}</td>
                    {admin && <td>{h.employeeRefs?.join(', ')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
