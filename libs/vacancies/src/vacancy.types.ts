import type { ListScope } from '@ricarica/common';
import type { LocationInputDto, Place } from '@ricarica/places';
import type { Importance } from './vacancy-requirement.entity';
import type { ContractType, VacancyStatus } from './vacancy.entity';

export interface RequirementInput {
  skillId: string;
  importance: Importance;
  /** 1 basic … 4 expert; 2 when left out. */
  minLevel?: number | null;
}

export interface CreateVacancyInput {
  employerId: string;
  title: string;
  description?: string;
  occupationId?: string | null;
  /** Required unless `remote`. */
  location?: LocationInputDto | null;
  remote?: boolean;
  requirements: RequirementInput[];
  contractType: ContractType;
  salaryMinEur?: number | null;
  salaryMaxEur?: number | null;
  openings?: number;
  status?: VacancyStatus;
  /** ISO 8601 date-time. */
  expiresAt?: string | null;
}

/** `requirements`, when given, replaces the whole set. */
export type UpdateVacancyInput = Partial<CreateVacancyInput>;

export interface RequirementView {
  skillId: string;
  uri: string;
  label: string;
  importance: Importance;
  minLevel: number;
}

export interface OccupationRefView {
  occupationId: string;
  uri: string;
  label: string;
}

export interface VacancyView {
  id: string;
  employer: { id: string; name: string };
  title: string;
  description: string;
  occupationId: string | null;
  occupation: OccupationRefView | null;
  location: Place | null;
  remote: boolean;
  requirements: RequirementView[];
  contractType: ContractType;
  salaryMinEur: number | null;
  salaryMaxEur: number | null;
  openings: number;
  status: VacancyStatus;
  expiresAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VacancyListFilter {
  /** Which vacancies the caller may see (drafts, closed and expired ones only to their employer and admins). */
  scope: ListScope;
  employerId?: string;
  status?: VacancyStatus;
  /** NUTS-2 region of the vacancy's location (remote vacancies without one never match). */
  region?: string;
  province?: string;
  occupationId?: string;
  /** Only vacancies requiring this skill. */
  skillId?: string;
  remote?: boolean;
  limit: number;
  cursor?: string;
}
