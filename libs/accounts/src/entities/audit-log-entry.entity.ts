import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['unauthenticated', 'forbidden', 'hidden', 'throttled', 'allowed', 'succeeded', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Who did what, when, with what outcome: refused attempts, admin access to others' records and
 * account events. No emails, names or addresses; the actor id is cleared when the account is erased.
 */
@Entity({ name: 'audit_log' })
@Index(['actorUserId'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** No foreign key: the entry outlives the account. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The role at the time, or `anonymous`. */
  @Column({ type: 'varchar', length: 16 })
  actorRole: string;

  /** A route template (`PATCH /api/v1/vacancies/:id`) or an event (`account.erased`). */
  @Column({ type: 'varchar', length: 160 })
  action: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: AuditOutcome;

  @Column({ type: 'smallint', nullable: true })
  status: number | null;
}
