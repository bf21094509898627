import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vacancy } from '@ricarica/vacancies';
import { Worker } from '@ricarica/workers';

/**
 * One entry of a worker's stored top list. No stored rank: a list is read in WORKER_MATCH_ORDER, so an
 * entry entering or leaving a list writes that entry only (docs/matching.md).
 */
@Entity({ name: 'worker_match' })
@Index('IDX_worker_match_vacancy', ['vacancyId'])
export class WorkerMatch {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_worker_match' })
  workerId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_worker_match' })
  vacancyId: string;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

  /** The exact score is numerator / denominator (integer arithmetic in the engine). */
  @Column({ type: 'integer' })
  scoreNumerator: number;

  @Column({ type: 'integer' })
  scoreDenominator: number;

  /** As the engine computed it, so that equal distances tie exactly as they do in the engine. */
  @Column({ type: 'double precision' })
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

/** The engine's ranking of a worker's list (score desc, distance asc, vacancy id), for `worker_match m`. */
export const WORKER_MATCH_ORDER = 'm.score_numerator::numeric / m.score_denominator desc, m.distance_km, m.vacancy_id';
