import type { TransitionSide } from '@ricarica/accounts';
import type { EmploymentStatus } from '@ricarica/workers';
import type { Place } from '@ricarica/places';
import type { ApplicationStatus } from './application.entity';
import type { EnrolmentStatus } from './enrolment.entity';

export type Lang = 'it' | 'en';

/** Who reads an application or enrolment request: the employer or provider side stops seeing who withdrew. */
export type Viewer = TransitionSide;

/** The profile an application or enrolment request reveals to the employer or provider. */
export interface ApplicantView {
  id: string;
  name: string;
  email: string | null;
  home: Place;
  employmentStatus: EmploymentStatus;
  languages: string[];
  skills: { skillId: string; uri: string; label: string; level: number }[];
}

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  vacancy: { id: string; title: string; employer: { id: string; name: string } };
  /** Null once the worker erased their account. */
  worker: ApplicantView | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EnrolmentView {
  id: string;
  status: EnrolmentStatus;
  course: { id: string; title: string; provider: { id: string; name: string } };
  /** Null when the provider removed the session. */
  session: { id: string; startsAt: Date; endsAt: Date } | null;
  worker: ApplicantView | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ListPage {
  limit: number;
  cursor?: string;
}
