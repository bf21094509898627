import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What is left of erased worker profiles: counts by month, region and employment status, so that
 * regional statistics stay right without keeping anyone's data.
 */
@Entity({ name: 'erasure_tally' })
export class ErasureTally {
  /** First day of the month of the erasure. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  /** NUTS-2 code of the home region, '' when unknown. */
  @PrimaryColumn({ type: 'varchar', length: 4 })
  region: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  employmentStatus: string;

  @Column({ type: 'integer', default: 0 })
  profiles: number;

  /** Applications and enrolment requests the erased profiles had made (the rows stay, without them). */
  @Column({ type: 'integer', default: 0 })
  applications: number;

  @Column({ type: 'integer', default: 0 })
  enrolments: number;
}
