import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { type OccupationHit, searchOccupations } from '../../api/lookups';
import { useAccount } from '../../api/use-session';
import { Autocomplete } from '../../components/autocomplete';
import { fieldError } from '../../components/field';
import { formatDate, percent } from '../../components/format';
import { MoreButton, usePagedList } from '../../components/paged';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import {
  type Cohort, type CohortMember, CSV_TEMPLATE, fetchCohort, fetchMembers, isBusy, type RejectedRow, type UploadResult, uploadMembers, useCohortBase,
} from './cohort-api';

/** CSV columns in the order of the template, with the Italian header the API also accepts. */
const COLUMNS = [
  { name: 'employee_ref', alias: 'matricola', required: true },
  { name: 'municipality', alias: 'comune', required: true },
  { name: 'province', alias: 'provincia', required: false },
  { name: 'job_title', alias: 'mansione', required: true },
  { name: 'occupation_id', alias: '', required: false },
  { name: 'years', alias: 'anni', required: false },
  { name: 'skills', alias: 'competenze', required: false },
  { name: 'email', alias: '', required: false },
] as const;

/** The API names a row's field as in JSON; the person reads the CSV column. */
const COLUMN_OF: Record<string, string> = {
  employeeRef: 'employee_ref', municipality: 'municipality', province: 'province', jobTitle: 'job_title',
  occupationId: 'occupation_id', years: 'years', skills: 'skills', email: 'email',
};

/** One cohort: progress of the worker's processing, the member upload, titles to confirm, members and invitations. */
export default function CohortDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const base = useCohortBase();
  const qc = useQueryClient();
  const cohort = useQuery({
    queryKey: ['cohort', id],
    queryFn: () => fetchCohort(id),
    // The worker maps titles, makes pre-profiles and the report in the background: poll until it is done.
    refetchInterval: (q) => (q.state.data && isBusy(q.state.data) ? 1500 : false),
  });
  const data = cohort.data;
  const busy = data ? isBusy(data) : false;
  const toConfirm = data?.counts.toConfirm;
  const profiled = data?.counts.profiled;

  // Members change status as the worker goes: the lists follow the counts (not on the first render, which fetches them).
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (toConfirm === undefined) return;
    const now = `${toConfirm}/${profiled}/${busy}`;
    if (seen.current !== null && seen.current !== now) void qc.invalidateQueries({ queryKey: ['cohort', id, 'members'] });
    seen.current = now;
  }, [qc, id, toConfirm, profiled, busy]);

  if (cohort.isPending) return <div className="container my-4"><Loading /></div>;
  if (cohort.isError) return <div className="container my-4"><ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} /></div>;
  const c = cohort.data;
  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to={base}>{t('cohorts.title')}</Link>
      </nav>
      <h1 className="h2 mt-2">{c.name}</h1>
      <p className="lead mb-1">
        {c.employer.name} · {t(`cohorts.reason_${c.reason}`)} · {t('cohorts.announcedOnDate', { date: formatDate(c.announcedOn, i18n.language) })}
      </p>
      <p>
        {t('cohorts.plant')}: {[c.plant.name, c.plant.municipality && `${c.plant.municipality}${c.plant.province ? ` (${c.plant.province})` : ''}`].filter(Boolean).join(', ')}
      </p>
      <Progress cohort={c} />
      <div className="row mt-4">
        <div className="col-lg-6">
          <Upload cohort={c} />
        </div>
        <div className="col-lg-6">
          <ToConfirm cohort={c} />
        </div>
      </div>
      <Members cohort={c} />
    </div>
  );
}

/** What the worker has done so far, and the report once it is computed. */
function Progress({ cohort: c }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  const base = useCohortBase();
  const qc = useQueryClient();
  const n = c.counts;
  const busy = isBusy(c);
  const refresh = useMutation({
    mutationFn: () => call(api.POST('/api/v1/cohorts/{id}/report', { params: { path: { id: c.id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cohort', c.id] }),
  });
  // Each member goes through three steps: title mapped (or set aside), pre-profile made, matches computed;
  // then the report, counted as one more step per member so that the bar does not sit full while it is computed.
  const placeable = n.members - n.toConfirm;
  const reportDone = !!c.report && !c.report.stale && c.processing === 'ready';
  const total = n.members + 2 * placeable + n.members;
  const done = n.members - n.pending + n.profiled + n.matched + (reportDone ? n.members : 0);
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const steps = [
    { key: 'mapped', value: n.members - n.pending - n.toConfirm, of: n.members },
    { key: 'toConfirm', value: n.toConfirm, of: null },
    { key: 'profiled', value: n.profiled, of: placeable },
    { key: 'matched', value: n.matched, of: n.profiled },
    { key: 'invited', value: n.invited, of: null },
    { key: 'claimed', value: n.claimed, of: null },
  ];
  return (
    <section aria-labelledby="progress-title" className="card card-bg p-3 no-print">
      <h2 id="progress-title" className="h4">
        {t('cohorts.progress')}
      </h2>
      {n.members === 0 ? (
        <p className="mb-0">{t('cohorts.noMembersYet')}</p>
      ) : (
        <>
          <p role="status" aria-live="polite" data-testid="cohort-state">
            {busy ? t('cohorts.processing', { count: n.members }) : t('cohorts.processed', { count: n.members })}
          </p>
          {busy && (
            <div className="progress mb-3" style={{ height: '1rem' }}>
              <div
                className="progress-bar"
                role="progressbar"
                aria-label={t('cohorts.progress')}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(share * 100)}
                style={{ width: `${Math.round(share * 100)}%` }}
              />
            </div>
          )}
          <dl className="row mb-0 cohort-counts" data-testid="cohort-counts">
            <dt className="col-sm-6">{t('cohorts.count_members')}</dt>
            <dd className="col-sm-6">{n.members}</dd>
            {steps.map((s) => (
              <Fragment key={s.key}>
                <dt className="col-sm-6">{t(`cohorts.count_${s.key}`)}</dt>
                <dd className="col-sm-6" data-testid={`count-${s.key}`}>
                  {s.of === null ? s.value : t('cohorts.countOf', { value: s.value, of: s.of })}
                </dd>
              </Fragment>
            ))}
            <dt className="col-sm-6">{t('cohorts.count_report')}</dt>
            <dd className="col-sm-6" data-testid="count-report">
              {reportDone ? t('cohorts.reportReady') : t('cohorts.reportPending')}
            </dd>
          </dl>
        </>
      )}
      {c.report && (
        <div className="d-flex flex-wrap align-items-center gap-3 mt-3">
          <Link className="btn btn-primary" to={`${base}/${c.id}/rapporto`}>
            {t('cohorts.openReport')}
          </Link>
          <span className="small">
            {c.report.stale ? t('cohorts.reportUpdating') : t('cohorts.reportComputed', { date: new Date(c.report.computedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT') })}
          </span>
          {!busy && (
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
              {t('cohorts.recompute')}
            </button>
          )}
        </div>
      )}
      {refresh.isError && <ErrorState error={refresh.error} />}
    </section>
  );
}

/** The CSV upload: what the file must hold, a template, and the rows the API refused with their line. */
function Upload({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => uploadMembers(cohort.id, await file!.text()),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['cohort', cohort.id] });
      void qc.invalidateQueries({ queryKey: ['cohorts'] });
    },
  });
  const error = upload.error;
  const fileError = fieldError(error, 'file') ?? fieldError(error, 'members');
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(CSV_TEMPLATE)}`;
  return (
    <section aria-labelledby="upload-title" className="mb-4 no-print">
      <h2 id="upload-title" className="h4">
        {t('cohorts.uploadTitle')}
      </h2>
      <p>{t('cohorts.uploadLead')}</p>
      <details className="mb-3">
        <summary>{t('cohorts.columnsSummary')}</summary>
        <div className="table-responsive mt-2">
          <table className="table table-sm">
            <caption>{t('cohorts.columnsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.column')}</th>
                <th scope="col">{t('cohorts.columnMeaning')}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS.map((col) => (
                <tr key={col.name}>
                  <th scope="row">
                    <code>{col.name}</code>
                    {col.alias && (
                      <>
                        {' '}
                        <span className="small">({col.alias})</span>
                      </>
                    )}
                  </th>
                  <td>
                    {t(`cohorts.col_${col.name}`)} {col.required ? <strong>{t('cohorts.required')}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="small">{t('cohorts.csvRules')}</p>
      </details>
      <p>
        <a href={template} download="coorte-esempio.csv" data-testid="csv-template">
          {t('cohorts.template')}
        </a>
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate();
        }}
      >
        <div className="mb-3">
          <label htmlFor={inputId} className="form-label d-block fw-semibold">
            {t('cohorts.file')}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className={`form-control${fileError ? ' is-invalid' : ''}`}
            aria-describedby={[`${inputId}-hint`, fileError ? `${inputId}-error` : ''].filter(Boolean).join(' ')}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
          <small id={`${inputId}-hint`} className="form-text">
            {t('cohorts.fileHint')}
          </small>
          {fileError && (
            <div id={`${inputId}-error`} className="field-error">
              {fileError}
            </div>
          )}
        </div>
        {!fileError && <FormError error={error} />}
        <button type="submit" className="btn btn-primary" disabled={!file || upload.isPending}>
          {upload.isPending ? t('cohorts.uploading') : t('cohorts.upload')}
        </button>
      </form>
      {upload.data && <UploadOutcome result={upload.data} />}
    </section>
  );
}

function UploadOutcome({ result }: { result: UploadResult }) {
  const { t } = useTranslation();
  return (
    <div className="mt-3" data-testid="upload-outcome">
      <div className={`alert ${result.rejected.length ? 'alert-warning' : 'alert-success'}`} role="status">
        {t('cohorts.uploadSummary', { received: result.received, accepted: result.accepted, created: result.created, unchanged: result.unchanged })}{' '}
        {result.rejected.length > 0 && t('cohorts.uploadRejected', { count: result.rejected.length })}
      </div>
      {result.rejected.length > 0 && <RejectedTable rows={result.rejected} />}
    </div>
  );
}

function RejectedTable({ rows }: { rows: RejectedRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm" data-testid="rejected-rows">
        <caption>{t('cohorts.rejectedCaption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cohorts.line')}</th>
            <th scope="col">{t('cohorts.employeeRef')}</th>
            <th scope="col">{t('cohorts.column')}</th>
            <th scope="col">{t('cohorts.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.line}-${r.field}`}>
              <th scope="row">{r.line}</th>
              <td>{r.employeeRef ?? '—'}</td>
              <td>
                <code>{COLUMN_OF[r.field] ?? r.field}</code>
              </td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Members whose job title gave no confident occupation: a person picks one of the suggestions, or another. */
function ToConfirm({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  const list = usePagedList(['cohort', cohort.id, 'members', 'to_confirm', i18n.language], (cursor) => fetchMembers(cohort.id, 'to_confirm', cursor, i18n.language));
  // Said here rather than in the member's form, which leaves the list as soon as the list is fetched again.
  const [confirmed, setConfirmed] = useState<{ ref: string; occupation: string } | null>(null);
  return (
    <section aria-labelledby="confirm-title" className="mb-4 no-print">
      <h2 id="confirm-title" className="h4">
        {t('cohorts.confirmTitle')}
      </h2>
      <p>{t('cohorts.confirmLead')}</p>
      <div role="status" aria-live="polite" data-testid="confirmed">
        {confirmed && <div className="alert alert-success">{t('cohorts.confirmed', confirmed)}</div>}
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.items?.length === 0 && <Empty title={cohort.counts.members === 0 ? t('cohorts.confirmNoMembers') : t('cohorts.confirmNone')} />}
      <ul className="list-unstyled" data-testid="to-confirm">
        {list.items?.map((m) => (
          <li key={m.id} className="mb-3">
            <ConfirmMember cohortId={cohort.id} member={m} onConfirmed={(occupation) => setConfirmed({ ref: m.employeeRef, occupation })} />
          </li>
        ))}
      </ul>
      <MoreButton list={list} what={t('cohorts.confirmTitle')} />
    </section>
  );
}

function ConfirmMember({ cohortId, member, onConfirmed }: { cohortId: string; member: CohortMember; onConfirmed: (occupation: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const name = useId();
  const [choice, setChoice] = useState<{ id: string; label: string } | null>(
    member.suggestions[0] ? { id: member.suggestions[0].occupationId, label: member.suggestions[0].label } : null,
  );
  const [other, setOther] = useState<{ id: string; label: string } | null>(null);
  const confirm = useMutation({
    mutationFn: () =>
      call(api.PATCH('/api/v1/cohorts/{id}/members/{memberId}', { params: { path: { id: cohortId, memberId: member.id } }, body: { occupationId: choice?.id ?? '' } })),
    onSuccess: () => {
      onConfirmed(choice?.label ?? '');
      void qc.invalidateQueries({ queryKey: ['cohort', cohortId] });
    },
  });
  const error = confirm.error;
  const options: { id: string; label: string; confidence: number | null }[] = [
    ...member.suggestions.map((s) => ({ id: s.occupationId, label: s.label, confidence: s.confidence })),
    ...(other ? [{ ...other, confidence: null }] : []),
  ];
  return (
    <form
      noValidate
      className="card card-bg p-3"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate();
      }}
    >
      <fieldset>
        <legend className="h6 fw-semibold">
          {member.employeeRef} · “{member.jobTitle ?? '—'}” · {member.municipality}
        </legend>
        {options.length === 0 && <p className="small">{t('cohorts.noSuggestions')}</p>}
        {options.map((o) => (
          <div className="form-check" key={o.id}>
            <input id={`${name}-${o.id}`} name={name} type="radio" checked={choice?.id === o.id} onChange={() => setChoice({ id: o.id, label: o.label })} />
            <label htmlFor={`${name}-${o.id}`}>
              {o.label}
              {o.confidence !== null && <span className="small ms-2">{t('cohorts.confidence', { value: percent(o.confidence) })}</span>}
            </label>
          </div>
        ))}
      </fieldset>
      <Autocomplete<OccupationHit>
        label={t('cohorts.otherOccupation', { ref: member.employeeRef })}
        source="occupations"
        search={searchOccupations}
        itemKey={(o) => o.occupationId}
        primary={(o) => o.label}
        secondary={(o) => o.matchedLabel}
        clearOnSelect
        onSelect={(o) => {
          setOther({ id: o.occupationId, label: o.label });
          setChoice({ id: o.occupationId, label: o.label });
        }}
        error={fieldError(error, 'occupationId')}
      />
      {!fieldError(error, 'occupationId') && <FormError error={error} />}
      <div>
        <button type="submit" className="btn btn-primary btn-sm" disabled={!choice || confirm.isPending || confirm.isSuccess}>
          {t('cohorts.confirm')} <span className="visually-hidden">{member.employeeRef}</span>
        </button>
      </div>
    </form>
  );
}

/** Every member with where they stand; admins send an invitation to a member who had no email. */
function Members({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  const admin = useAccount()?.role === 'admin';
  const list = usePagedList(['cohort', cohort.id, 'members', 'all', i18n.language], (cursor) => fetchMembers(cohort.id, undefined, cursor, i18n.language));
  if (cohort.counts.members === 0) return null;
  return (
    <section aria-labelledby="members-title" className="no-print">
      <h2 id="members-title" className="h4">
        {t('cohorts.membersTitle')}
      </h2>
      <p>{admin ? t('cohorts.membersLeadAdmin') : t('cohorts.membersLead')}</p>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.items && list.items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="members">
            <caption>{t('cohorts.membersCaption', { count: cohort.counts.members })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.employeeRef')}</th>
                <th scope="col">{t('cohorts.jobTitle')}</th>
                <th scope="col">{t('cohorts.occupation')}</th>
                <th scope="col">{t('cohorts.municipality')}</th>
                <th scope="col">{t('cohorts.state')}</th>
                <th scope="col">{t('cohorts.invitation')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.employeeRef}</th>
                  <td>{m.jobTitle ?? '—'}</td>
                  <td>{m.occupation?.label ?? '—'}</td>
                  <td>{m.municipality}</td>
                  <td>{t(`cohorts.status_${m.status}`)}</td>
                  <td>
                    <Invitation cohortId={cohort.id} member={m} admin={admin} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MoreButton list={list} what={t('cohorts.membersTitle')} />
    </section>
  );
}

function Invitation({ cohortId, member: m, admin }: { cohortId: string; member: CohortMember; admin: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const inputId = useId();
  const [email, setEmail] = useState('');
  const invite = useMutation({
    mutationFn: () => call(api.POST('/api/v1/cohorts/{id}/members/{memberId}/invitation', { params: { path: { id: cohortId, memberId: m.id } }, body: { email } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cohort', cohortId] }),
  });
  if (m.claimed) return <span className="badge bg-success">{t('cohorts.inv_claimed')}</span>;
  if (m.invited) return <span>{t('cohorts.inv_sent')}</span>;
  if (invite.isSuccess || m.hasEmail) return <span>{m.status === 'profiled' || invite.isSuccess ? t('cohorts.inv_queued') : t('cohorts.inv_afterProfile')}</span>;
  if (!admin || m.status !== 'profiled') return <span>{t('cohorts.inv_noEmail')}</span>;
  const error = fieldError(invite.error, 'email');
  return (
    <form
      noValidate
      className="d-flex flex-wrap align-items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate();
      }}
    >
      <div>
        <label htmlFor={inputId} className="visually-hidden">
          {t('cohorts.inviteEmail', { ref: m.employeeRef })}
        </label>
        <input
          id={inputId}
          type="email"
          className={`form-control form-control-sm${error ? ' is-invalid' : ''}`}
          placeholder={t('cohorts.emailPlaceholder')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        {error && (
          <div id={`${inputId}-error`} className="field-error">
            {error}
          </div>
        )}
        {invite.isError && !error && <div className="field-error">{invite.error.message}</div>}
      </div>
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={invite.isPending || !email}>
        {t('cohorts.invite')} <span className="visually-hidden">{m.employeeRef}</span>
      </button>
    </form>
  );
}
