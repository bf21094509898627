import { Skill } from '@ricarica/taxonomy';
import { Worker } from './worker.entity';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SKILL_SOURCES = ['declared', 'inferred', 'certified'] as const;
export type SkillSource = (typeof SKILL_SOURCES)[number];

@Entity({ name: 'worker_skill' })
@Index(['skillId'])
export class WorkerSkill {
  @PrimaryColumn({ type: 'uuid' })
  workerId: string;

  @PrimaryColumn({ type: 'uuid' })
  skillId: string;

  /** 1 basic, 2 intermediate, 3 advanced, 4 expert. */
  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'varchar', length: 16 })
  source: SkillSource;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;
}
