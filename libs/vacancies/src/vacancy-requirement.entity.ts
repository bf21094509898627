import { Skill } from '@ricarica/taxonomy';
import { Vacancy } from './vacancy.entity';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const IMPORTANCES = ['essential', 'optional'] as const;
export type Importance = (typeof IMPORTANCES)[number];

@Entity({ name: 'vacancy_requirement' })
@Index(['skillId'])
export class VacancyRequirement {
  @PrimaryColumn({ type: 'uuid' })
  vacancyId: string;

  @PrimaryColumn({ type: 'uuid' })
  skillId: string;

  @Column({ type: 'varchar', length: 16 })
  importance: Importance;

  @Column({ type: 'smallint', default: 2 })
  minLevel: number;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: Vacancy;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;
}
