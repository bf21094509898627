import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useAccount } from '../../api/use-session';
import { formatDate } from '../../components/format';
import { MoreButton, PAGE_SIZE, usePagedList } from '../../components/paged';
import { Empty, ErrorState, Loading } from '../../components/states';

/** Applications and enrolment requests with their status; the worker may withdraw them. */
export default function ActivityPage() {
  const { t, i18n } = useTranslation();
  const account = useAccount()!;
  const workerId = account.workerId;
  const qc = useQueryClient();
  const applications = usePagedList(
    ['worker', workerId, 'applications'],
    (cursor) => call(api.GET('/api/v1/workers/{id}/applications', { params: { path: { id: workerId! }, query: { limit: PAGE_SIZE, cursor } } })),
    !!workerId,
  );
  const enrolments = usePagedList(
    ['worker', workerId, 'enrolments'],
    (cursor) => call(api.GET('/api/v1/workers/{id}/enrolments', { params: { path: { id: workerId! }, query: { limit: PAGE_SIZE, cursor } } })),
    !!workerId,
  );
  const withdrawApplication = useMutation({
    mutationFn: (id: string) => call(api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body: { status: 'withdrawn' } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['worker', workerId, 'applications'] }),
  });
  const withdrawEnrolment = useMutation({
    mutationFn: (id: string) => call(api.PATCH('/api/v1/enrolments/{id}', { params: { path: { id } }, body: { status: 'withdrawn' } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['worker', workerId, 'enrolments'] }),
  });
  const lang = i18n.language;
  if (!workerId) return <div className="container my-4"><Empty title={t('activity.noProfile')}><Link to="/lavoratore/profilo">{t('nav.profile')}</Link></Empty></div>;

  return (
    <div className="container my-4">
      <h1 className="h2">{t('activity.title')}</h1>
      <section className="my-4" aria-labelledby="apps-title">
        <h2 id="apps-title" className="h4">
          {t('activity.applications')}
        </h2>
        {applications.isPending && <Loading />}
        {applications.isError && <ErrorState error={applications.error} />}
        {applications.items?.length === 0 && <Empty title={t('activity.noApplications')}><Link to="/offerte">{t('nav.vacancies')}</Link></Empty>}
        <ul className="list-group">
          {applications.items?.map((a) => (
            <li key={a.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
              <span>
                <Link to={`/offerte/${a.vacancy.id}`}>{a.vacancy.title}</Link> — {a.vacancy.employer.name}
                <span className="d-block small">{t('activity.since', { date: formatDate(a.createdAt, lang) })}</span>
              </span>
              <span className="d-flex gap-2 align-items-center">
                <span className="badge bg-primary">{t(`applicationStatus.${a.status}`)}</span>
                {(a.status === 'received' || a.status === 'shortlisted') && (
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => withdrawApplication.mutate(a.id)}>
                    {t('activity.withdraw')} <span className="visually-hidden">{a.vacancy.title}</span>
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
        <MoreButton list={applications} what={t('activity.applications')} />
      </section>
      <section className="my-4" aria-labelledby="enr-title">
        <h2 id="enr-title" className="h4">
          {t('activity.enrolments')}
        </h2>
        {enrolments.isPending && <Loading />}
        {enrolments.isError && <ErrorState error={enrolments.error} />}
        {enrolments.items?.length === 0 && <Empty title={t('activity.noEnrolments')}><Link to="/">{t('nav.courses')}</Link></Empty>}
        <ul className="list-group">
          {enrolments.items?.map((e) => (
            <li key={e.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
              <span>
                <Link to={`/corsi/${e.course.id}`}>{e.course.title}</Link> — {e.course.provider.name}
                {e.session && <span className="d-block small">{t('courses.sessionDates', { start: formatDate(e.session.startsAt, lang), end: formatDate(e.session.endsAt, lang) })}</span>}
              </span>
              <span className="d-flex gap-2 align-items-center">
                <span className="badge bg-primary">{t(`enrolmentStatus.${e.status}`)}</span>
                {(e.status === 'requested' || e.status === 'accepted') && (
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => withdrawEnrolment.mutate(e.id)}>
                    {t('activity.withdraw')} <span className="visually-hidden">{e.course.title}</span>
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
        <MoreButton list={enrolments} what={t('activity.enrolments')} />
      </section>
    </div>
  );
}
