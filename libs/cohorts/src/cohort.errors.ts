import { DomainError, FieldProblem } from '@ricarica/common';

export const CohortErrors = {
  notFound: (id: string) => DomainError.notFound('Cohort', id),
  memberNotFound: (id: string) => DomainError.notFound('Cohort member', id, 'memberId'),
  invalid: (problems: FieldProblem[]) => DomainError.invalid('COHORT.INVALID', problems),
  badUpload: (field: string, reason: string) => DomainError.invalid('COHORT.BAD_UPLOAD', [{ field, reason }]),
  tooManyRows: (rows: number, max: number) => DomainError.invalid('COHORT.TOO_MANY_ROWS', [{ field: 'members', reason: `${rows} rows: at most ${max} per upload` }]),
  alreadyClaimed: () => new DomainError('COHORT.MEMBER_CLAIMED', 'conflict', 'the worker has claimed this profile: only they can change it now'),
  alreadyInvited: () => new DomainError('COHORT.ALREADY_INVITED', 'conflict', 'this member already has an invitation that has not been claimed'),
  notProfiled: () => new DomainError('COHORT.NOT_PROFILED', 'conflict', 'the member has no pre-profile yet (confirm the occupation first)'),
  reportNotReady: (id: string) => new DomainError('COHORT_REPORT.NOT_FOUND', 'not_found', `the report of cohort ${id} is not computed yet: see GET /cohorts/${id} for progress`),
  invitationInvalid: () => DomainError.invalid('COHORT.INVITATION_INVALID', [{ field: 'token', reason: 'unknown, expired or already used invitation' }]),
  accountHasProfile: (workerId: string) =>
    new DomainError('COHORT.ACCOUNT_HAS_PROFILE', 'conflict', `this account already has its worker profile (${workerId})`),
};
