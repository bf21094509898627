import { DomainError, FieldProblem, RateLimitedError } from '@ricarica/common';

/** What an access decision was about, for the audit log. */
export interface AccessTarget {
  type: string;
  id: string;
}

/**
 * A refused attempt: 401, 403, or 404 when saying "forbidden" would reveal that the record exists.
 * The API writes every one to the audit log. A hidden record answers exactly like a missing one.
 */
export class AccessDeniedError extends DomainError {
  constructor(
    code: string,
    kind: 'unauthenticated' | 'forbidden' | 'not_found',
    message: string,
    readonly target?: AccessTarget,
  ) {
    super(code, kind, message);
  }
}

const entityName = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

export const AccessErrors = {
  unauthenticated: () =>
    new AccessDeniedError('AUTH.UNAUTHENTICATED', 'unauthenticated', 'sign in first: send Authorization: Bearer <access token>'),
  wrongRole: (role: string) => new AccessDeniedError('AUTH.FORBIDDEN', 'forbidden', `a ${role} account may not do this`),
  notOwner: (target: AccessTarget) =>
    new AccessDeniedError('AUTH.NOT_OWNER', 'forbidden', `this ${target.type} belongs to another account`, target),
  /** Same code and message as DomainError.notFound, so that hidden and missing cannot be told apart. */
  hidden: (target: AccessTarget) =>
    new AccessDeniedError(`${target.type.toUpperCase()}.NOT_FOUND`, 'not_found', `${entityName(target.type)} ${target.id} was not found`, target),
  notOwnerOf: (field: string, target: AccessTarget) => {
    const error = new AccessDeniedError('AUTH.NOT_OWNER', 'forbidden', `${field}: this ${target.type} belongs to another account`, target);
    error.problems.push({ field, reason: `is not the ${target.type} of this account` });
    return error;
  },
};

export const AuthErrors = {
  invalidCredentials: () => new DomainError('AUTH.INVALID_CREDENTIALS', 'unauthenticated', 'wrong email or password'),
  tokenExpired: () => new AccessDeniedError('AUTH.TOKEN_EXPIRED', 'unauthenticated', 'the access token has expired: refresh it'),
  tokenInvalid: () => new AccessDeniedError('AUTH.TOKEN_INVALID', 'unauthenticated', 'the access token is not valid'),
  sessionEnded: () => new AccessDeniedError('AUTH.SESSION_ENDED', 'unauthenticated', 'this session has ended: sign in again'),
  refreshInvalid: () => new DomainError('AUTH.REFRESH_INVALID', 'unauthenticated', 'the refresh token is not valid or has expired: sign in again'),
  refreshReused: () =>
    new DomainError('AUTH.REFRESH_REUSED', 'unauthenticated', 'this refresh token was already used; the session has been ended: sign in again'),
  emailTaken: () =>
    new DomainError('AUTH.EMAIL_TAKEN', 'conflict', 'an account with this email already exists', [{ field: 'email', reason: 'is already registered' }]),
  weakPassword: (problems: FieldProblem[]) => DomainError.invalid('AUTH.WEAK_PASSWORD', problems),
  tooManyAttempts: (retryAfterS: number) =>
    new RateLimitedError('AUTH.TOO_MANY_ATTEMPTS', `too many failed sign-ins: try again in ${retryAfterS} s`, retryAfterS),
};
