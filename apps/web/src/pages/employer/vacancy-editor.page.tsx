import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { placeLabel, searchOccupations, searchPlaces } from '../../api/lookups';
import { useAccount } from '../../api/use-session';
import { Autocomplete } from '../../components/autocomplete';
import { Field, fieldError, SelectField } from '../../components/field';
import { chosenPlace, locationInput } from '../../components/place-input';
import { RequirementsEditor, type SkillLine } from '../../components/requirements-editor';
import { ErrorState, FormError, Loading } from '../../components/states';
import { CandidatePreview } from './candidate-preview';

type Contract = Schemas['CreateVacancyRequestDto']['contractType'];
type Status = Schemas['CreateVacancyRequestDto']['status'];

export default function VacancyEditorPage() {
  const { id = 'nuova' } = useParams();
  const { t, i18n } = useTranslation();
  const isNew = id === 'nuova';
  const vacancy = useQuery({
    queryKey: ['vacancy', id, i18n.language],
    queryFn: () => call(api.GET('/api/v1/vacancies/{id}', { params: { path: { id } } })),
    enabled: !isNew,
  });
  if (!isNew && vacancy.isPending) return <div className="container my-4"><Loading /></div>;
  if (vacancy.isError) return <div className="container my-4"><ErrorState error={vacancy.error} /></div>;
  return (
    <div className="container my-4" style={{ maxWidth: '52rem' }}>
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/azienda">{t('nav.company')}</Link>
      </nav>
      <h1 className="h2 mt-2">{isNew ? t('editor.newVacancy') : t('editor.editVacancy')}</h1>
      <VacancyForm key={vacancy.data?.id ?? 'new'} vacancy={vacancy.data ?? null} />
    </div>
  );
}

function VacancyForm({ vacancy }: { vacancy: Schemas['VacancyResponseDto'] | null }) {
  const { t } = useTranslation();
  const account = useAccount()!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [title, setTitle] = useState(vacancy?.title ?? '');
  const [description, setDescription] = useState(vacancy?.description ?? '');
  const [occupation, setOccupation] = useState(vacancy?.occupation ? { id: vacancy.occupation.occupationId, label: vacancy.occupation.label } : null);
  const [place, setPlace] = useState(chosenPlace(vacancy?.location));
  const [remote, setRemote] = useState(vacancy?.remote ?? false);
  const [contract, setContract] = useState<Contract>(vacancy?.contractType ?? 'permanent');
  const [salaryMin, setSalaryMin] = useState(vacancy?.salaryMinEur ? String(vacancy.salaryMinEur) : '');
  const [salaryMax, setSalaryMax] = useState(vacancy?.salaryMaxEur ? String(vacancy.salaryMaxEur) : '');
  const [openings, setOpenings] = useState(String(vacancy?.openings ?? 1));
  const [expires, setExpires] = useState(vacancy?.expiresAt?.slice(0, 10) ?? '');
  const [status, setStatus] = useState<Status>(vacancy?.status ?? 'open');
  const [requirements, setRequirements] = useState<SkillLine[]>(
    vacancy?.requirements.map((r) => ({ skillId: r.skillId, label: r.label, level: r.minLevel, importance: r.importance })) ?? [],
  );
  const save = useMutation({
    mutationFn: () => {
      const body = {
        employerId: account.employerId!,
        title,
        description,
        occupationId: occupation?.id ?? null,
        location: locationInput(place),
        remote,
        contractType: contract,
        salaryMinEur: salaryMin ? Number(salaryMin) : null,
        salaryMaxEur: salaryMax ? Number(salaryMax) : null,
        openings: Number(openings),
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
        status,
        requirements: requirements.map((r) => ({ skillId: r.skillId, minLevel: r.level, importance: r.importance ?? 'essential' })),
      };
      return vacancy
        ? call(api.PATCH('/api/v1/vacancies/{id}', { params: { path: { id: vacancy.id } }, body }))
        : call(api.POST('/api/v1/vacancies', { body }));
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['vacancies'] });
      qc.setQueryData(['vacancy', saved.id], saved);
      navigate(`/azienda/offerte/${saved.id}/candidati`);
    },
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
      <FormError error={error} />
      <Field label={t('editor.title')} value={title} onChange={setTitle} error={fieldError(error, 'title')} />
      <div className="form-group mb-4">
        <label htmlFor="vacancy-description" className="active">
          {t('editor.description')}
        </label>
        <textarea id="vacancy-description" className="form-control" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} aria-describedby={fieldError(error, 'description') ? 'vacancy-description-error' : undefined} />
        {fieldError(error, 'description') && <div id="vacancy-description-error" className="field-error">{fieldError(error, 'description')}</div>}
      </div>
      <Autocomplete
        id="vacancy-occupation"
        label={t('editor.occupation')}
        source="occupations"
        search={searchOccupations}
        itemKey={(o) => o.occupationId}
        primary={(o) => o.label}
        initialText={occupation?.label ?? ''}
        onSelect={(o) => setOccupation({ id: o.occupationId, label: o.label })}
        error={fieldError(error, 'occupationId')}
      />
      <RequirementsEditor id="vacancy-req" lines={requirements} onChange={setRequirements} label={t('editor.requirements')} levelLabel={t('editor.minLevel')} withImportance error={fieldError(error, 'requirements')} />
      <Autocomplete
        id="vacancy-place"
        label={t('editor.where')}
        source="places"
        search={searchPlaces}
        itemKey={(p) => p.istatCode}
        primary={placeLabel}
        initialText={place?.label ?? ''}
        onSelect={(p) => setPlace({ code: p.istatCode, label: placeLabel(p) })}
        error={fieldError(error, 'location')}
      />
      <div className="form-check mb-4">
        <input id="vacancy-remote" type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} />
        <label htmlFor="vacancy-remote">{t('vacancies.remote_true')}</label>
      </div>
      <CandidatePreview employerId={account.employerId} requirements={requirements} municipality={place?.code ?? null} remote={remote} />
      <div className="row">
        <div className="col-md-6">
          <SelectField label={t('vacancies.contract')} value={contract} onChange={(v) => setContract(v as Contract)} options={(['permanent', 'fixed_term', 'apprenticeship', 'temporary'] as Contract[]).map((c) => ({ value: c, label: t(`contract.${c}`) }))} error={fieldError(error, 'contractType')} />
        </div>
        <div className="col-md-6">
          <SelectField label={t('editor.status')} value={status} onChange={(v) => setStatus(v as Status)} options={(['draft', 'open', 'closed'] as Status[]).map((s) => ({ value: s, label: t(`vacancyStatus.${s}`) }))} error={fieldError(error, 'status')} />
        </div>
        <div className="col-md-6">
          <Field label={t('editor.salaryMin')} type="number" min={0} value={salaryMin} onChange={setSalaryMin} error={fieldError(error, 'salaryMinEur')} />
        </div>
        <div className="col-md-6">
          <Field label={t('editor.salaryMax')} type="number" min={0} value={salaryMax} onChange={setSalaryMax} error={fieldError(error, 'salaryMaxEur')} />
        </div>
        <div className="col-md-6">
          <Field label={t('vacancies.openings')} type="number" min={1} value={openings} onChange={setOpenings} error={fieldError(error, 'openings')} />
        </div>
        <div className="col-md-6">
          <Field label={t('vacancies.expires')} type="date" value={expires} onChange={setExpires} error={fieldError(error, 'expiresAt')} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
