import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ESCO occupation; `id` is the last segment of its concept URI. */
@Entity({ name: 'occupation' })
export class Occupation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text', unique: true })
  uri: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  iscoGroup: string | null;

  /** ESCO's hierarchical code, e.g. "7212.1". */
  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsEn: string[];

  @Column({ type: 'text', nullable: true })
  labelIt: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsIt: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 32 })
  sourceHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
