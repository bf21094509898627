import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { placeLabel, searchPlaces } from '../../api/lookups';
import { session } from '../../api/session-store';
import { useAccount } from '../../api/use-session';
import { Autocomplete } from '../../components/autocomplete';
import { Field, fieldError } from '../../components/field';
import { MoreButton, PAGE_SIZE, usePagedList } from '../../components/paged';
import { chosenPlace } from '../../components/place-input';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';

/** The training body's profile and its courses. */
export default function ProviderPage() {
  const { t } = useTranslation();
  const account = useAccount()!;
  const provider = useQuery({
    queryKey: ['provider', account.providerId],
    queryFn: () => call(api.GET('/api/v1/providers/{id}', { params: { path: { id: account.providerId! } } })),
    enabled: !!account.providerId,
  });
  if (account.providerId && provider.isPending) return <div className="container my-4"><Loading /></div>;
  if (provider.isError) return <div className="container my-4"><ErrorState error={provider.error} /></div>;
  return (
    <div className="container my-4">
      <h1 className="h2">{t('provider.title')}</h1>
      <div className="callout note my-3">
        <div className="callout-title">{t('demandPreview.demand.link')}</div>
        <p className="mb-1">{t('demandPreview.demand.linkHint')}</p>
        <Link to="/ente/domanda-formativa">{t('demandPreview.demand.openLink')}</Link>
      </div>
      <div className="row">
        <div className="col-lg-6">
          <ProviderForm provider={provider.data ?? null} />
        </div>
        <div className="col-lg-6">{account.providerId && <CourseList providerId={account.providerId} />}</div>
      </div>
    </div>
  );
}

function ProviderForm({ provider }: { provider: Schemas['ProviderResponseDto'] | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState(provider?.name ?? '');
  const [accreditation, setAccreditation] = useState(provider?.accreditation ?? '');
  const [site, setSite] = useState(chosenPlace(provider?.sites[0]));
  const save = useMutation({
    mutationFn: async () => {
      const others = (provider?.sites.slice(1) ?? []).map((s) => ({ lat: s.lat, lng: s.lng, name: s.name ?? undefined }));
      const body = { name, accreditation: accreditation || null, sites: [...(site ? [{ municipality: site.code }] : []), ...others] };
      const saved = provider
        ? await call(api.PATCH('/api/v1/providers/{id}', { params: { path: { id: provider.id } }, body }))
        : await call(api.POST('/api/v1/providers', { body }));
      // Cached first, so that the page does not fall back to loading when the account gains its record.
      qc.setQueryData(['provider', saved.id], saved);
      if (!provider) session.updateAccount(await call(api.GET('/api/v1/me')));
      return saved;
    },
    onSuccess: (saved) => qc.setQueryData(['provider', saved.id], saved),
  });
  const error = save.error;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="h4">{t('provider.profile')}</h2>
      <FormError error={error} />
      {save.isSuccess && (
        <div className="alert alert-success" role="status">
          {t('common.saved')}
        </div>
      )}
      <Field label={t('provider.name')} value={name} onChange={setName} error={fieldError(error, 'name')} />
      <Field label={t('provider.accreditation')} value={accreditation} onChange={setAccreditation} error={fieldError(error, 'accreditation')} />
      <Autocomplete
        label={t('provider.site')}
        source="places"
        search={searchPlaces}
        itemKey={(p) => p.istatCode}
        primary={placeLabel}
        initialText={site?.label ?? ''}
        onSelect={(p) => setSite({ code: p.istatCode, label: placeLabel(p) })}
        error={fieldError(error, 'sites')}
      />
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}

function CourseList({ providerId }: { providerId: string }) {
  const { t, i18n } = useTranslation();
  const courses = usePagedList(['courses', providerId, i18n.language], (cursor) =>
    call(api.GET('/api/v1/courses', { params: { query: { providerId, limit: PAGE_SIZE, cursor } } })),
  );
  return (
    <section aria-labelledby="courses-title">
      <div className="d-flex justify-content-between align-items-center">
        <h2 id="courses-title" className="h4">
          {t('provider.courses')}
        </h2>
        <Link className="btn btn-primary btn-sm" to="/ente/corsi/nuovo">
          {t('provider.newCourse')}
        </Link>
      </div>
      {courses.isPending && <Loading />}
      {courses.isError && <ErrorState error={courses.error} />}
      {courses.items?.length === 0 && <Empty title={t('provider.noCourses')} />}
      <ul className="list-group mt-3">
        {courses.items?.map((c) => (
          <li key={c.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
            <span>
              <Link to={`/ente/corsi/${c.id}`}>{c.title}</Link> <span className="badge bg-secondary">{t(`courseStatus.${c.status}`)}</span>
            </span>
            <Link className="btn btn-outline-primary btn-sm" to={`/ente/corsi/${c.id}/iscrizioni`}>
              {t('provider.requests')} <span className="visually-hidden">{c.title}</span>
            </Link>
          </li>
        ))}
      </ul>
      <MoreButton list={courses} what={t('provider.courses')} />
    </section>
  );
}
