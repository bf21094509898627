import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from '@ricarica/accounts';
import { Timestamped } from '@ricarica/database';
import type { Place } from '@ricarica/places';

export interface Site extends Place {
  name?: string;
}

@Entity({ name: 'employer' })
export class Employer extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Italian partita IVA (11 digits) or an EU VAT number; unique. */
  @Column({ type: 'varchar', length: 20, unique: true })
  vatNumber: string;

  /** NACE Rev. 2 activity code, e.g. "29.32". */
  @Column({ type: 'varchar', length: 8, nullable: true })
  naceCode: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sites: Site[];

  /** The employer account that manages this record (one each); null when made by staff or when that account was erased. */
  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id' })
  owner?: AppUser;
}
