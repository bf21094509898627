import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { useAccount } from '../../api/use-session';
import { formatDate, formatEuro } from '../../components/format';
import { regionName } from '../../components/regions';
import { ErrorState, Loading } from '../../components/states';

export default function CourseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const qc = useQueryClient();
  const course = useQuery({
    queryKey: ['course', id, i18n.language],
    queryFn: () => call(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
  });
  const workerId = account?.role === 'worker' ? account.workerId : null;
  const mine = useQuery({
    queryKey: ['worker', workerId, 'enrolments'],
    queryFn: () => call(api.GET('/api/v1/workers/{id}/enrolments', { params: { path: { id: workerId! }, query: { limit: 100 } } })),
    enabled: !!workerId,
  });
  const enrol = useMutation({
    mutationFn: (sessionId: string) => call(api.POST('/api/v1/courses/{id}/enrolments', { params: { path: { id } }, body: { sessionId } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['worker', workerId, 'enrolments'] });
      void qc.invalidateQueries({ queryKey: ['course', id] });
    },
  });

  if (course.isPending) return <div className="container my-4"><Loading /></div>;
  if (course.isError) return <div className="container my-4"><ErrorState error={course.error} /></div>;
  const c = course.data;
  const lang = i18n.language;
  const requested = new Set((mine.data?.items ?? []).filter((e) => e.course.id === c.id && e.status !== 'withdrawn' && e.status !== 'declined').map((e) => e.session?.id));

  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/">{t('nav.courses')}</Link>
      </nav>
      <h1 className="h2 mt-2">{c.title}</h1>
      <p className="lead">{c.provider.name}</p>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <span className="badge bg-primary">{t(`mode.${c.mode}`)}</span>
        {c.funding.map((f) => (
          <span key={f} className="badge bg-success">
            {t(`funding.${f}`, { defaultValue: f })}
          </span>
        ))}
        {c.eqfLevel && <span className="badge bg-secondary">{t('courses.eqfLevel', { level: c.eqfLevel })}</span>}
      </div>
      <div className="row">
        <div className="col-lg-8">
          <p style={{ whiteSpace: 'pre-line' }}>{c.description}</p>
          <h2 className="h4">{t('courses.skillsTaught')}</h2>
          <ul>
            {c.skillsTaught.map((s) => (
              <li key={s.skillId}>
                {s.label} — {t(`levels.${s.targetLevel}`)}
              </li>
            ))}
          </ul>
          {c.prerequisites.length > 0 && (
            <>
              <h2 className="h4">{t('courses.prerequisites')}</h2>
              <ul>
                {c.prerequisites.map((s) => (
                  <li key={s.skillId}>{s.label}</li>
                ))}
              </ul>
            </>
          )}
          <h2 className="h4" id="sessioni">
            {t('courses.sessions')}
          </h2>
          {c.sessions.length === 0 && <p>{t('courses.noSessions')}</p>}
          {enrol.isSuccess && (
            <div className="alert alert-success" role="status">
              {t('courses.enrolmentRequested')}
            </div>
          )}
          {enrol.isError && (
            <div className="alert alert-danger" role="alert">
              {enrol.error instanceof ApiError && enrol.error.body ? enrol.error.body.message : t('errors.generic')}
            </div>
          )}
          <ul className="list-group mb-4">
            {c.sessions.map((s) => (
              <li key={s.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
                <span>
                  {t('courses.sessionDates', { start: formatDate(s.startsAt, lang), end: formatDate(s.endsAt, lang) })} · {t('courses.seatsLeft', { count: s.seatsLeft })}
                </span>
                {workerId &&
                  (requested.has(s.id) ? (
                    <span className="badge bg-success">{t('courses.alreadyRequested')}</span>
                  ) : (
                    <button type="button" className="btn btn-primary btn-sm" disabled={enrol.isPending || s.seatsLeft === 0 || new Date(s.startsAt) < new Date()} onClick={() => enrol.mutate(s.id)}>
                      {t('courses.requestEnrolment')}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
          {!account && (
            <p>
              <Link to={`/accedi?next=/corsi/${c.id}`}>{t('courses.signInToEnrol')}</Link>
            </p>
          )}
        </div>
        <aside className="col-lg-4">
          <div className="card card-bg">
            <div className="card-body">
              <dl className="mb-0">
                <dt>{t('courses.hours')}</dt>
                <dd>{c.hours}</dd>
                <dt>{t('courses.cost')}</dt>
                <dd>{c.costEur ? formatEuro(c.costEur, lang) : t('courses.free')}</dd>
                <dt>{t('courses.language')}</dt>
                <dd>{t(`languages.${c.language}`, { defaultValue: c.language })}</dd>
                <dt>{t('courses.where')}</dt>
                <dd>{c.location ? `${c.location.municipality ?? ''} ${c.location.province ? `(${c.location.province})` : ''} · ${regionName(c.location.region)}` : t('mode.online')}</dd>
              </dl>
            </div>
          </div>
        </aside>
      </div>
    </div>
  );
}
