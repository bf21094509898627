import { Provider } from '@ricarica/providers';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Timestamped } from '@ricarica/database';
import { PlaceColumns } from '@ricarica/places';

export const COURSE_MODES = ['in_person', 'online', 'blended'] as const;
export type CourseMode = (typeof COURSE_MODES)[number];
export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const FUNDING_SOURCES = ['GOL', 'FSE+', 'fondi_interprofessionali', 'regional', 'employer', 'none'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

@Entity({ name: 'course' })
export class Course extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** ISO 639-1 code of the teaching language. */
  @Column({ type: 'varchar', length: 2, default: 'it' })
  language: string;

  @Column({ type: 'varchar', length: 16 })
  mode: CourseMode;

  @Column(() => PlaceColumns, { prefix: 'location' })
  location: PlaceColumns;

  @Column({ type: 'integer' })
  hours: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  costEur: number;

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  funding: FundingSource[];

  /** European Qualifications Framework level 1-8. */
  @Column({ type: 'smallint', nullable: true })
  eqfLevel: number | null;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CourseStatus;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(() => Provider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;
}
