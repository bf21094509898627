import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-2 my-4" role="status" aria-live="polite">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const api = error instanceof ApiError ? error : null;
  const message =
    api?.status === 503 ? t('errors.unavailable') : api?.status === 404 ? t('errors.notFound') : api?.status === 403 ? t('errors.forbidden') : t('errors.generic');
  return (
    <div className="alert alert-danger my-3" role="alert">
      <p className="mb-1">{message}</p>
      {api?.body?.correlationId && (
        <p className="small mb-1">
          {t('errors.reference')}: <code>{api.body.correlationId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="callout my-3">
      <div className="callout-title">{title}</div>
      {children && <div>{children}</div>}
    </div>
  );
}

/** The API's message for a whole form (the field errors are shown next to their fields). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const text = api?.body ? (api.body.errors.length ? t('errors.fields') : api.body.message) : t('errors.generic');
  return (
    <div className="alert alert-danger" role="alert">
      {text}
    </div>
  );
}
