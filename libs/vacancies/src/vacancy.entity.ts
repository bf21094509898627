import { Employer } from '@ricarica/employers';
import { Occupation } from '@ricarica/taxonomy';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Timestamped } from '@ricarica/database';
import { PlaceColumns } from '@ricarica/places';

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'temporary'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const VACANCY_STATUSES = ['draft', 'open', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

@Entity({ name: 'vacancy' })
@Index(['status', 'expiresAt'])
export class Vacancy extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  occupationId: string | null;

  @Column(() => PlaceColumns, { prefix: 'location' })
  location: PlaceColumns;

  @Column({ type: 'boolean', default: false })
  remote: boolean;

  @Column({ type: 'varchar', length: 16 })
  contractType: ContractType;

  @Column({ type: 'integer', nullable: true })
  salaryMinEur: number | null;

  @Column({ type: 'integer', nullable: true })
  salaryMaxEur: number | null;

  @Column({ type: 'integer', default: 1 })
  openings: number;

  @Column({ type: 'varchar', length: 8, default: 'draft' })
  status: VacancyStatus;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @ManyToOne(() => Occupation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: Occupation;
}
