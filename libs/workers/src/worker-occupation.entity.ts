import { Occupation } from '@ricarica/taxonomy';
import { Worker } from './worker.entity';
import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';

/** A past occupation of a worker; its essential skills are inferred into the profile. */
@Entity({ name: 'worker_occupation' })
export class WorkerOccupation {
  @PrimaryColumn({ type: 'uuid' })
  workerId: string;

  @PrimaryColumn({ type: 'uuid' })
  occupationId: string;

  @Column({ type: 'numeric', precision: 4, scale: 1, default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  years: number;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  @ManyToOne(() => Occupation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: Occupation;
}
