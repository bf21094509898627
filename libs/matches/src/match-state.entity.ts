import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which version of a worker or vacancy its stored list was computed from: a list is stale while the
 * record's version is newer (a recomputation is queued).
 */
@Entity({ name: 'match_state' })
export class MatchState {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_match_state' })
  subjectType: 'worker' | 'vacancy';

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_match_state' })
  subjectId: string;

  @Column({ type: 'integer' })
  computedVersion: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
