import { JobName, JobPayload } from './jobs';

/**
 * Changes that derived state depends on. Services write one outbox row per change, in the change's
 * own transaction; the relay turns each into the jobs listed in EVENT_JOBS (matching, search, …).
 */
export enum EventName {
  WorkerChanged = 'worker.changed',
  VacancyChanged = 'vacancy.changed',
  EmployerChanged = 'employer.changed',
  ProviderChanged = 'provider.changed',
  CourseChanged = 'course.changed',
  TaxonomyImported = 'taxonomy.imported',
  /** Members uploaded or an occupation confirmed: the cohort has work to process. */
  CohortChanged = 'cohort.changed',
  /** A cohort's processing finished: its report is due. */
  CohortProcessed = 'cohort.processed',
  CohortInvitationCreated = 'cohort.invitation-created',
}

/** Ids only: a created, updated or deleted record is told apart by re-reading PostgreSQL. */
export interface EventPayloads {
  [EventName.WorkerChanged]: { workerId: string };
  [EventName.VacancyChanged]: { vacancyId: string };
  [EventName.EmployerChanged]: { employerId: string };
  [EventName.ProviderChanged]: { providerId: string };
  [EventName.CourseChanged]: { courseId: string };
  [EventName.TaxonomyImported]: Record<string, never>;
  [EventName.CohortChanged]: { cohortId: string };
  [EventName.CohortProcessed]: { cohortId: string };
  [EventName.CohortInvitationCreated]: { invitationId: string };
}

export type EventPayload<E extends EventName> = EventPayloads[E];

/** One job the relay makes of an event. */
export interface JobOfEvent<E extends EventName> {
  job: JobName;
  data: (payload: EventPayload<E>) => JobPayload<JobName>;
  /**
   * Coalescing key: jobs with the same key that are still waiting merge into one (the last state
   * wins, since handlers re-read PostgreSQL). Omit for jobs that must each run.
   */
  dedupeKey?: (payload: EventPayload<E>) => string;
  /**
   * With a dedupeKey: how long the job waits before it runs, so that every change of a burst within
   * that window joins it; a change after the window starts the next job (a throttle, not keep-last).
   */
  coalesceMs?: number;
  /**
   * BullMQ priority (1 highest): jobs without one run first. For many small jobs (one per mail) that
   * must not hold up the other jobs of their queue behind them.
   */
  priority?: number;
}

/**
 * Matching catches up from the outbox itself, so every change coalesces into one pending sync. A sync
 * takes milliseconds, so without a wait a burst (a hundred edits of a profile in a second) would run
 * one sync per relay poll; one second keeps a burst within a second to at most two, well within the 2 s it may take
 * for a new vacancy's candidates to be readable.
 */
export const MATCHING_SYNC_COALESCE_MS = 1000;

const MATCHING_SYNC: JobOfEvent<EventName.WorkerChanged | EventName.VacancyChanged> = {
  job: JobName.MatchingSync,
  data: () => ({}),
  dedupeKey: () => 'all',
  coalesceMs: MATCHING_SYNC_COALESCE_MS,
};

export const EVENT_JOBS: { [E in EventName]: JobOfEvent<E>[] } = {
  [EventName.WorkerChanged]: [MATCHING_SYNC],
  [EventName.VacancyChanged]: [MATCHING_SYNC, { job: JobName.SearchSyncVacancy, data: (p) => ({ vacancyId: p.vacancyId }), dedupeKey: (p) => p.vacancyId }],
  [EventName.EmployerChanged]: [{ job: JobName.SearchSyncEmployer, data: (p) => ({ employerId: p.employerId }), dedupeKey: (p) => p.employerId }],
  [EventName.ProviderChanged]: [{ job: JobName.SearchSyncProvider, data: (p) => ({ providerId: p.providerId }), dedupeKey: (p) => p.providerId }],
  [EventName.CourseChanged]: [{ job: JobName.SearchSyncCourse, data: (p) => ({ courseId: p.courseId }), dedupeKey: (p) => p.courseId }],
  [EventName.TaxonomyImported]: [
    { job: JobName.ReindexSkills, data: () => ({}), dedupeKey: () => 'skills' },
    { job: JobName.MatchingRebuild, data: () => ({}), dedupeKey: () => 'all' },
    // Labels and synonyms may have changed: every course and vacancy document is rebuilt.
    { job: JobName.SearchReindex, data: () => ({}), dedupeKey: () => 'catalog' },
  ],
  [EventName.CohortChanged]: [{ job: JobName.CohortProcess, data: (p) => ({ cohortId: p.cohortId }), dedupeKey: (p) => p.cohortId }],
  [EventName.CohortProcessed]: [{ job: JobName.CohortReport, data: (p) => ({ cohortId: p.cohortId }), dedupeKey: (p) => p.cohortId }],
  // A cohort's thousands of invitation mails must not delay its report (same queue).
  [EventName.CohortInvitationCreated]: [{ job: JobName.CohortSendInvitation, data: (p) => ({ invitationId: p.invitationId }), dedupeKey: (p) => p.invitationId, priority: 10 }],
};

export function isEventName(value: string): value is EventName {
  return (Object.values(EventName) as string[]).includes(value);
}
