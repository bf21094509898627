import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, call, type Schemas } from '../../api/client';
import { placeLabel, searchPlaces } from '../../api/lookups';
import { useAccount } from '../../api/use-session';
import { Autocomplete } from '../../components/autocomplete';
import { Field, fieldError, SelectField } from '../../components/field';
import { chosenPlace, locationInput } from '../../components/place-input';
import { RequirementsEditor, type SkillLine } from '../../components/requirements-editor';
import { ErrorState, FormError, Loading } from '../../components/states';

type Mode = Schemas['CreateCourseRequestDto']['mode'];
type Funding = Schemas['CreateCourseRequestDto']['funding'][number];
type Status = Schemas['CreateCourseRequestDto']['status'];
interface SessionLine {
  id?: string;
  start: string;
  end: string;
  seats: string;
}
const FUNDING: Funding[] = ['GOL', 'FSE+', 'fondi_interprofessionali', 'regional', 'employer', 'none'];

export default function CourseEditorPage() {
  const { id = 'nuovo' } = useParams();
  const { t, i18n } = useTranslation();
  const isNew = id === 'nuovo';
  const course = useQuery({
    queryKey: ['course', id, i18n.language],
    queryFn: () => call(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
    enabled: !isNew,
  });
  if (!isNew && course.isPending) return <div className="container my-4"><Loading /></div>;
  if (course.isError) return <div className="container my-4"><ErrorState error={course.error} /></div>;
  return (
    <div className="container my-4" style={{ maxWidth: '52rem' }}>
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/ente">{t('nav.provider')}</Link>
      </nav>
      <h1 className="h2 mt-2">{isNew ? t('editor.newCourse') : t('editor.editCourse')}</h1>
      <CourseForm key={course.data?.id ?? 'new'} course={course.data ?? null} />
    </div>
  );
}

function CourseForm({ course }: { course: Schemas['CourseResponseDto'] | null }) {
  const { t } = useTranslation();
  const account = useAccount()!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [title, setTitle] = useState(course?.title ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [mode, setMode] = useState<Mode>(course?.mode ?? 'in_person');
  const [place, setPlace] = useState(chosenPlace(course?.location));
  const [hours, setHours] = useState(String(course?.hours ?? ''));
  const [cost, setCost] = useState(String(course?.costEur ?? 0));
  const [eqf, setEqf] = useState(course?.eqfLevel ? String(course.eqfLevel) : '');
  const [language, setLanguage] = useState(course?.language ?? 'it');
  const [funding, setFunding] = useState<Funding[]>(course?.funding ?? []);
  const [status, setStatus] = useState<Status>(course?.status ?? 'published');
  // A new course may arrive with a skill to teach, from the training-demand page.
  const suggested = (useLocation().state as { skill?: { skillId: string; label: string } } | null)?.skill;
  const [skills, setSkills] = useState<SkillLine[]>(
    course?.skillsTaught.map((s) => ({ skillId: s.skillId, label: s.label, level: s.targetLevel })) ?? (suggested ? [{ ...suggested, level: 2 }] : []),
  );
  const [prereqs, setPrereqs] = useState<SkillLine[]>(course?.prerequisites.map((s) => ({ skillId: s.skillId, label: s.label, level: 1 })) ?? []);
  const [sessions, setSessions] = useState<SessionLine[]>(
    course?.sessions.map((s) => ({ id: s.id, start: s.startsAt.slice(0, 10), end: s.endsAt.slice(0, 10), seats: String(s.seats) })) ?? [{ start: '', end: '', seats: '12' }],
  );
  const save = useMutation({
    mutationFn: () => {
      const body = {
        providerId: account.providerId!,
        title,
        description,
        mode,
        location: mode === 'online' ? null : locationInput(place),
        hours: Number(hours),
        costEur: Number(cost),
        eqfLevel: eqf ? Number(eqf) : null,
        language,
        funding,
        status,
        skillsTaught: skills.map((s) => ({ skillId: s.skillId, targetLevel: s.level })),
        prerequisites: prereqs.map((s) => s.skillId),
        sessions: sessions.map((s) => ({
          ...(s.id ? { id: s.id } : {}),
          startsAt: s.start ? new Date(`${s.start}T09:00:00`).toISOString() : '',
          endsAt: s.end ? new Date(`${s.end}T18:00:00`).toISOString() : '',
          seats: Number(s.seats),
        })),
      };
      return course ? call(api.PATCH('/api/v1/courses/{id}', { params: { path: { id: course.id } }, body })) : call(api.POST('/api/v1/courses', { body }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['courses'] });
      void qc.invalidateQueries({ queryKey: ['course'] });
      navigate('/ente');
    },
  });
  const error = save.error;
  const setSession = (i: number, patch: Partial<SessionLine>) => setSessions((list) => list.map((s, j) => (i === j ? { ...s, ...patch } : s)));

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
        <label htmlFor="course-description" className="active">
          {t('editor.description')}
        </label>
        <textarea id="course-description" className="form-control" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
        {fieldError(error, 'description') && <div className="field-error">{fieldError(error, 'description')}</div>}
      </div>
      <RequirementsEditor id="course-skills" lines={skills} onChange={setSkills} label={t('editor.skillsTaught')} levelLabel={t('editor.targetLevel')} error={fieldError(error, 'skillsTaught')} />
      <RequirementsEditor id="course-prereq" lines={prereqs} onChange={setPrereqs} label={t('editor.prerequisites')} levelLabel={t('editor.minLevel')} error={fieldError(error, 'prerequisites')} />
      <div className="row">
        <div className="col-md-6">
          <SelectField label={t('courses.mode')} value={mode} onChange={(v) => setMode(v as Mode)} options={(['in_person', 'blended', 'online'] as Mode[]).map((m) => ({ value: m, label: t(`mode.${m}`) }))} error={fieldError(error, 'mode')} />
        </div>
        <div className="col-md-6">
          <SelectField label={t('editor.status')} value={status} onChange={(v) => setStatus(v as Status)} options={(['draft', 'published', 'archived'] as Status[]).map((s) => ({ value: s, label: t(`courseStatus.${s}`) }))} error={fieldError(error, 'status')} />
        </div>
      </div>
      {mode !== 'online' && (
        <Autocomplete
          id="course-place"
          label={t('editor.where')}
          source="places"
          search={searchPlaces}
          itemKey={(p) => p.istatCode}
          primary={placeLabel}
          initialText={place?.label ?? ''}
          onSelect={(p) => setPlace({ code: p.istatCode, label: placeLabel(p) })}
          error={fieldError(error, 'location')}
        />
      )}
      <div className="row">
        <div className="col-md-4">
          <Field label={t('courses.hours')} type="number" min={1} value={hours} onChange={setHours} error={fieldError(error, 'hours')} />
        </div>
        <div className="col-md-4">
          <Field label={t('courses.cost')} type="number" min={0} value={cost} onChange={setCost} error={fieldError(error, 'costEur')} />
        </div>
        <div className="col-md-4">
          <Field label={t('courses.eqf')} type="number" min={1} max={8} value={eqf} onChange={setEqf} error={fieldError(error, 'eqfLevel')} />
        </div>
        <div className="col-md-4">
          <SelectField label={t('courses.language')} value={language} onChange={setLanguage} options={['it', 'en'].map((l) => ({ value: l, label: t(`languages.${l}`) }))} error={fieldError(error, 'language')} />
        </div>
      </div>
      <fieldset className="mb-4">
        <legend className="h6 fw-semibold">{t('courses.funding')}</legend>
        <div className="form-check-inline-list">
          {FUNDING.map((f) => (
            <div className="form-check" key={f}>
              <input id={`funding-${f}`} type="checkbox" checked={funding.includes(f)} onChange={(e) => setFunding((list) => (e.target.checked ? [...list, f] : list.filter((x) => x !== f)))} />
              <label htmlFor={`funding-${f}`}>{t(`funding.${f}`)}</label>
            </div>
          ))}
        </div>
        {fieldError(error, 'funding') && <div className="field-error">{fieldError(error, 'funding')}</div>}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h6 fw-semibold">{t('courses.sessions')}</legend>
        {sessions.map((s, i) => (
          <div className="row align-items-end" key={s.id ?? `new-${i}`}>
            <div className="col-md-4">
              <Field label={t('editor.sessionStart', { n: i + 1 })} type="date" value={s.start} onChange={(v) => setSession(i, { start: v })} error={fieldError(error, `sessions[${i}].startsAt`) ?? fieldError(error, `sessions.${i}.startsAt`)} />
            </div>
            <div className="col-md-4">
              <Field label={t('editor.sessionEnd', { n: i + 1 })} type="date" value={s.end} onChange={(v) => setSession(i, { end: v })} error={fieldError(error, `sessions[${i}].endsAt`) ?? fieldError(error, `sessions.${i}.endsAt`)} />
            </div>
            <div className="col-md-2">
              <Field label={t('editor.seats', { n: i + 1 })} type="number" min={1} value={s.seats} onChange={(v) => setSession(i, { seats: v })} error={fieldError(error, `sessions[${i}].seats`) ?? fieldError(error, `sessions.${i}.seats`)} />
            </div>
            <div className="col-md-2 mb-4">
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setSessions((list) => list.filter((_, j) => j !== i))}>
                {t('common.remove')} <span className="visually-hidden">{t('editor.sessionN', { n: i + 1 })}</span>
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setSessions((list) => [...list, { start: '', end: '', seats: '12' }])}>
          {t('editor.addSession')}
        </button>
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
