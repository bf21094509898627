import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An ESCO skill or knowledge concept; `id` is the last segment of its concept URI. */
@Entity({ name: 'skill' })
export class Skill {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text', unique: true })
  uri: string;

  /** `skill/competence` or `knowledge` (a handful are empty in ESCO). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  skillType: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reuseLevel: string | null;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsEn: string[];

  @Column({ type: 'text', nullable: true })
  labelIt: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsIt: string[];

  /** `esco` for official labels, `ricarica` for Ricarica's own translation, null without Italian. */
  @Index()
  @Column({ type: 'varchar', length: 16, nullable: true })
  labelItSource: 'esco' | 'ricarica' | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Hash of the source row(s), so a re-import touches only what changed. */
  @Column({ type: 'varchar', length: 32 })
  sourceHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
