import type { LocationInputDto } from '@ricarica/places';
import type { ProviderSite } from './provider.entity';

export interface CreateProviderInput {
  name: string;
  accreditation?: string | null;
  /** Each resolved to a Place; `name` labels the site. */
  sites?: LocationInputDto[];
}

export type UpdateProviderInput = Partial<CreateProviderInput>;

export interface ProviderSiteView extends Omit<ProviderSite, 'name'> {
  name: string | null;
}

export interface ProviderView {
  id: string;
  name: string;
  accreditation: string | null;
  sites: ProviderSiteView[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ProviderListFilter {
  /** Part of the name, any case. */
  q?: string;
  /** NUTS-2 region of at least one site. */
  region?: string;
  limit: number;
  cursor?: string;
}
