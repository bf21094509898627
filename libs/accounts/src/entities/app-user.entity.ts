import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '@ricarica/database';
import type { Role } from '../roles';

/** An account. `user` is reserved in PostgreSQL, hence app_user. */
@Entity({ name: 'app_user' })
@Check('app_user_role', `role in ('worker', 'employer', 'provider', 'admin')`)
@Check('app_user_email_lower', `email = lower(email)`)
export class AppUser extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased, so uniqueness ignores case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  /** Argon2id PHC string; never leaves the accounts lib. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
