import { DomainError, FieldProblem } from '@ricarica/common';

export const WorkerErrors = {
  notFound: (id: string) => DomainError.notFound('Worker', id),
  emailTaken: () =>
    new DomainError('WORKER.EMAIL_TAKEN', 'conflict', 'a worker with this email already exists', [{ field: 'email', reason: 'is already registered' }]),
  unknownSkills: (problems: FieldProblem[]) => DomainError.invalid('WORKER.UNKNOWN_SKILL', problems),
  unknownOccupations: (problems: FieldProblem[]) => DomainError.invalid('WORKER.UNKNOWN_OCCUPATION', problems),
  duplicate: (problem: FieldProblem) => DomainError.invalid('WORKER.DUPLICATE_ENTRY', [problem]),
};
