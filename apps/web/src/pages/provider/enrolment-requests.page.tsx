import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { formatDate } from '../../components/format';
import { MoreButton, PAGE_SIZE, usePagedList } from '../../components/paged';
import { Empty, ErrorState, Loading } from '../../components/states';

export default function EnrolmentRequestsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const course = useQuery({ queryKey: ['course', id, i18n.language], queryFn: () => call(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })) });
  const requests = usePagedList(['course', id, 'enrolments'], (cursor) =>
    call(api.GET('/api/v1/courses/{id}/enrolments', { params: { path: { id }, query: { limit: PAGE_SIZE, cursor } } })),
  );
  const move = useMutation({
    mutationFn: ({ enrolmentId, status }: { enrolmentId: string; status: 'accepted' | 'declined' }) =>
      call(api.PATCH('/api/v1/enrolments/{id}', { params: { path: { id: enrolmentId } }, body: { status } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['course', id] }),
  });
  const lang = i18n.language;
  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/ente">{t('nav.provider')}</Link>
      </nav>
      <h1 className="h2 mt-2">{t('provider.requestsTitle', { course: course.data?.title ?? '' })}</h1>
      {requests.isPending && <Loading />}
      {requests.isError && <ErrorState error={requests.error} />}
      {requests.items?.length === 0 && <Empty title={t('provider.noRequests')} />}
      <ul className="list-group">
        {requests.items?.map((e) => (
          <li key={e.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
            <span>
              <strong>{e.worker?.name ?? t('candidates.erased')}</strong>
              {e.session && <span className="d-block small">{t('courses.sessionDates', { start: formatDate(e.session.startsAt, lang), end: formatDate(e.session.endsAt, lang) })}</span>}
            </span>
            <span className="d-flex gap-2 align-items-center">
              <span className="badge bg-primary">{t(`enrolmentStatus.${e.status}`)}</span>
              {e.status === 'requested' &&
                (['accepted', 'declined'] as const).map((s) => (
                  <button key={s} type="button" className="btn btn-outline-primary btn-sm" disabled={move.isPending} onClick={() => move.mutate({ enrolmentId: e.id, status: s })}>
                    {t(`provider.move_${s}`)} <span className="visually-hidden">{e.worker?.name}</span>
                  </button>
                ))}
            </span>
          </li>
        ))}
      </ul>
      <MoreButton list={requests} what={t('provider.requestsTitle', { course: course.data?.title ?? '' })} />
    </div>
  );
}
