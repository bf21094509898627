import type { LocationInputDto } from '@ricarica/places';
import type { Site } from './employer.entity';

export interface CreateEmployerInput {
  name: string;
  vatNumber: string;
  naceCode?: string | null;
  /** Each resolved to a Place; `name` labels the site. */
  sites?: LocationInputDto[];
}

export type UpdateEmployerInput = Partial<CreateEmployerInput>;

export interface SiteView extends Omit<Site, 'name'> {
  name: string | null;
}

export interface EmployerView {
  id: string;
  name: string;
  vatNumber: string;
  naceCode: string | null;
  sites: SiteView[];
  createdAt: Date;
  updatedAt: Date;
}

export interface EmployerListFilter {
  /** Part of the name, any case. */
  q?: string;
  /** NUTS-2 region of at least one site. */
  region?: string;
  limit: number;
  cursor?: string;
}
