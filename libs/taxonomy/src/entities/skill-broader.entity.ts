import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One edge of ESCO's skill pillar: `conceptUri` sits directly under `broaderUri`. */
@Entity({ name: 'skill_broader' })
@Index(['broaderUri'])
export class SkillBroader {
  @PrimaryColumn({ type: 'text' })
  conceptUri: string;

  @PrimaryColumn({ type: 'text' })
  broaderUri: string;

  /** `Skill` or `SkillGroup`, for both ends. */
  @Column({ type: 'varchar', length: 16 })
  conceptType: string;

  @Column({ type: 'varchar', length: 16 })
  broaderType: string;
}
