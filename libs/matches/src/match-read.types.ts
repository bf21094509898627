import type { Place } from '@ricarica/places';
import type { EmploymentStatus } from '@ricarica/workers';

export type Lang = 'it' | 'en';

/** One requirement of a vacancy, as it stands for one worker. */
export interface RequirementFit {
  skillId: string;
  label: string;
  importance: 'essential' | 'optional';
  minLevel: number;
  /** The worker's own level in the skill, or null. */
  workerLevel: number | null;
  /** 0..1; partial when the level is below minLevel or the credit comes from a related skill. */
  credit: number;
  /** When the credit comes from a related skill the worker has. */
  relatedSkill: { skillId: string; label: string; level: number } | null;
}

export interface VacancySummary {
  id: string;
  title: string;
  employer: { id: string; name: string };
  location: Place | null;
  remote: boolean;
  contractType: string;
  salaryMinEur: number | null;
  salaryMaxEur: number | null;
  expiresAt: Date | null;
}

export interface WorkerMatchView {
  vacancy: VacancySummary;
  score: number;
  distanceKm: number;
  matched: RequirementFit[];
  gap: RequirementFit[];
  explanation: string;
}

export interface WorkerMatchesView {
  workerId: string;
  computedAt: Date | null;
  /** True while a recomputation for this worker is queued (its profile changed after computedAt). */
  stale: boolean;
  items: WorkerMatchView[];
}

/**
 * A stored candidate with everything the read knows about the worker, personal data included: only
 * the applications lib's projection (toCandidateView) may turn it into what an employer sees.
 */
export interface StoredCandidate {
  workerId: string;
  name: string;
  email: string | null;
  municipality: string | null;
  province: string | null;
  region: string | null;
  employmentStatus: EmploymentStatus;
  languages: string[];
  /** The worker's live application to this vacancy, if any: it reveals who they are. */
  applicationId: string | null;
  score: number;
  distanceKm: number;
  matched: RequirementFit[];
  gap: RequirementFit[];
  explanation: string;
}

export interface VacancyCandidatesView {
  vacancyId: string;
  computedAt: Date | null;
  stale: boolean;
  items: StoredCandidate[];
}
