import { Occupation } from './occupation.entity';
import { Skill } from './skill.entity';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'occupation_skill' })
@Index(['skillId'])
export class OccupationSkill {
  @PrimaryColumn({ type: 'uuid' })
  occupationId: string;

  @PrimaryColumn({ type: 'uuid' })
  skillId: string;

  @Column({ type: 'varchar', length: 16 })
  relationType: 'essential' | 'optional';

  @ManyToOne(() => Occupation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: Occupation;

  @ManyToOne(() => Skill, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;
}
