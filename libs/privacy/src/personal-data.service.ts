import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessErrors, AccountsService, Actor, AuditService } from '@ricarica/accounts';
import { ApplicationsService, EnrolmentsService } from '@ricarica/applications';
import type { Page } from '@ricarica/common';
import { EmployersService } from '@ricarica/employers';
import { ProvidersService } from '@ricarica/providers';
import { EventName, OutboxService } from '@ricarica/queue';
import { WorkerErrors, WorkersService } from '@ricarica/workers';
import type { ErasureReport, PersonalDataExport } from './personal-data.types';

type Lang = 'it' | 'en';

/** Reads every page of a list. */
async function all<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The GDPR rights over the data Ricarica holds: a copy of all of it, and its erasure. */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly workers: WorkersService,
    private readonly employers: EmployersService,
    private readonly providers: ProvidersService,
    private readonly applications: ApplicationsService,
    private readonly enrolments: EnrolmentsService,
    private readonly outbox: OutboxService,
  ) {}

  async export(actor: Actor, lang: Lang): Promise<PersonalDataExport> {
    const account = await this.accounts.get(actor.userId);
    const workerId = account.workerId;
    const result: PersonalDataExport = {
      exportedAt: new Date(),
      account,
      sessions: await this.accounts.sessionsOf(actor.userId),
      worker: workerId ? await this.workers.get(workerId, lang) : null,
      applications: workerId ? await all((cursor) => this.applications.listForWorker(workerId, { limit: 100, cursor }, lang)) : [],
      enrolments: workerId ? await all((cursor) => this.enrolments.listForWorker(workerId, { limit: 100, cursor }, lang)) : [],
      employer: account.employerId ? await this.employers.get(account.employerId) : null,
      provider: account.providerId ? await this.providers.get(account.providerId) : null,
      auditLog: await this.audit.byActor(actor.userId),
    };
    await this.audit.record({ actor: { userId: actor.userId, role: actor.role }, action: 'account.exported', outcome: 'succeeded' });
    return result;
  }

  /**
   * Erases an account in one transaction: the worker profile with its skills, occupations and
   * matches; the person in their applications and enrolment requests (the rows stay as anonymous
   * counts, seats are given back); their sessions and refresh tokens; their id in the audit log,
   * which keeps one entry saying that an account of this role was erased. An employer or provider
   * record the account managed stays, without its manager (it holds no personal data).
   */
  async eraseAccount(userId: string): Promise<ErasureReport> {
    return this.db.transaction(async (m) => {
      const [user]: { role: Actor['role'] }[] = await m.query(`select role from app_user where id = $1 for update`, [userId]);
      if (!user) throw AccessErrors.unauthenticated();
      const [worker]: { id: string }[] = await m.query(`select id from worker where user_id = $1`, [userId]);
      const report = worker ? await this.eraseWorker(m, worker.id) : { workerProfile: false, applicationsDetached: 0, enrolmentsDetached: 0 };
      await this.audit.forgetActor(m, userId);
      await this.audit.forgetTargets(m, worker ? [userId, worker.id] : [userId]);
      await this.audit.record({ actor: { userId: null, role: user.role }, action: 'account.erased', outcome: 'succeeded' }, m);
      await this.accounts.deleteAccount(m, userId);
      return report;
    });
  }

  /** DELETE /workers/:id: the same erasure of the profile, leaving any account it belonged to. */
  async eraseWorkerProfile(workerId: string): Promise<ErasureReport> {
    return this.db.transaction(async (m) => {
      const report = await this.eraseWorker(m, workerId);
      await this.audit.forgetTargets(m, [workerId]);
      return report;
    });
  }

  private async eraseWorker(m: EntityManager, workerId: string): Promise<ErasureReport> {
    const [worker]: { home_region: string | null; employment_status: string }[] = await m.query(
      `select home_region, employment_status from worker where id = $1 for update`,
      [workerId],
    );
    if (!worker) throw WorkerErrors.notFound(workerId);
    const applicationsDetached = await this.applications.detachWorker(m, workerId);
    const enrolmentsDetached = await this.enrolments.detachWorker(m, workerId);
    await m.query(
      `insert into erasure_tally (month, region, employment_status, profiles, applications, enrolments)
       values (date_trunc('month', now())::date, $1, $2, 1, $3, $4)
       on conflict (month, region, employment_status) do update
         set profiles = erasure_tally.profiles + 1,
             applications = erasure_tally.applications + excluded.applications,
             enrolments = erasure_tally.enrolments + excluded.enrolments`,
      [worker.home_region ?? '', worker.employment_status, applicationsDetached, enrolmentsDetached],
    );
    // Matches: stored match rows reference the worker with ON DELETE CASCADE and go with it below;
    // state kept without a foreign key must be deleted here, in this transaction. The event lets
    // derived state (matching, and any search index that comes to hold workers) drop the worker.
    await m.query(`delete from worker where id = $1`, [workerId]);
    await this.outbox.add(m, EventName.WorkerChanged, { workerId });
    return { workerProfile: true, applicationsDetached, enrolmentsDetached };
  }
}
