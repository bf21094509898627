import { DomainError, FieldProblem } from '@ricarica/common';

export const CourseErrors = {
  notFound: (id: string) => DomainError.notFound('Course', id),
  noSkills: () => DomainError.invalid('COURSE.NO_SKILLS', [{ field: 'skillsTaught', reason: 'must list at least one skill' }]),
  duplicateSkill: (problem: FieldProblem) => DomainError.invalid('COURSE.DUPLICATE_SKILL', [problem]),
  unknownSkills: (problems: FieldProblem[]) => DomainError.invalid('COURSE.UNKNOWN_SKILL', problems),
  locationRequired: () =>
    DomainError.invalid('COURSE.LOCATION_REQUIRED', [{ field: 'location', reason: 'is required unless the course is online' }]),
  sessionOrder: (problems: FieldProblem[]) => DomainError.invalid('COURSE.SESSION_ENDS_BEFORE_START', problems),
  duplicateSession: (problem: FieldProblem) => DomainError.invalid('COURSE.DUPLICATE_SESSION', [problem]),
  unknownSessions: (problems: FieldProblem[]) => DomainError.invalid('COURSE.UNKNOWN_SESSION', problems),
  seatsBelowTaken: (problems: FieldProblem[]) =>
    new DomainError('COURSE.SEATS_BELOW_TAKEN', 'conflict', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems),
  sessionHasEnrolments: (ids: string[]) =>
    new DomainError('COURSE.SESSION_HAS_ENROLMENTS', 'conflict', `sessions ${ids.join(', ')} hold enrolment requests and cannot be removed`, [
      { field: 'sessions', reason: `must keep sessions with enrolment requests: ${ids.join(', ')}` },
    ]),
  fundingConflict: () =>
    DomainError.invalid('COURSE.FUNDING_CONFLICT', [{ field: 'funding', reason: 'none cannot be combined with other funding sources' }]),
};
