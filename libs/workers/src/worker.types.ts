import type { LocationInputDto, Place } from '@ricarica/places';
import type { EmploymentStatus } from './worker.entity';
import type { SkillSource } from './worker-skill.entity';

export type Lang = 'it' | 'en';

export interface SkillLevelInput {
  skillId: string;
  level: number;
  source?: SkillSource;
}

export interface PreviousOccupationInput {
  occupationId: string;
  years: number;
}

export interface CreateWorkerInput {
  name: string;
  email: string;
  home: LocationInputDto;
  mobilityRadiusKm?: number;
  languages?: string[];
  employmentStatus: EmploymentStatus;
  previousOccupations?: PreviousOccupationInput[];
  skills?: SkillLevelInput[];
  visibleToEmployers?: boolean;
}

export type UpdateWorkerInput = Partial<Omit<CreateWorkerInput, 'skills'>>;

export interface WorkerSkillView {
  skillId: string;
  uri: string;
  label: string;
  level: number;
  source: SkillSource;
}

export interface PreviousOccupationView {
  occupationId: string;
  uri: string;
  label: string;
  years: number;
}

export interface WorkerView {
  id: string;
  name: string;
  email: string | null;
  home: Place;
  mobilityRadiusKm: number;
  languages: string[];
  employmentStatus: EmploymentStatus;
  visibleToEmployers: boolean;
  previousOccupations: PreviousOccupationView[];
  skills: WorkerSkillView[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkerSummary {
  id: string;
  name: string;
  home: Place;
  mobilityRadiusKm: number;
  employmentStatus: EmploymentStatus;
  visibleToEmployers: boolean;
  skillCount: number;
  createdAt: Date;
}

export interface WorkerListFilter {
  region?: string;
  province?: string;
  employmentStatus?: EmploymentStatus;
  visibleToEmployers?: boolean;
  skillId?: string;
  limit: number;
  cursor?: string;
}
