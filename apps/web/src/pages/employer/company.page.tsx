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

/** The employer's company profile and its vacancies. */
export default function CompanyPage() {
  const { t } = useTranslation();
  const account = useAccount()!;
  const employer = useQuery({
    queryKey: ['employer', account.employerId],
    queryFn: () => call(api.GET('/api/v1/employers/{id}', { params: { path: { id: account.employerId! } } })),
    enabled: !!account.employerId,
  });
  if (account.employerId && employer.isPending) return <div className="container my-4"><Loading /></div>;
  if (employer.isError) return <div className="container my-4"><ErrorState error={employer.error} /></div>;
  return (
    <div className="container my-4">
      <h1 className="h2">{t('company.title')}</h1>
      {account.employerId && (
        <p>
          <Link to="/azienda/coorti">{t('cohorts.companyLink')}</Link> <span className="small">{t('cohorts.companyLinkHint')}</span>
        </p>
      )}
      <div className="row">
        <div className="col-lg-6">
          <CompanyForm employer={employer.data ?? null} />
        </div>
        <div className="col-lg-6">{account.employerId && <VacancyList employerId={account.employerId} />}</div>
      </div>
    </div>
  );
}

function CompanyForm({ employer }: { employer: Schemas['EmployerResponseDto'] | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState(employer?.name ?? '');
  const [vat, setVat] = useState(employer?.vatNumber ?? '');
  const [nace, setNace] = useState(employer?.naceCode ?? '');
  const [site, setSite] = useState(chosenPlace(employer?.sites[0]));
  const save = useMutation({
    mutationFn: async () => {
      // The first site is edited here; the others are kept as they are.
      const others = (employer?.sites.slice(1) ?? []).map((s) => ({ lat: s.lat, lng: s.lng, name: s.name ?? undefined }));
      const body = { name, vatNumber: vat, naceCode: nace || null, sites: [...(site ? [{ municipality: site.code }] : []), ...others] };
      const saved = employer
        ? await call(api.PATCH('/api/v1/employers/{id}', { params: { path: { id: employer.id } }, body }))
        : await call(api.POST('/api/v1/employers', { body }));
      // Cached first, so that the page does not fall back to loading when the account gains its record.
      qc.setQueryData(['employer', saved.id], saved);
      if (!employer) session.updateAccount(await call(api.GET('/api/v1/me')));
      return saved;
    },
    onSuccess: (saved) => qc.setQueryData(['employer', saved.id], saved),
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
      <h2 className="h4">{t('company.profile')}</h2>
      <FormError error={error} />
      {save.isSuccess && (
        <div className="alert alert-success" role="status">
          {t('common.saved')}
        </div>
      )}
      <Field label={t('company.name')} value={name} onChange={setName} error={fieldError(error, 'name')} />
      <Field label={t('company.vat')} value={vat} onChange={setVat} error={fieldError(error, 'vatNumber')} hint={t('company.vatHint')} />
      <Field label={t('company.nace')} value={nace} onChange={setNace} error={fieldError(error, 'naceCode')} hint={t('company.naceHint')} />
      <Autocomplete
        label={t('company.site')}
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

function VacancyList({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const vacancies = usePagedList(['vacancies', employerId, i18n.language], (cursor) =>
    call(api.GET('/api/v1/vacancies', { params: { query: { employerId, limit: PAGE_SIZE, cursor } } })),
  );
  return (
    <section aria-labelledby="vacancies-title">
      <div className="d-flex justify-content-between align-items-center">
        <h2 id="vacancies-title" className="h4">
          {t('company.vacancies')}
        </h2>
        <Link className="btn btn-primary btn-sm" to="/azienda/offerte/nuova">
          {t('company.newVacancy')}
        </Link>
      </div>
      {vacancies.isPending && <Loading />}
      {vacancies.isError && <ErrorState error={vacancies.error} />}
      {vacancies.items?.length === 0 && <Empty title={t('company.noVacancies')} />}
      <ul className="list-group mt-3">
        {vacancies.items?.map((v) => (
          <li key={v.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
            <span>
              <Link to={`/azienda/offerte/${v.id}`}>{v.title}</Link> <span className="badge bg-secondary">{t(`vacancyStatus.${v.status}`)}</span>
            </span>
            <Link className="btn btn-outline-primary btn-sm" to={`/azienda/offerte/${v.id}/candidati`}>
              {t('company.candidates')} <span className="visually-hidden">{v.title}</span>
            </Link>
          </li>
        ))}
      </ul>
      <MoreButton list={vacancies} what={t('company.vacancies')} />
    </section>
  );
}
