import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from './app-user.entity';

export const SESSION_END_REASONS = ['logout', 'reuse'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * One login: the family of refresh tokens rotated from it. Access tokens name it (`sid`), so revoking
 * it (logout, a replayed refresh token) ends them too, at once.
 */
@Entity({ name: 'auth_session' })
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt: Date;

  /** Moves forward with every rotation (REFRESH_TOKEN_TTL_S of inactivity ends it). */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  revokedReason: SessionEndReason | null;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;
}
