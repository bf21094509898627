import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ricarica/common';
import type { AuditOutcome } from './entities/audit-log-entry.entity';
import type { Role } from './roles';

export interface AuditEvent {
  /** userId null: the role is known but the person must not be (an erased account). */
  actor: { userId: string | null; role: Role } | null;
  action: string;
  target?: { type: string; id: string } | null;
  outcome: AuditOutcome;
  status?: number;
}

export interface AuditEntryView {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  status: number | null;
}

export interface AuditListFilter {
  actorUserId?: string;
  outcome?: AuditOutcome;
  /** Prefix of the action, e.g. `account.` or `DELETE /api/v1/vacancies`. */
  action?: string;
  limit: number;
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_role: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditOutcome;
  status: number | null;
}

/** The audit log: appended to by the API and the accounts services, read by admins. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(event: AuditEvent, m: EntityManager = this.db.manager): Promise<void> {
    const target = event.target && UUID.test(event.target.id) ? event.target : null;
    await m.query(
      `insert into audit_log (actor_user_id, actor_role, action, target_type, target_id, outcome, status) values ($1, $2, $3, $4, $5, $6, $7)`,
      [event.actor?.userId ?? null, event.actor?.role ?? 'anonymous', event.action.slice(0, 160), target?.type ?? null, target?.id ?? null,
        event.outcome, event.status ?? null],
    );
  }

  /** Like record, but a failure to write is logged rather than thrown (for error paths). */
  async recordQuietly(event: AuditEvent): Promise<void> {
    try {
      await this.record(event);
    } catch (e) {
      this.logger.error({ err: e, action: event.action }, 'could not write the audit log');
    }
  }

  /** Newest first. */
  async list(filter: AuditListFilter): Promise<Page<AuditEntryView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorUserId) add('actor_user_id = ?', filter.actorUserId);
    if (filter.outcome) add('outcome = ?', filter.outcome);
    if (filter.action) add(`action like ? escape '\\'`, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(filter.limit + 1);
    const rows: AuditRow[] = await this.db.query(
      `select * from audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by at desc, id desc limit $${params.length}`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.at })),
      filter.limit,
      (r) => ({
        id: r.id, at: r.at, actorUserId: r.actor_user_id, actorRole: r.actor_role, action: r.action, targetType: r.target_type,
        targetId: r.target_id, outcome: r.outcome, status: r.status,
      }),
    );
  }

  /** What the caller did, for their data export. */
  async byActor(userId: string, m: EntityManager = this.db.manager): Promise<Omit<AuditEntryView, 'actorUserId'>[]> {
    const rows: AuditRow[] = await m.query(`select * from audit_log where actor_user_id = $1 order by at, id`, [userId]);
    return rows.map((r) => ({
      id: r.id, at: r.at, actorRole: r.actor_role, action: r.action, targetType: r.target_type, targetId: r.target_id, outcome: r.outcome,
      status: r.status,
    }));
  }

  /** On erasure: entries keep what happened, not who did it. */
  async forgetActor(m: EntityManager, userId: string): Promise<void> {
    await m.query(`update audit_log set actor_user_id = null where actor_user_id = $1`, [userId]);
  }

  /** On erasure: entries keep what happened, not whose account or profile it touched. */
  async forgetTargets(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(`update audit_log set target_id = null where target_id = any($1::uuid[])`, [ids]);
  }
}
