import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the importer: what it read (a hash of the files) and what it changed. */
@Entity({ name: 'taxonomy_import' })
export class TaxonomyImport {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  sourceHash: string;

  @Column({ type: 'jsonb' })
  counts: Record<string, number>;

  @Column({ type: 'integer' })
  durationMs: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
