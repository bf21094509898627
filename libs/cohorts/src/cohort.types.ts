export const COHORT_REASONS = ['closure', 'redundancy', 'short_time_work'] as const;
export type CohortReason = (typeof COHORT_REASONS)[number];

export const MEMBER_STATUSES = ['pending', 'to_confirm', 'mapped', 'profiled'] as const;
/** pending: title not mapped yet; to_confirm: no confident occupation, a person must pick; mapped: occupation known; profiled: pre-profile made. */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Most rows one upload may hold. */
export const MAX_MEMBERS_PER_UPLOAD = 5000;

export interface PlantInput {
  municipality: string;
  province?: string;
  name?: string;
}

export interface CreateCohortInput {
  name: string;
  employerId: string;
  plant: PlantInput;
  reason: CohortReason;
  announcedOn: string;
  /** Language the job titles are written in (it by default). */
  titleLang?: 'it' | 'en';
}

/** One member as uploaded (CSV columns or JSON fields), before validation. */
export interface MemberInput {
  employeeRef?: string;
  municipality?: string;
  province?: string;
  jobTitle?: string;
  occupationId?: string;
  years?: string | number;
  /** ESCO skill ids, `;`-separated in CSV. */
  skills?: string | string[];
  email?: string;
}

export interface RejectedRow {
  /** Line in the CSV file (the header is line 1), or the 1-based position in a JSON array. */
  line: number;
  employeeRef: string | null;
  field: string;
  reason: string;
}

export interface UploadResult {
  received: number;
  accepted: number;
  /** New members (accepted rows whose reference the cohort did not have). */
  created: number;
  /** Accepted rows whose reference the cohort already had: left as they are. */
  unchanged: number;
  rejected: RejectedRow[];
}

export interface CohortCounts {
  members: number;
  pending: number;
  mapped: number;
  toConfirm: number;
  profiled: number;
  invited: number;
  claimed: number;
  /** Pre-profiles whose match lists are computed for their current version. */
  matched: number;
}

export interface CohortView {
  id: string;
  name: string;
  employer: { id: string; name: string };
  plant: { name: string | null; municipality: string | null; municipalityCode: string | null; province: string | null; region: string | null };
  reason: CohortReason;
  announcedOn: string;
  titleLang: 'it' | 'en';
  counts: CohortCounts;
  /** processing: uploads or confirmations not processed yet; ready: everything processed. */
  processing: 'processing' | 'ready';
  report: { computedAt: Date; stale: boolean } | null;
  createdAt: Date;
}

export interface MemberView {
  id: string;
  employeeRef: string;
  municipality: string;
  province: string | null;
  jobTitle: string | null;
  years: number;
  status: MemberStatus;
  occupation: { id: string; label: string; source: string; confidence: number | null } | null;
  suggestions: { occupationId: string; label: string; confidence: number }[];
  hasEmail: boolean;
  invited: boolean;
  claimed: boolean;
}
