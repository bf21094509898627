import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { session } from '../../api/session-store';
import { useAccount } from '../../api/use-session';
import { AccountFields, useRegistration } from '../../components/account-fields';
import { fieldError } from '../../components/field';
import { formatDate } from '../../components/format';
import { Empty, ErrorState, FormError, Loading } from '../../components/states';
import type { ClaimPreview } from '../admin/cohort-api';

/**
 * The link of a cohort invitation mail (PUBLIC_APP_URL/claim?token=…): the invited person sees the draft
 * profile made from their employer's data, signs up (or in), and takes it as their own with their consent choice.
 */
export default function CohortClaimPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const account = useAccount();
  const preview = useQuery({
    queryKey: ['cohort-claim', token, i18n.language],
    queryFn: () => call(api.POST('/api/v1/cohort-claims/preview', { body: { token } })),
    enabled: token.length >= 20,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [claimed, setClaimed] = useState(false);

  return (
    <div className="container my-4" style={{ maxWidth: '48rem' }}>
      <h1 className="h2">{t('cohorts.claim.title')}</h1>
      {claimed ? (
        <div className="alert alert-success" role="status" data-testid="claim-done">
          <p>{t('cohorts.claim.done')}</p>
          <Link className="btn btn-primary me-2" to="/lavoratore/opportunita">
            {t('cohorts.claim.toOpportunities')}
          </Link>
          <Link className="btn btn-outline-primary" to="/lavoratore/profilo">
            {t('cohorts.claim.toProfile')}
          </Link>
        </div>
      ) : token.length < 20 ? (
        <Empty title={t('cohorts.claim.noToken')}>
          <p className="mb-0">{t('cohorts.claim.noTokenHint')}</p>
        </Empty>
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        preview.error instanceof ApiError && preview.error.status === 400 ? (
          <Empty title={t('cohorts.claim.invalid')}>
            <p className="mb-0">{t('cohorts.claim.invalidHint')}</p>
          </Empty>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        )
      ) : (
        <>
          <p className="lead">{t('cohorts.claim.lead', { employer: preview.data.employer, cohort: preview.data.cohort })}</p>
          <p>{t('cohorts.claim.expires', { date: formatDate(preview.data.expiresAt, i18n.language) })}</p>
          {!account ? (
            <SignUp token={token} />
          ) : account.role !== 'worker' ? (
            <div className="alert alert-warning" role="alert">
              {t('cohorts.claim.wrongRole')}
            </div>
          ) : account.workerId ? (
            <div className="alert alert-warning" role="alert">
              {t('cohorts.claim.hasProfile')}
            </div>
          ) : (
            <ClaimForm token={token} preview={preview.data} onClaimed={() => setClaimed(true)} />
          )}
        </>
      )}
    </div>
  );
}

/** A personal account made right here, so that the person lands back on the claim with their draft profile. */
function SignUp({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useRegistration('worker');
  return (
    <section aria-labelledby="claim-signup-title">
      <h2 id="claim-signup-title" className="h4">
        {t('cohorts.claim.signUpTitle')}
      </h2>
      <p>{t('cohorts.claim.signUpLead')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          form.register.mutate();
        }}
      >
        <AccountFields form={form} nameLabel={t('wizard.name')} />
        <button type="submit" className="btn btn-primary" disabled={form.register.isPending}>
          {t('cohorts.claim.signUp')}
        </button>
      </form>
      <p className="mt-4">
        {t('auth.haveAccount')} <Link to={`/accedi?next=${encodeURIComponent(`/claim?token=${token}`)}`}>{t('cohorts.claim.signIn')}</Link>
      </p>
    </section>
  );
}

function ClaimForm({ token, preview, onClaimed }: { token: string; preview: ClaimPreview; onClaimed: () => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState<Record<string, number | null>>(() => Object.fromEntries(preview.skills.map((s) => [s.skillId, s.level])));
  const [visible, setVisible] = useState<boolean | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const changed = preview.skills.some((s) => kept[s.skillId] !== s.level);
  const claim = useMutation({
    mutationFn: async () => {
      const skills = Object.entries(kept).flatMap(([skillId, level]) => (level === null ? [] : [{ skillId, level }]));
      await call(api.POST('/api/v1/cohort-claims', { body: { token, visibleToEmployers: visible!, ...(changed && skills.length ? { skills } : {}) } }));
      onClaimed();
      // The account now has its worker profile: the app's areas follow it.
      session.updateAccount(await call(api.GET('/api/v1/me')));
    },
  });
  const error = claim.error;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (visible === null) {
          setMissingChoice(true);
          return;
        }
        claim.mutate();
      }}
    >
      <FormError error={error} />
      <section aria-labelledby="claim-profile-title" className="mb-4">
        <h2 id="claim-profile-title" className="h4">
          {t('cohorts.claim.profileTitle')}
        </h2>
        <p>
          {t('cohorts.claim.occupation')}: <strong data-testid="claim-occupation">{preview.occupation?.label ?? t('cohorts.claim.noOccupation')}</strong>
        </p>
        {preview.skills.length > 0 && (
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('cohorts.claim.skillsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.claim.skill')}</th>
                  <th scope="col">{t('cohorts.claim.have')}</th>
                  <th scope="col">{t('cohorts.claim.level')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.skills.map((s) => {
                  const level = kept[s.skillId];
                  return (
                    <tr key={s.skillId}>
                      <th scope="row">{s.label}</th>
                      <td>
                        <div className="form-check m-0">
                          <input
                            id={`keep-${s.skillId}`}
                            type="checkbox"
                            checked={level !== null}
                            onChange={(e) => setKept((k) => ({ ...k, [s.skillId]: e.target.checked ? s.level : null }))}
                          />
                          <label htmlFor={`keep-${s.skillId}`}>
                            <span className="visually-hidden">{t('cohorts.claim.haveSkill', { skill: s.label })}</span>
                          </label>
                        </div>
                      </td>
                      <td>
                        <select
                          aria-label={t('cohorts.claim.levelOf', { skill: s.label })}
                          value={level ?? s.level}
                          disabled={level === null}
                          onChange={(e) => setKept((k) => ({ ...k, [s.skillId]: Number(e.target.value) }))}
                        >
                          {[1, 2, 3, 4].map((l) => (
                            <option key={l} value={l}>
                              {t(`levels.${l}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {fieldError(error, 'skills') && <div className="field-error">{fieldError(error, 'skills')}</div>}
      </section>
      <fieldset className="mb-4" aria-describedby={missingChoice && visible === null ? 'claim-consent-error' : undefined}>
        <legend className="h6 fw-semibold">{t('cohorts.claim.consent')}</legend>
        <p className="small">{t('cohorts.claim.consentHint')}</p>
        <div className="form-check">
          <input id="claim-visible-yes" name="claim-visible" type="radio" checked={visible === true} onChange={() => setVisible(true)} />
          <label htmlFor="claim-visible-yes">{t('cohorts.claim.visibleYes')}</label>
        </div>
        <div className="form-check">
          <input id="claim-visible-no" name="claim-visible" type="radio" checked={visible === false} onChange={() => setVisible(false)} />
          <label htmlFor="claim-visible-no">{t('cohorts.claim.visibleNo')}</label>
        </div>
        {((missingChoice && visible === null) || fieldError(error, 'visibleToEmployers')) && (
          <div id="claim-consent-error" className="field-error">
            {fieldError(error, 'visibleToEmployers') ?? t('cohorts.claim.chooseConsent')}
          </div>
        )}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={claim.isPending}>
        {t('cohorts.claim.submit')}
      </button>
    </form>
  );
}
