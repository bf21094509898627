import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ESCO skill group (e.g. "joining parts using soldering, welding or brazing techniques"). */
@Entity({ name: 'skill_group' })
export class SkillGroup {
  /** Last URI segment: a UUID, or an ISCED-F code for knowledge groups (e.g. "0715"). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'text', unique: true })
  uri: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'varchar', length: 32 })
  sourceHash: string;
}
