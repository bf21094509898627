import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vacancy } from '@ricarica/vacancies';
import { Worker } from '@ricarica/workers';

/** One entry of a worker's stored top list (deeper than served, so single events rarely rescan). */
@Entity({ name: 'worker_match' })
@Index('IDX_worker_match_worker_rank', ['workerId', 'rank'])
@Index('IDX_worker_match_vacancy', ['vacancyId'])
export class WorkerMatch {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_worker_match' })
  workerId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_worker_match' })
  vacancyId: string;

  /** 1-based position in the worker's list (score desc, distance asc, vacancy id). */
  @Column({ type: 'smallint' })
  rank: number;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

  /** The exact score is numerator / denominator (integer arithmetic in the engine). */
  @Column({ type: 'integer' })
  scoreNumerator: number;

  @Column({ type: 'integer' })
  scoreDenominator: number;

  @Column({ type: 'real' })
  distanceKm: number;

  @Column({ type: 'smallint' })
  engineVersion: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'FK_worker_match_worker' })
  worker?: Worker;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id', foreignKeyConstraintName: 'FK_worker_match_vacancy' })
  vacancy?: Vacancy;
}
