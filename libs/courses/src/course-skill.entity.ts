import { Skill } from '@ricarica/taxonomy';
import { Course } from './course.entity';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'course_skill' })
@Index(['skillId'])
export class CourseSkill {
  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ type: 'uuid' })
  skillId: string;

  @Column({ type: 'smallint' })
  targetLevel: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;
}
