import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import type { SkillLine } from '../../components/requirements-editor';
import { FormError } from '../../components/states';

type Body = Schemas['CandidatePreviewRequestDto'];

/** Waits until the value has stopped changing for `ms`, so that typing or picking does not send a request each time. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Props {
  employerId: string | null;
  requirements: SkillLine[];
  /** ISTAT code of the chosen municipality, or null. */
  municipality: string | null;
  remote: boolean;
}

/**
 * How many consenting workers in reach would fit the vacancy as written so far, scored like the real
 * match lists; counts only, and under 5 only "fewer than 5".
 */
export function CandidatePreview({ employerId, requirements, municipality, remote }: Props) {
  const { t } = useTranslation();
  const ready = requirements.length > 0 && (remote || !!municipality);
  const body: Body = {
    ...(employerId ? { employerId } : {}),
    requirements: requirements.map((r) => ({ skillId: r.skillId, importance: r.importance ?? 'essential', minLevel: r.level })),
    remote,
    ...(remote || !municipality ? {} : { location: { municipality } }),
  };
  const settled = useDebounced(JSON.stringify(body), 400);
  const preview = useQuery({
    queryKey: ['candidate-preview', settled],
    queryFn: ({ signal }) => call(api.POST('/api/v1/vacancies/candidate-preview', { body: JSON.parse(settled) as Body, signal })),
    enabled: ready,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  const stale = ready && (settled !== JSON.stringify(body) || preview.isFetching);
  const data = preview.data;
  const count = (n: number | null | undefined, fewerThan: number) => (n === null || n === undefined ? t('demandPreview.candidates.fewerThan', { count: fewerThan }) : String(n));

  return (
    <section className="border rounded p-3 mb-4" aria-labelledby="candidate-preview-title" data-testid="candidate-preview">
      <h2 id="candidate-preview-title" className="h5">
        {t('demandPreview.candidates.title')}
      </h2>
      <div aria-live="polite" aria-busy={stale}>
        {!ready ? (
          <p className="mb-0">{t('demandPreview.candidates.needInput')}</p>
        ) : preview.isError ? (
          <>
            <FormError error={preview.error} />
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void preview.refetch()}>
              {t('common.retry')}
            </button>
          </>
        ) : !data ? (
          <p className="mb-0 d-flex align-items-center gap-2">
            <span className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
            {t('demandPreview.candidates.counting')}
          </p>
        ) : (
          <>
            <p className="mb-1">
              <span className="preview-count" data-testid="preview-candidates">
                {count(data.candidates, data.fewerThan)}
              </span>{' '}
              {t('demandPreview.candidates.fit')}
            </p>
            <p className="mb-2">
              {t('demandPreview.candidates.strong', { strong: count(data.strong, data.fewerThan), score: Math.round(data.strongScore * 100) })}
            </p>
            {stale && (
              <p className="small mb-2 d-flex align-items-center gap-2">
                <span className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
                {t('demandPreview.candidates.updating')}
              </p>
            )}
            <p className="small mb-0">{t('demandPreview.candidates.privacy', { count: data.fewerThan })}</p>
          </>
        )}
      </div>
    </section>
  );
}
