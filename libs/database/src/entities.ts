// Every entity, for the migration CLI's data source. Apps load theirs through forFeature().
import { AppUser, AuditLogEntry, AuthSession, RefreshToken } from '@ricarica/accounts';
import { Application, Enrolment } from '@ricarica/applications';
import { CourseSession, CoursePrerequisite, CourseSkill, Course } from '@ricarica/courses';
import { Employer } from '@ricarica/employers';
import { MatchState, VacancyCandidate, WorkerMatch } from '@ricarica/matches';
import { Municipality } from '@ricarica/places';
import { ErasureTally } from '@ricarica/privacy';
import { Provider } from '@ricarica/providers';
import { OutboxEntry } from '@ricarica/queue';
import { Occupation, OccupationSkill, Skill, SkillBroader, SkillGroup, TaxonomyImport } from '@ricarica/taxonomy';
import { Vacancy, VacancyRequirement } from '@ricarica/vacancies';
import { Worker, WorkerOccupation, WorkerSkill } from '@ricarica/workers';

export const ALL_ENTITIES = [
  Skill, SkillGroup, SkillBroader, Occupation, OccupationSkill, TaxonomyImport,
  Municipality,
  Worker, WorkerSkill, WorkerOccupation,
  Employer, Vacancy, VacancyRequirement,
  Provider, Course, CourseSkill, CoursePrerequisite, CourseSession,
  OutboxEntry,
  WorkerMatch, VacancyCandidate, MatchState,
  AppUser, AuthSession, RefreshToken, AuditLogEntry,
  Application, Enrolment, ErasureTally,
];
