/** The kinds of failure a service can report; the API's exception filter maps each to one HTTP status. */
export type DomainErrorKind = 'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'unauthenticated' | 'rate_limited' | 'unavailable';

export interface FieldProblem {
  /** Path of the offending field in the request, e.g. `skills[2].skillId`. */
  field: string;
  reason: string;
}

/**
 * A failure with a stable code (`WORKER.NOT_FOUND`, `VACANCY.NO_REQUIREMENTS`) that clients can rely on.
 * Services throw these, never HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id: string, field?: string): DomainError {
    const code = `${entity.toUpperCase()}.NOT_FOUND`;
    return new DomainError(code, 'not_found', `${entity} ${id} was not found`, field ? [{ field, reason: `${entity} ${id} does not exist` }] : []);
  }

  static invalid(code: string, problems: FieldProblem[]): DomainError {
    return new DomainError(code, 'invalid', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
  }
}

/** Too many attempts; the API answers 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(code, 'rate_limited', message);
  }
}

/** One problem per input item whose `key` is among `missing`, named by its index (`skills[2].skillId`). */
export function problemsForMissing<T>(items: T[], key: keyof T & string, missing: string[], arrayField: string, reason: (id: string) => string): FieldProblem[] {
  const gone = new Set(missing);
  return items.flatMap((item, i) => {
    const id = String(item[key]);
    return gone.has(id) ? [{ field: `${arrayField}[${i}].${key}`, reason: reason(id) }] : [];
  });
}

/** The first repeated `key` in `items`, as a field problem. */
export function duplicateProblem<T>(items: T[], key: keyof T & string, arrayField: string): FieldProblem | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const id = String(items[i][key]);
    if (seen.has(id)) return { field: `${arrayField}[${i}].${key}`, reason: `${id} is listed twice` };
    seen.add(id);
  }
  return undefined;
}
