import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { placeLabel, searchPlaces } from '../../api/lookups';
import { useAccount } from '../../api/use-session';
import { Autocomplete } from '../../components/autocomplete';
import { Field, fieldError, SelectField } from '../../components/field';
import { ErrorState, FormError, Loading } from '../../components/states';
import { COHORT_REASONS, type CohortReason, useCohortBase } from './cohort-api';

const searchEmployers = async (q: string, signal: AbortSignal) =>
  (await call(api.GET('/api/v1/employers', { params: { query: { q, limit: 10 } }, signal }))).items;

/** A new cohort: admins choose the employer, an employer creates one for its own plant. */
export default function CohortCreatePage() {
  const { t } = useTranslation();
  const base = useCohortBase();
  const account = useAccount()!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const isAdmin = account.role === 'admin';
  const own = useQuery({
    queryKey: ['employer', account.employerId],
    queryFn: () => call(api.GET('/api/v1/employers/{id}', { params: { path: { id: account.employerId! } } })),
    enabled: !isAdmin && !!account.employerId,
  });
  const [name, setName] = useState('');
  const [employer, setEmployer] = useState<{ id: string; name: string } | null>(null);
  const [plant, setPlant] = useState<{ code: string; label: string } | null>(null);
  const [plantName, setPlantName] = useState('');
  const [reason, setReason] = useState<CohortReason>('closure');
  const [announcedOn, setAnnouncedOn] = useState('');
  const [titleLang, setTitleLang] = useState<'it' | 'en'>('it');

  const create = useMutation({
    mutationFn: async () => {
      const body = {
        name,
        employerId: (isAdmin ? employer?.id : account.employerId) ?? '',
        plant: { municipality: plant?.code ?? '', ...(plantName.trim() ? { name: plantName.trim() } : {}) },
        reason,
        announcedOn,
        titleLang,
      };
      return call(api.POST('/api/v1/cohorts', { body }));
    },
    onSuccess: (cohort) => {
      qc.setQueryData(['cohort', cohort.id], cohort);
      void qc.invalidateQueries({ queryKey: ['cohorts'] });
      navigate(`${base}/${cohort.id}`);
    },
  });
  const error = create.error;

  if (!isAdmin && !account.employerId) {
    return (
      <div className="container my-4">
        <h1 className="h2">{t('cohorts.newTitle')}</h1>
        <div className="callout">
          <div className="callout-title">{t('cohorts.noCompany')}</div>
          <Link to="/azienda">{t('cohorts.toCompany')}</Link>
        </div>
      </div>
    );
  }
  if (own.isPending && !isAdmin) return <div className="container my-4"><Loading /></div>;
  if (own.isError) return <div className="container my-4"><ErrorState error={own.error} onRetry={() => void own.refetch()} /></div>;

  return (
    <div className="container my-4" style={{ maxWidth: '48rem' }}>
      <nav aria-label={t('common.breadcrumb')}>
        <Link to={base}>{t('cohorts.title')}</Link>
      </nav>
      <h1 className="h2 mt-2">{t('cohorts.newTitle')}</h1>
      <p>{t('cohorts.newLead')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <FormError error={error} />
        <Field label={t('cohorts.name')} value={name} onChange={setName} maxLength={200} hint={t('cohorts.nameHint')} error={fieldError(error, 'name')} required />
        {isAdmin ? (
          <Autocomplete
            id="cohort-employer"
            label={t('cohorts.employer')}
            source="employers"
            search={searchEmployers}
            itemKey={(e) => e.id}
            primary={(e) => e.name}
            secondary={(e) => e.vatNumber ?? undefined}
            initialText={employer?.name ?? ''}
            onSelect={(e) => setEmployer({ id: e.id, name: e.name })}
            hint={t('cohorts.employerHint')}
            error={fieldError(error, 'employerId')}
          />
        ) : (
          <div className="mb-4">
            <p className="mb-1 fw-semibold">{t('cohorts.employer')}</p>
            <p data-testid="cohort-own-employer">{own.data?.name}</p>
            {fieldError(error, 'employerId') && <div className="field-error">{fieldError(error, 'employerId')}</div>}
          </div>
        )}
        <Autocomplete
          id="cohort-plant"
          label={t('cohorts.plantMunicipality')}
          source="places"
          search={searchPlaces}
          itemKey={(p) => p.istatCode}
          primary={placeLabel}
          initialText={plant?.label ?? ''}
          onSelect={(p) => setPlant({ code: p.istatCode, label: placeLabel(p) })}
          hint={t('cohorts.plantHint')}
          error={fieldError(error, 'plant.municipality') ?? fieldError(error, 'plant')}
        />
        <Field label={t('cohorts.plantName')} value={plantName} onChange={setPlantName} maxLength={120} error={fieldError(error, 'plant.name')} />
        <SelectField
          label={t('cohorts.reason')}
          value={reason}
          onChange={(v) => setReason(v as CohortReason)}
          options={COHORT_REASONS.map((r) => ({ value: r, label: t(`cohorts.reason_${r}`) }))}
          error={fieldError(error, 'reason')}
        />
        <Field label={t('cohorts.announcedOn')} type="date" value={announcedOn} onChange={setAnnouncedOn} error={fieldError(error, 'announcedOn')} required />
        <SelectField
          label={t('cohorts.titleLang')}
          value={titleLang}
          onChange={(v) => setTitleLang(v === 'en' ? 'en' : 'it')}
          options={[
            { value: 'it', label: t('languages.it') },
            { value: 'en', label: t('languages.en') },
          ]}
          error={fieldError(error, 'titleLang')}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('cohorts.create')}
        </button>
      </form>
    </div>
  );
}
