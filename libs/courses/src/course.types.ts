import type { ListScope } from '@ricarica/common';
import type { LocationInputDto, Place } from '@ricarica/places';
import type { CourseMode, CourseStatus, FundingSource } from './course.entity';

export interface SkillTaughtInput {
  skillId: string;
  /** Level reached by the end of the course: 1 basic … 4 expert. */
  targetLevel: number;
}

export interface SessionInput {
  /** On update: a stored session to keep (with the seats taken in it); without one, a new session. */
  id?: string;
  /** ISO 8601 date-times. */
  startsAt: string;
  endsAt: string;
  seats: number;
}

export interface CreateCourseInput {
  providerId: string;
  title: string;
  description?: string;
  language?: string;
  mode: CourseMode;
  /** Required unless the course is online. */
  location?: LocationInputDto | null;
  skillsTaught: SkillTaughtInput[];
  /** ESCO skill ids a participant should already have. */
  prerequisites?: string[];
  hours: number;
  costEur?: number;
  funding?: FundingSource[];
  eqfLevel?: number | null;
  sessions?: SessionInput[];
  status?: CourseStatus;
}

/** Arrays given replace the stored ones. */
export type UpdateCourseInput = Partial<CreateCourseInput>;

export interface SkillTaughtView {
  skillId: string;
  uri: string;
  label: string;
  targetLevel: number;
}

export interface PrerequisiteView {
  skillId: string;
  uri: string;
  label: string;
}

export interface SessionView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  seats: number;
  /** Seats not held by an enrolment request. */
  seatsLeft: number;
}

export interface CourseView {
  id: string;
  provider: { id: string; name: string };
  title: string;
  description: string;
  language: string;
  mode: CourseMode;
  location: Place | null;
  skillsTaught: SkillTaughtView[];
  prerequisites: PrerequisiteView[];
  hours: number;
  costEur: number;
  funding: FundingSource[];
  eqfLevel: number | null;
  sessions: SessionView[];
  /** Start of the earliest session still to come. */
  nextSessionStartsAt: Date | null;
  status: CourseStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CourseListFilter {
  /** Which courses the caller may see (drafts and archived ones only to their provider and admins). */
  scope: ListScope;
  providerId?: string;
  status?: CourseStatus;
  mode?: CourseMode;
  /** NUTS-2 region of the course's location (online courses without one never match). */
  region?: string;
  province?: string;
  /** Only courses teaching this skill. */
  skillId?: string;
  /** Only courses accepting this funding source. */
  funding?: FundingSource;
  limit: number;
  cursor?: string;
}
