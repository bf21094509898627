import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Course, CourseSession } from '@ricarica/courses';
import { Timestamped } from '@ricarica/database';
import { Worker } from '@ricarica/workers';

export const ENROLMENT_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** The statuses that hold a seat of the session. */
export const SEAT_HOLDING: readonly EnrolmentStatus[] = ['requested', 'accepted'];

/**
 * A worker's request for a seat in a course session; it reveals the worker's profile to the provider.
 * One live request per course and worker. When the worker is erased, the row stays without them.
 */
@Entity({ name: 'enrolment' })
@Index('enrolment_live_unique', ['courseId', 'workerId'], { unique: true, where: `status in ('requested', 'accepted')` })
export class Enrolment extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  /** Null once the provider removes the session (only possible when nobody holds a seat in it). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'requested' })
  status: EnrolmentStatus;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @ManyToOne(() => CourseSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: CourseSession;

  @ManyToOne(() => Worker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;
}
