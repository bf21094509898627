import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vacancy } from '@ricarica/vacancies';
import { Worker } from '@ricarica/workers';

/** One entry of a vacancy's stored candidate list (consenting workers only). */
@Entity({ name: 'vacancy_candidate' })
@Index('IDX_vacancy_candidate_vacancy_rank', ['vacancyId', 'rank'])
@Index('IDX_vacancy_candidate_worker', ['workerId'])
export class VacancyCandidate {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_vacancy_candidate' })
  vacancyId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_vacancy_candidate' })
  workerId: string;

  @Column({ type: 'smallint' })
  rank: number;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

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

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id', foreignKeyConstraintName: 'FK_vacancy_candidate_vacancy' })
  vacancy?: Vacancy;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'FK_vacancy_candidate_worker' })
  worker?: Worker;
}
