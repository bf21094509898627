import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from '@ricarica/accounts';
import { Timestamped } from '@ricarica/database';
import type { Place } from '@ricarica/places';

export interface ProviderSite extends Place {
  name?: string;
}

/** A training body (ente di formazione). */
@Entity({ name: 'provider' })
export class Provider extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Regional accreditation reference, free text (e.g. "Regione Piemonte, accreditamento n. 123/001"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  accreditation: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sites: ProviderSite[];

  /** The provider account that manages this record (one each); null when made by staff or when that account was erased. */
  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id' })
  owner?: AppUser;
}
