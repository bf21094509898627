import { DomainError } from '@ricarica/common';

export const ProviderErrors = {
  /** `field` is given when the provider is the parent named in a request body (`providerId`). */
  notFound: (id: string, field?: string) => DomainError.notFound('Provider', id, field),
};
