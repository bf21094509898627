/** Every BullMQ queue; one processor per queue in apps/worker. */
export enum QueueName {
  Maintenance = 'maintenance',
  Matching = 'matching',
  /** Keeps the courses and vacancies Meilisearch indexes consistent with PostgreSQL. */
  Search = 'search',
  /** Whole-plant intake: mapping titles, pre-profiles, invitation mail, cohort reports. */
  Cohorts = 'cohorts',
}

/** Every job name, each with exactly one handler (checked when the worker boots). */
export enum JobName {
  ReindexSkills = 'taxonomy.reindex-skills',
  /** Apply every worker and vacancy change since the last run to the match lists. */
  MatchingSync = 'matching.sync',
  /** Recompute every match list from scratch (after a taxonomy import, or `npm run matches:rebuild`). */
  MatchingRebuild = 'matching.rebuild',
  SearchSyncCourse = 'search.sync-course',
  SearchSyncVacancy = 'search.sync-vacancy',
  /** A provider renamed or deleted: its courses are re-sent or removed. */
  SearchSyncProvider = 'search.sync-provider',
  SearchSyncEmployer = 'search.sync-employer',
  /** Repeatable: compares ids and versions between PostgreSQL and each index and repairs drift. */
  SearchVerify = 'search.verify',
  /** Rebuilds one index (or both) into a fresh index and swaps it in. */
  SearchReindex = 'search.reindex',
  /** Regional insights: one month's snapshot (no month: the current one, and the last one finalised). */
  InsightsSnapshot = 'insights.snapshot',
  /** Maps a cohort's pending members to occupations and makes the pre-profiles of mapped ones. */
  CohortProcess = 'cohort.process',
  /** Recomputes a cohort's stored report once its members' match lists are current. */
  CohortReport = 'cohort.report',
  /** Sends one cohort invitation mail (a fresh one-time claim link). */
  CohortSendInvitation = 'cohort.send-invitation',
}

/** Which queue carries each job. */
export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ReindexSkills]: QueueName.Maintenance,
  [JobName.MatchingSync]: QueueName.Matching,
  [JobName.MatchingRebuild]: QueueName.Matching,
  [JobName.SearchSyncCourse]: QueueName.Search,
  [JobName.SearchSyncVacancy]: QueueName.Search,
  [JobName.SearchSyncProvider]: QueueName.Search,
  [JobName.SearchSyncEmployer]: QueueName.Search,
  [JobName.SearchVerify]: QueueName.Search,
  [JobName.SearchReindex]: QueueName.Search,
  [JobName.InsightsSnapshot]: QueueName.Maintenance,
  [JobName.CohortProcess]: QueueName.Cohorts,
  [JobName.CohortReport]: QueueName.Cohorts,
  [JobName.CohortSendInvitation]: QueueName.Cohorts,
};

/** Payloads carry ids only: handlers re-read PostgreSQL, so a late job never applies stale data. */
export interface JobPayloads {
  [JobName.ReindexSkills]: Record<string, never>;
  [JobName.MatchingSync]: Record<string, never>;
  [JobName.MatchingRebuild]: Record<string, never>;
  [JobName.SearchSyncCourse]: { courseId: string };
  [JobName.SearchSyncVacancy]: { vacancyId: string };
  [JobName.SearchSyncProvider]: { providerId: string };
  [JobName.SearchSyncEmployer]: { employerId: string };
  [JobName.SearchVerify]: Record<string, never>;
  /** No index: both. */
  [JobName.SearchReindex]: { index?: 'courses' | 'vacancies' };
  /** YYYY-MM; absent: the scheduled run. */
  [JobName.InsightsSnapshot]: { month?: string };
  [JobName.CohortProcess]: { cohortId: string };
  [JobName.CohortReport]: { cohortId: string };
  [JobName.CohortSendInvitation]: { invitationId: string };
}

export type JobPayload<J extends JobName> = JobPayloads[J];

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}
