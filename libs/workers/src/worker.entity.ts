import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { AppUser } from '@ricarica/accounts';
import { Timestamped } from '@ricarica/database';
import { PlaceColumns } from '@ricarica/places';

export const EMPLOYMENT_STATUSES = ['displaced', 'at_risk', 'employed', 'unemployed'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

@Entity({ name: 'worker' })
@Index('worker_email_unique', { synchronize: false })
export class Worker extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column(() => PlaceColumns, { prefix: 'home' })
  home: PlaceColumns;

  @Column({ type: 'integer', default: 30 })
  mobilityRadiusKm: number;

  /** ISO 639-1 codes. */
  @Column({ type: 'varchar', length: 2, array: true, default: () => "'{}'" })
  languages: string[];

  @Index()
  @Column({ type: 'varchar', length: 16 })
  employmentStatus: EmploymentStatus;

  /** Consent to appear, anonymised, in employers' candidate lists. */
  @Column({ type: 'boolean', default: false })
  visibleToEmployers: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  /** The worker account this profile belongs to (one each); null for a profile made by staff. */
  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;
}
