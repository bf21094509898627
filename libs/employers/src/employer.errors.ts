import { DomainError } from '@ricarica/common';

export const EmployerErrors = {
  /** `field` is given when the employer is the parent named in a request body (`employerId`). */
  notFound: (id: string, field?: string) => DomainError.notFound('Employer', id, field),
  vatTaken: () =>
    new DomainError('EMPLOYER.VAT_TAKEN', 'conflict', 'an employer with this VAT number already exists', [
      { field: 'vatNumber', reason: 'is already registered' },
    ]),
};
