import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { placeLabel, searchOccupations, searchPlaces, searchSkills } from '../../api/lookups';
import { session } from '../../api/session-store';
import { useAccount } from '../../api/use-session';
import { Autocomplete } from '../../components/autocomplete';
import { Field, fieldError, SelectField } from '../../components/field';
import { ErrorState, FormError, Loading } from '../../components/states';

type Status = Schemas['CreateWorkerRequestDto']['employmentStatus'];
type Source = Schemas['WorkerSkillRequestDto']['source'];
interface SkillRow {
  skillId: string;
  label: string;
  level: number;
  keep: boolean;
  source: Source;
  /** The level it had when it came in (inferred skills: 2); a change makes it the worker's own statement. */
  origin: number;
}
interface Occupation {
  occupationId: string;
  label: string;
  years: number;
}

const STEPS = ['home', 'occupations', 'skills', 'mobility', 'consent'] as const;
const LANGUAGE_CODES = ['it', 'en', 'fr', 'de', 'es', 'ro', 'ar', 'sq'];
/** The step each field the API may refuse belongs to. */
const FIELD_STEP: [string, number][] = [
  ['name', 0], ['email', 0], ['employmentStatus', 0], ['home', 0],
  ['previousOccupations', 1], ['skills', 2], ['mobilityRadiusKm', 3], ['languages', 3], ['visibleToEmployers', 4],
];

export default function ProfileWizardPage() {
  const account = useAccount()!;
  const { t } = useTranslation();
  const existing = useQuery({
    queryKey: ['worker', account.workerId],
    queryFn: () => call(api.GET('/api/v1/workers/{id}', { params: { path: { id: account.workerId! } } })),
    enabled: !!account.workerId,
  });
  if (account.workerId && existing.isPending) return <div className="container my-4"><Loading /></div>;
  if (existing.isError) return <div className="container my-4"><ErrorState error={existing.error} /></div>;
  return (
    <div className="container my-4" style={{ maxWidth: '52rem' }}>
      <h1 className="h2">{account.workerId ? t('wizard.editTitle') : t('wizard.title')}</h1>
      <p className="lead">{t('wizard.lead')}</p>
      <Wizard worker={existing.data ?? null} />
    </div>
  );
}

function Wizard({ worker }: { worker: Schemas['WorkerResponseDto'] | null }) {
  const { t } = useTranslation();
  const account = useAccount()!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const id = useId();
  const [step, setStep] = useState(0);
  const [name, setName] = useState(worker?.name ?? account.displayName);
  const [email, setEmail] = useState(worker?.email ?? account.email);
  const [status, setStatus] = useState<Status>(worker?.employmentStatus ?? 'displaced');
  const [home, setHome] = useState<{ code: string; label: string } | null>(
    worker?.home.municipalityCode ? { code: worker.home.municipalityCode, label: `${worker.home.municipality} (${worker.home.province})` } : null,
  );
  const [occupations, setOccupations] = useState<Occupation[]>(worker?.previousOccupations.map((o) => ({ occupationId: o.occupationId, label: o.label, years: o.years })) ?? []);
  const [skills, setSkills] = useState<SkillRow[]>(worker?.skills.map((s) => ({ skillId: s.skillId, label: s.label, level: s.level, keep: true, source: s.source, origin: s.level })) ?? []);
  const [radius, setRadius] = useState(String(worker?.mobilityRadiusKm ?? 30));
  const [languages, setLanguages] = useState<string[]>(worker?.languages ?? ['it']);
  const [visible, setVisible] = useState(worker?.visibleToEmployers ?? false);

  const addOccupation = async (hit: { occupationId: string; label: string }) => {
    if (occupations.some((o) => o.occupationId === hit.occupationId)) return;
    setOccupations((list) => [...list, { occupationId: hit.occupationId, label: hit.label, years: 1 }]);
    const detail = await call(api.GET('/api/v1/occupations/{id}', { params: { path: { id: hit.occupationId } } }));
    setSkills((list) => {
      const known = new Set(list.map((s) => s.skillId));
      const inferred = detail.essentialSkills.filter((s) => !known.has(s.skillId)).map((s) => ({ skillId: s.skillId, label: s.label, level: 2, keep: true, source: 'inferred' as Source, origin: 2 }));
      return [...list, ...inferred];
    });
  };

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        name,
        email,
        employmentStatus: status,
        home: { municipality: home?.code ?? '' },
        languages,
        mobilityRadiusKm: Number(radius),
        previousOccupations: occupations.map((o) => ({ occupationId: o.occupationId, years: o.years })),
        visibleToEmployers: visible,
      };
      const saved = worker
        ? await call(api.PATCH('/api/v1/workers/{id}', { params: { path: { id: worker.id } }, body }))
        : await call(api.POST('/api/v1/workers', { body }));
      const kept = skills
        .filter((s) => s.keep)
        .map((s) => ({ skillId: s.skillId, level: s.level, source: s.source === 'inferred' && s.level !== s.origin ? ('declared' as Source) : s.source }));
      await call(api.PUT('/api/v1/workers/{id}/skills', { params: { path: { id: saved.id } }, body: { skills: kept } }));
      if (!worker) session.updateAccount(await call(api.GET('/api/v1/me')));
      return saved;
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['worker'] });
      navigate('/lavoratore/opportunita');
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || !error.body?.errors.length) return;
      const first = error.body.errors[0].field;
      const target = FIELD_STEP.find(([prefix]) => first === prefix || first.startsWith(`${prefix}.`) || first.startsWith(`${prefix}[`));
      if (target) setStep(target[1]);
    },
  });
  const error = save.error;
  useEffect(() => {
    document.getElementById(`${id}-step`)?.focus();
  }, [step, id]);

  const last = step === STEPS.length - 1;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (last) save.mutate();
        else setStep(step + 1);
      }}
    >
      <ol className="wizard-steps" aria-label={t('wizard.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            {i + 1}. {t(`wizard.step_${s}`)}
          </li>
        ))}
      </ol>
      <FormError error={error} />
      <h2 id={`${id}-step`} tabIndex={-1} className="h4 my-3">
        {t(`wizard.step_${STEPS[step]}`)}
      </h2>

      {step === 0 && (
        <>
          <Field label={t('wizard.name')} value={name} onChange={setName} autoComplete="name" error={fieldError(error, 'name')} />
          <Field label={t('auth.email')} type="email" value={email} onChange={setEmail} autoComplete="email" error={fieldError(error, 'email')} />
          <SelectField
            label={t('wizard.status')}
            value={status}
            onChange={(v) => setStatus(v as Status)}
            options={(['displaced', 'at_risk', 'unemployed', 'employed'] as Status[]).map((s) => ({ value: s, label: t(`employment.${s}`) }))}
            error={fieldError(error, 'employmentStatus')}
          />
          <Autocomplete
            id="home-municipality"
            label={t('wizard.home')}
            source="places"
            search={searchPlaces}
            itemKey={(p) => p.istatCode}
            primary={placeLabel}
            secondary={(p) => p.regionName}
            initialText={home?.label ?? ''}
            onSelect={(p) => setHome({ code: p.istatCode, label: placeLabel(p) })}
            hint={home ? t('wizard.homeChosen', { place: home.label }) : t('wizard.homeHint')}
            error={fieldError(error, 'home')}
          />
        </>
      )}

      {step === 1 && (
        <>
          <Autocomplete
            id="occupation-search"
            label={t('wizard.occupationSearch')}
            source="occupations"
            search={searchOccupations}
            itemKey={(o) => o.occupationId}
            primary={(o) => o.label}
            secondary={(o) => o.matchedLabel}
            clearOnSelect
            onSelect={(o) => void addOccupation(o)}
            hint={t('wizard.occupationHint')}
            error={fieldError(error, 'previousOccupations')}
          />
          {occupations.length === 0 && <p>{t('wizard.noOccupations')}</p>}
          <ul className="list-group mb-4">
            {occupations.map((o, i) => (
              <li key={o.occupationId} className="list-group-item d-flex flex-wrap align-items-center gap-3">
                <span className="flex-grow-1 fw-semibold">{o.label}</span>
                <label htmlFor={`years-${i}`} className="mb-0">
                  {t('wizard.years')}
                </label>
                <input
                  id={`years-${i}`}
                  type="number"
                  min={0}
                  max={60}
                  className="form-control w-auto"
                  value={o.years}
                  onChange={(e) => setOccupations((list) => list.map((x) => (x.occupationId === o.occupationId ? { ...x, years: Number(e.target.value) } : x)))}
                />
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setOccupations((list) => list.filter((x) => x.occupationId !== o.occupationId))}>
                  {t('common.remove')} <span className="visually-hidden">{o.label}</span>
                </button>
              </li>
            ))}
          </ul>
          {skills.some((s) => s.source === 'inferred') && <p>{t('wizard.inferredIntro')}</p>}
          <SkillTable rows={skills.filter((s) => s.source === 'inferred')} onChange={setSkills} caption={t('wizard.inferredCaption')} />
        </>
      )}

      {step === 2 && (
        <>
          <Autocomplete
            id="skill-search"
            label={t('wizard.skillSearch')}
            source="skills"
            search={searchSkills}
            itemKey={(s) => s.skillId}
            primary={(s) => s.label}
            secondary={(s) => s.matchedLabel}
            clearOnSelect
            onSelect={(s) =>
              setSkills((list) =>
                list.some((x) => x.skillId === s.skillId)
                  ? list.map((x) => (x.skillId === s.skillId ? { ...x, keep: true } : x))
                  : [...list, { skillId: s.skillId, label: s.label, level: 2, keep: true, source: 'declared', origin: 2 }],
              )
            }
            hint={t('wizard.skillHint')}
            error={fieldError(error, 'skills')}
          />
          {skills.length === 0 ? <p>{t('wizard.noSkills')}</p> : <SkillTable rows={skills} onChange={setSkills} caption={t('wizard.allSkillsCaption')} />}
        </>
      )}

      {step === 3 && (
        <>
          <Field
            label={t('wizard.radius')}
            type="number"
            min={0}
            max={300}
            value={radius}
            onChange={setRadius}
            hint={t('wizard.radiusHint')}
            error={fieldError(error, 'mobilityRadiusKm')}
          />
          <fieldset className="mb-4">
            <legend className="h6 fw-semibold">{t('wizard.languages')}</legend>
            <div className="form-check-inline-list">
              {LANGUAGE_CODES.map((code) => (
                <div className="form-check" key={code}>
                  <input
                    id={`lang-${code}`}
                    type="checkbox"
                    checked={languages.includes(code)}
                    onChange={(e) => setLanguages((l) => (e.target.checked ? [...l, code] : l.filter((x) => x !== code)))}
                  />
                  <label htmlFor={`lang-${code}`}>{t(`languages.${code}`)}</label>
                </div>
              ))}
            </div>
            {fieldError(error, 'languages') && <div className="field-error">{fieldError(error, 'languages')}</div>}
          </fieldset>
        </>
      )}

      {step === 4 && (
        <>
          <div className="callout">
            <div className="callout-title">{t('wizard.consentTitle')}</div>
            <p>{t('wizard.consentText1')}</p>
            <p>{t('wizard.consentText2')}</p>
            <p className="mb-0">{t('wizard.consentText3')}</p>
          </div>
          <div className="form-check my-3">
            <input id="consent" type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
            <label htmlFor="consent">{t('wizard.consentLabel')}</label>
          </div>
        </>
      )}

      <div className="d-flex gap-2 mt-4">
        {step > 0 && (
          <button type="button" className="btn btn-outline-primary" onClick={() => setStep(step - 1)}>
            {t('common.back')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {last ? t('wizard.save') : t('common.next')}
        </button>
      </div>
    </form>
  );
}

function SkillTable({ rows, onChange, caption }: { rows: SkillRow[]; onChange: (f: (list: SkillRow[]) => SkillRow[]) => void; caption: string }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  const update = (skillId: string, patch: Partial<SkillRow>) => onChange((list) => list.map((s) => (s.skillId === skillId ? { ...s, ...patch } : s)));
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wizard.skill')}</th>
            <th scope="col">{t('wizard.keep')}</th>
            <th scope="col">{t('wizard.level')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.skillId}>
              <th scope="row" className="fw-normal">
                {s.label}
                {s.source === 'inferred' && <span className="badge bg-secondary ms-2">{t('wizard.inferred')}</span>}
              </th>
              <td>
                <div className="form-check mb-0">
                  <input id={`keep-${s.skillId}`} type="checkbox" checked={s.keep} onChange={(e) => update(s.skillId, { keep: e.target.checked })} />
                  <label htmlFor={`keep-${s.skillId}`}>
                    <span className="visually-hidden">{t('wizard.keepSkill', { skill: s.label })}</span>
                  </label>
                </div>
              </td>
              <td>
                <label htmlFor={`level-${s.skillId}`} className="visually-hidden">
                  {t('wizard.levelOf', { skill: s.label })}
                </label>
                <select id={`level-${s.skillId}`} className="form-select form-select-sm" value={s.level} disabled={!s.keep} onChange={(e) => update(s.skillId, { level: Number(e.target.value) })}>
                  {[1, 2, 3, 4].map((l) => (
                    <option key={l} value={l}>
                      {t(`levels.${l}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
