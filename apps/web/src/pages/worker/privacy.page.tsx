import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { session } from '../../api/session-store';
import { useAccount } from '../../api/use-session';
import { ErrorState } from '../../components/states';

/** Consent to be seen by employers, a copy of my data, and erasing my account. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const account = useAccount()!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState('');
  const worker = useQuery({
    queryKey: ['worker', account.workerId],
    queryFn: () => call(api.GET('/api/v1/workers/{id}', { params: { path: { id: account.workerId! } } })),
    enabled: !!account.workerId,
  });
  const consent = useMutation({
    mutationFn: (visibleToEmployers: boolean) => call(api.PATCH('/api/v1/workers/{id}', { params: { path: { id: account.workerId! } }, body: { visibleToEmployers, mobilityRadiusKm: worker.data!.mobilityRadiusKm } })),
    // The radius is sent as it is: a partial update would otherwise put back its default.
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['worker', account.workerId] }),
  });
  const download = useMutation({
    mutationFn: async () => {
      const data = await call(api.GET('/api/v1/me/export'));
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'ricarica-my-data.json';
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  const erase = useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/me')),
    onSuccess: () => {
      session.signedOut();
      qc.clear();
      navigate('/');
    },
  });
  const word = t('privacy.confirmWord');

  return (
    <div className="container my-4" style={{ maxWidth: '48rem' }}>
      <h1 className="h2">{t('privacy.title')}</h1>
      <section className="my-4" aria-labelledby="consent-title">
        <h2 id="consent-title" className="h4">
          {t('privacy.consentTitle')}
        </h2>
        <p>{t('wizard.consentText1')}</p>
        <p>{t('wizard.consentText2')}</p>
        {worker.isError && <ErrorState error={worker.error} />}
        {worker.data && (
          <div className="form-check">
            <input id="privacy-consent" type="checkbox" checked={worker.data.visibleToEmployers} disabled={consent.isPending} onChange={(e) => consent.mutate(e.target.checked)} />
            <label htmlFor="privacy-consent">{t('wizard.consentLabel')}</label>
          </div>
        )}
        <p className="small" role="status">
          {consent.isSuccess ? t('privacy.saved') : ''}
        </p>
      </section>
      <section className="my-4" aria-labelledby="export-title">
        <h2 id="export-title" className="h4">
          {t('privacy.exportTitle')}
        </h2>
        <p>{t('privacy.exportText')}</p>
        <button type="button" className="btn btn-outline-primary" onClick={() => download.mutate()} disabled={download.isPending}>
          {t('privacy.download')}
        </button>
        {download.isError && <ErrorState error={download.error} />}
      </section>
      <section className="my-4" aria-labelledby="erase-title">
        <h2 id="erase-title" className="h4">
          {t('privacy.eraseTitle')}
        </h2>
        <p>{t('privacy.eraseText')}</p>
        <div className="form-group">
          <label htmlFor="erase-confirm" className="active">
            {t('privacy.typeToConfirm', { word })}
          </label>
          <input id="erase-confirm" className="form-control" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </div>
        <button type="button" className="btn btn-danger" disabled={confirm.trim().toUpperCase() !== word.toUpperCase() || erase.isPending} onClick={() => erase.mutate()}>
          {t('privacy.erase')}
        </button>
        {erase.isError && <ErrorState error={erase.error} />}
      </section>
    </div>
  );
}
