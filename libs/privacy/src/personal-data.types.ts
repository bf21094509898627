import type { AccountView, AuditEntryView } from '@ricarica/accounts';
import type { ApplicationView, EnrolmentView } from '@ricarica/applications';
import type { EmployerView } from '@ricarica/employers';
import type { ProviderView } from '@ricarica/providers';
import type { WorkerView } from '@ricarica/workers';

/** Everything Ricarica holds about one account (GDPR art. 15 and 20). */
export interface PersonalDataExport {
  exportedAt: Date;
  account: AccountView;
  sessions: { id: string; createdAt: Date; lastUsedAt: Date; expiresAt: Date; revokedAt: Date | null; revokedReason: string | null }[];
  worker: WorkerView | null;
  applications: ApplicationView[];
  enrolments: EnrolmentView[];
  employer: EmployerView | null;
  provider: ProviderView | null;
  auditLog: Omit<AuditEntryView, 'actorUserId'>[];
}

export interface ErasureReport {
  workerProfile: boolean;
  applicationsDetached: number;
  enrolmentsDetached: number;
}
