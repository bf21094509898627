import { AccessDeniedError } from '@ricarica/accounts';
import { DomainError } from '@ricarica/common';

export const ApplicationErrors = {
  notFound: (id: string) => DomainError.notFound('Application', id),
  noWorkerProfile: () =>
    new DomainError('APPLICATION.NO_WORKER_PROFILE', 'conflict', 'create your worker profile first (POST /api/v1/workers)'),
  vacancyNotOpen: (id: string) => new DomainError('APPLICATION.VACANCY_NOT_OPEN', 'conflict', `vacancy ${id} is not open for applications`),
  alreadyApplied: () => new DomainError('APPLICATION.ALREADY_APPLIED', 'conflict', 'you have already applied to this vacancy'),
  forbiddenMove: (to: string) =>
    new AccessDeniedError('APPLICATION.FORBIDDEN_TRANSITION', 'forbidden', `your side of the application may not set it to ${to}`),
  invalidMove: (from: string, to: string) =>
    new DomainError('APPLICATION.INVALID_TRANSITION', 'conflict', `an application ${from} cannot become ${to}`, [{ field: 'status', reason: `cannot go from ${from} to ${to}` }]),
};

export const EnrolmentErrors = {
  notFound: (id: string) => DomainError.notFound('Enrolment', id),
  noWorkerProfile: () =>
    new DomainError('ENROLMENT.NO_WORKER_PROFILE', 'conflict', 'create your worker profile first (POST /api/v1/workers)'),
  courseNotPublished: (id: string) => new DomainError('ENROLMENT.COURSE_NOT_PUBLISHED', 'conflict', `course ${id} is not open for enrolment`),
  unknownSession: (id: string) =>
    DomainError.invalid('ENROLMENT.UNKNOWN_SESSION', [{ field: 'sessionId', reason: `${id} is not a session of this course` }]),
  sessionStarted: () => new DomainError('ENROLMENT.SESSION_STARTED', 'conflict', 'this session has already started'),
  sessionFull: () => new DomainError('ENROLMENT.SESSION_FULL', 'conflict', 'no seats are left in this session'),
  alreadyRequested: () => new DomainError('ENROLMENT.ALREADY_REQUESTED', 'conflict', 'you already hold a request for this course'),
  forbiddenMove: (to: string) =>
    new AccessDeniedError('ENROLMENT.FORBIDDEN_TRANSITION', 'forbidden', `your side of the enrolment may not set it to ${to}`),
  invalidMove: (from: string, to: string) =>
    new DomainError('ENROLMENT.INVALID_TRANSITION', 'conflict', `an enrolment ${from} cannot become ${to}`, [{ field: 'status', reason: `cannot go from ${from} to ${to}` }]),
};
