import { DomainError } from '@ricarica/common';
import { isIndexNotFound, meiliApiError } from './index-sync';

/**
 * Turns a failed Meilisearch call into the domain error the API maps to 503 (the cause is logged by the caller).
 * `missingHint` says what creates the index when it does not exist yet.
 */
export function searchUnavailable(uid: string, cause: unknown, missingHint = 'run the taxonomy import'): DomainError {
  const reason = isIndexNotFound(cause) ? `index ${uid} does not exist yet (${missingHint})` : `index ${uid} cannot be searched`;
  return new DomainError('SEARCH.UNAVAILABLE', 'unavailable', `Search is unavailable: ${reason}`);
}

/**
 * Whether a failed Meilisearch call means "Meilisearch is unavailable" (unreachable, timing out, answering
 * 5xx, refusing our key, or the index is missing) rather than a request Meilisearch refused, which is a bug of ours.
 */
export function isSearchOutage(e: unknown): boolean {
  const answered = meiliApiError(e);
  if (!answered) return true;
  const status = answered.response?.status ?? 500;
  // 401/403: a wrong key is a deployment problem, not the request's.
  return isIndexNotFound(e) || status >= 500 || status === 401 || status === 403;
}
