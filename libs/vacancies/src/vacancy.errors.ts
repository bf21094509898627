import { DomainError, FieldProblem } from '@ricarica/common';

export const VacancyErrors = {
  notFound: (id: string) => DomainError.notFound('Vacancy', id),
  noRequirements: () => DomainError.invalid('VACANCY.NO_REQUIREMENTS', [{ field: 'requirements', reason: 'must list at least one skill' }]),
  duplicateSkill: (problem: FieldProblem) => DomainError.invalid('VACANCY.DUPLICATE_SKILL', [problem]),
  unknownSkills: (problems: FieldProblem[]) => DomainError.invalid('VACANCY.UNKNOWN_SKILL', problems),
  unknownOccupation: (id: string) =>
    DomainError.invalid('VACANCY.UNKNOWN_OCCUPATION', [{ field: 'occupationId', reason: `${id} is not an ESCO occupation` }]),
  locationRequired: () =>
    DomainError.invalid('VACANCY.LOCATION_REQUIRED', [{ field: 'location', reason: 'is required unless the vacancy is remote' }]),
  salaryRange: (min: number) =>
    DomainError.invalid('VACANCY.SALARY_RANGE', [{ field: 'salaryMaxEur', reason: `must not be below salaryMinEur (${min})` }]),
  expiresInPast: () =>
    DomainError.invalid('VACANCY.EXPIRES_IN_PAST', [{ field: 'expiresAt', reason: 'must be in the future for an open vacancy' }]),
};
