import { createHmac } from 'node:crypto';
import type { RequirementFit, StoredCandidate } from '@ricarica/matches';
import type { EmploymentStatus } from '@ricarica/workers';

export interface CandidateView {
  /** Stable for this vacancy and worker, meaningless elsewhere: lists cannot be joined across vacancies. */
  ref: string;
  /** True when the worker applied to this vacancy: then, and only then, `applicant` says who they are. */
  revealed: boolean;
  score: number;
  distanceKm: number;
  /** Where the worker lives to the municipality, never closer. */
  municipality: string | null;
  province: string | null;
  region: string | null;
  employmentStatus: EmploymentStatus;
  languages: string[];
  matchedSkills: number;
  matched: RequirementFit[];
  gap: RequirementFit[];
  explanation: string;
  applicant: { workerId: string; applicationId: string; name: string; email: string | null } | null;
}

/** The key candidate references are signed with, derived from the server secret. */
export function candidateRefKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('ricarica/candidate-ref').digest();
}

export function candidateRef(key: Buffer, vacancyId: string, workerId: string): string {
  return createHmac('sha256', key).update(`${vacancyId}:${workerId}`).digest('base64url').slice(0, 22);
}

/**
 * The one place a worker becomes a candidate an employer sees: without an application, no name,
 * email, coordinates or id that works anywhere else.
 */
export function toCandidateView(c: StoredCandidate, vacancyId: string, key: Buffer): CandidateView {
  return {
    ref: candidateRef(key, vacancyId, c.workerId),
    revealed: c.applicationId !== null,
    score: c.score,
    distanceKm: c.distanceKm,
    municipality: c.municipality,
    province: c.province,
    region: c.region,
    employmentStatus: c.employmentStatus,
    languages: c.languages,
    matchedSkills: c.matched.length,
    matched: c.matched,
    gap: c.gap,
    explanation: c.explanation,
    applicant: c.applicationId !== null ? { workerId: c.workerId, applicationId: c.applicationId, name: c.name, email: c.email } : null,
  };
}
