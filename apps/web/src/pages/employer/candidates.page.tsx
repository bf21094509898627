import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { formatDate, percent } from '../../components/format';
import { MoreButton, PAGE_SIZE, usePagedList } from '../../components/paged';
import { regionName } from '../../components/regions';
import { Empty, ErrorState, Loading } from '../../components/states';

type AppStatus = Schemas['UpdateApplicationRequestDto']['status'];
const NEXT: Record<string, AppStatus[]> = { received: ['shortlisted', 'rejected'], shortlisted: ['hired', 'rejected'] };

/** Candidates for a vacancy (anonymous until they apply) and the applications pipeline. */
/** The API keeps each vacancy's top 200 candidates (docs/matching.md). */
const MAX_CANDIDATES = 200;

export default function CandidatesPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const vacancy = useQuery({ queryKey: ['vacancy', id, i18n.language], queryFn: () => call(api.GET('/api/v1/vacancies/{id}', { params: { path: { id } } })) });
  // A ranked list, not a keyset one: "show more" asks for a longer top of the same stored ranking.
  const [limit, setLimit] = useState(PAGE_SIZE);
  const candidates = useQuery({
    queryKey: ['vacancy', id, 'candidates', limit],
    queryFn: () => call(api.GET('/api/v1/vacancies/{id}/candidates', { params: { path: { id }, query: { limit } } })),
    placeholderData: keepPreviousData,
    // Candidate lists are computed in the background after a vacancy changes.
    refetchInterval: (q) => (q.state.data?.items.length ? false : 3000),
  });
  const applications = usePagedList(['vacancy', id, 'applications', i18n.language], (cursor) =>
    call(api.GET('/api/v1/vacancies/{id}/applications', { params: { path: { id }, query: { limit: PAGE_SIZE, cursor } } })),
  );
  const move = useMutation({
    mutationFn: ({ appId, status }: { appId: string; status: AppStatus }) => call(api.PATCH('/api/v1/applications/{id}', { params: { path: { id: appId } }, body: { status } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['vacancy', id] }),
  });
  const lang = i18n.language;

  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/azienda">{t('nav.company')}</Link>
      </nav>
      <h1 className="h2 mt-2">{t('candidates.title', { vacancy: vacancy.data?.title ?? '' })}</h1>
      <p>
        <Link to={`/azienda/offerte/${id}`}>{t('candidates.editVacancy')}</Link>
      </p>
      <section className="my-4" aria-labelledby="cand-title">
        <h2 id="cand-title" className="h4">
          {t('candidates.matching')}
        </h2>
        <p className="small">{t('candidates.anonymousNotice')}</p>
        {candidates.isPending && <Loading />}
        {candidates.isError && <ErrorState error={candidates.error} />}
        {candidates.data && candidates.data.items.length === 0 && <Empty title={t('candidates.none')}>{t('candidates.noneHint')}</Empty>}
        {candidates.data && candidates.data.items.length > 0 && (
          <div className="table-responsive">
            <table className="table" data-testid="candidates">
              <caption>{t('candidates.caption', { count: candidates.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('candidates.who')}</th>
                  <th scope="col">{t('candidates.fit')}</th>
                  <th scope="col">{t('candidates.skillsMatched')}</th>
                  <th scope="col">{t('candidates.area')}</th>
                  <th scope="col">{t('candidates.status')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.data.items.map((c) => (
                  <tr key={c.ref}>
                    <th scope="row" className="fw-normal">
                      {c.revealed && c.applicant ? (
                        <>
                          <strong>{c.applicant.name}</strong>
                          {c.applicant.email && <span className="d-block small">{c.applicant.email}</span>}
                        </>
                      ) : (
                        t('candidates.anonymous', { ref: c.ref.slice(0, 8) })
                      )}
                    </th>
                    <td>{percent(c.score)}</td>
                    <td>{c.matchedSkills}</td>
                    <td>{[c.province, regionName(c.region)].filter(Boolean).join(' · ')}</td>
                    <td>{t(`employment.${c.employmentStatus}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <MoreButton
              list={{
                items: candidates.data.items,
                hasNextPage: candidates.data.items.length === limit && limit < MAX_CANDIDATES,
                isFetchingNextPage: candidates.isPlaceholderData,
                fetchNextPage: async () => setLimit((l) => Math.min(MAX_CANDIDATES, l + PAGE_SIZE)),
              }}
              what={t('candidates.matching')}
            />
          </div>
        )}
      </section>
      <section className="my-4" aria-labelledby="pipe-title">
        <h2 id="pipe-title" className="h4">
          {t('candidates.applications')}
        </h2>
        {applications.isPending && <Loading />}
        {applications.isError && <ErrorState error={applications.error} />}
        {applications.items?.length === 0 && <Empty title={t('candidates.noApplications')} />}
        <ul className="list-group">
          {applications.items?.map((a) => (
            <li key={a.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
              <span>
                <strong>{a.worker?.name ?? t('candidates.erased')}</strong>
                {a.worker?.home.municipality ? ` · ${a.worker.home.municipality}` : ''}
                <span className="d-block small">{t('activity.since', { date: formatDate(a.createdAt, lang) })}</span>
              </span>
              <span className="d-flex gap-2 align-items-center">
                <span className="badge bg-primary">{t(`applicationStatus.${a.status}`)}</span>
                {(NEXT[a.status] ?? []).map((s) => (
                  <button key={s} type="button" className="btn btn-outline-primary btn-sm" disabled={move.isPending} onClick={() => move.mutate({ appId: a.id, status: s })}>
                    {t(`candidates.move_${s}`)} <span className="visually-hidden">{a.worker?.name}</span>
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
        <MoreButton list={applications} what={t('candidates.applications')} />
      </section>
    </div>
  );
}
