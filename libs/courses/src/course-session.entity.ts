import { Course } from './course.entity';
import { Check, JoinColumn, ManyToOne, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'course_session' })
@Index(['courseId', 'startsAt'])
@Check('course_session_seats_taken', `seats_taken >= 0 and seats_taken <= seats`)
export class CourseSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** Capacity. */
  @Column({ type: 'integer' })
  seats: number;

  /** Held by enrolment requests still requested or accepted; never above seats (checked by the database too). */
  @Column({ type: 'integer', default: 0 })
  seatsTaken: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;
}
