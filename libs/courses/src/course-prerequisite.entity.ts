import { Skill } from '@ricarica/taxonomy';
import { Course } from './course.entity';
import { JoinColumn, ManyToOne, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'course_prerequisite' })
export class CoursePrerequisite {
  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ type: 'uuid' })
  skillId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;
}
