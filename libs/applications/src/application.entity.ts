import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '@ricarica/database';
import { Vacancy } from '@ricarica/vacancies';
import { Worker } from '@ricarica/workers';

export const APPLICATION_STATUSES = ['received', 'shortlisted', 'rejected', 'hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * A worker's application to a vacancy: it reveals the worker's profile to that vacancy's employer.
 * Once per vacancy. When the worker is erased, the row stays without them, for the counts.
 */
@Entity({ name: 'application' })
@Index(['vacancyId', 'workerId'], { unique: true })
export class Application extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  vacancyId: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: ApplicationStatus;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: Vacancy;

  @ManyToOne(() => Worker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;
}
