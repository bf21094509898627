import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { AccessErrors, AuthErrors } from './account.errors';
import type { AccountView, AuthResult, ClientInfo, CreateAdminInput, RegisterInput } from './account.types';
import { AuditService } from './audit.service';
import { PasswordHasher } from './password-hasher';
import { passwordProblems } from './password-policy';
import { Actor, Role, SELF_SERVICE_ROLES } from './roles';
import { LoginThrottle } from './throttling/login-throttle';
import { hashRefreshToken, TokenService } from './token.service';

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  created_at: Date;
  worker_id: string | null;
  employer_id: string | null;
  provider_id: string | null;
}

/** The user with the one record each kind of account owns. */
const SELECT_USER = `
  select u.*, w.id as worker_id, e.id as employer_id, p.id as provider_id
    from app_user u
    left join worker w on w.user_id = u.id
    left join employer e on e.owner_user_id = u.id
    left join provider p on p.owner_user_id = u.id`;

const toView = (r: UserRow): AccountView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  displayName: r.display_name,
  workerId: r.worker_id,
  employerId: r.employer_id,
  providerId: r.provider_id,
  createdAt: r.created_at,
});

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e as { code?: string }).code === '23505';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** Registration, sign-in, token rotation and sign-out. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /** A worker, employer or provider account, signed in at once. */
  async register(input: RegisterInput): Promise<AuthResult> {
    // The request DTO already refuses admin; this keeps the rule where the accounts are made.
    if (!(SELF_SERVICE_ROLES as readonly string[]).includes(input.role)) {
      throw DomainError.invalid('AUTH.ROLE_NOT_SELF_SERVICE', [{ field: 'role', reason: `must be one of ${SELF_SERVICE_ROLES.join(', ')}` }]);
    }
    const user = await this.createUser(input);
    return this.startSession(user);
  }

  /** Only the CLI (`npm run user:create-admin`) calls this. */
  async createAdmin(input: CreateAdminInput): Promise<AccountView> {
    const user = await this.createUser({ ...input, role: 'admin' });
    await this.audit.record({ actor: null, action: 'account.admin-created', target: { type: 'account', id: user.id }, outcome: 'succeeded' });
    return toView(user);
  }

  async login(email: string, password: string, client: ClientInfo): Promise<AuthResult> {
    const normalized = normalizeEmail(email);
    try {
      await this.throttle.assertAllowed(normalized, client.ip);
    } catch (e) {
      await this.audit.record({ actor: null, action: 'auth.login', outcome: 'throttled', status: 429 });
      throw e;
    }
    const [user]: UserRow[] = await this.db.query(`${SELECT_USER} where u.email = $1`, [normalized]);
    const ok = user ? await this.hasher.verify(user.password_hash, password) : await this.hasher.verifyNothing(password);
    if (!user || !ok) {
      await this.throttle.recordFailure(normalized, client.ip);
      // The attempt is against the account, not by its owner: the account is the target.
      await this.audit.record({ actor: null, action: 'auth.login', target: user ? { type: 'account', id: user.id } : null, outcome: 'failed', status: 401 });
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(normalized);
    const rehash = this.hasher.isOutdated(user.password_hash) ? await this.hasher.hash(password) : null;
    await this.db.query(
      `update app_user set last_login_at = now(), password_hash = coalesce($2, password_hash) where id = $1`,
      [user.id, rehash],
    );
    return this.startSession(user);
  }

  /**
   * Exchanges a refresh token for a new pair. A token already exchanged means it was copied: the
   * whole session is revoked, so that neither the thief's nor the owner's tokens work any more.
   */
  async refresh(refreshToken: string): Promise<AuthResult> {
    const outcome = await this.db.transaction(async (m) => {
      const [row]: { id: string; session_id: string; used_at: Date | null; expires_at: Date; revoked_at: Date | null; user_id: string }[] =
        await m.query(
          `select t.id, t.session_id, t.used_at, t.expires_at, s.revoked_at, s.user_id
             from refresh_token t join auth_session s on s.id = t.session_id
            where t.token_hash = $1 for update of t, s`,
          [hashRefreshToken(refreshToken)],
        );
      if (!row || row.revoked_at || row.expires_at.getTime() <= Date.now()) return 'invalid' as const;
      if (row.used_at) {
        await m.query(`update auth_session set revoked_at = now(), revoked_reason = 'reuse' where id = $1`, [row.session_id]);
        const [user]: UserRow[] = await m.query(`select * from app_user where id = $1`, [row.user_id]);
        await this.audit.record({ actor: { userId: user.id, role: user.role }, action: 'auth.refresh-reused', outcome: 'forbidden', status: 401 }, m);
        return 'reused' as const;
      }
      await m.query(`update refresh_token set used_at = now() where id = $1`, [row.id]);
      const [user]: UserRow[] = await m.query(`${SELECT_USER} where u.id = $1`, [row.user_id]);
      return { user, pair: await this.issue(m, user, row.session_id) };
    });
    // Thrown after the transaction, so that the revocation is kept.
    if (outcome === 'invalid') throw AuthErrors.refreshInvalid();
    if (outcome === 'reused') throw AuthErrors.refreshReused();
    return outcome.pair;
  }

  /** Ends the session the refresh token belongs to (its access tokens stop working too). Quiet when unknown. */
  async logout(refreshToken: string): Promise<void> {
    await this.db.query(
      `update auth_session set revoked_at = now(), revoked_reason = 'logout'
        where revoked_at is null and id = (select session_id from refresh_token where token_hash = $1)`,
      [hashRefreshToken(refreshToken)],
    );
  }

  /**
   * The caller named by an Authorization header: null without one, 401 when it is malformed,
   * expired, or its session has ended (sign-out, reuse) or its account is gone.
   */
  async authenticate(authorization: string | undefined): Promise<Actor | null> {
    if (authorization === undefined || authorization === '') return null;
    const match = BEARER.exec(authorization);
    if (!match) throw AuthErrors.tokenInvalid();
    const claims = await this.tokens.verifyAccess(match[1]);
    const [row]: UserRow[] = await this.db.query(
      `${SELECT_USER} join auth_session s on s.user_id = u.id
        where u.id = $1 and s.id = $2 and s.revoked_at is null and s.expires_at > now()`,
      [claims.sub, claims.sid],
    );
    if (!row) throw AuthErrors.sessionEnded();
    return { userId: row.id, role: row.role, sessionId: claims.sid, workerId: row.worker_id, employerId: row.employer_id, providerId: row.provider_id };
  }

  async get(userId: string, m: EntityManager = this.db.manager): Promise<AccountView> {
    const [row]: UserRow[] = await m.query(`${SELECT_USER} where u.id = $1`, [userId]);
    if (!row) throw AccessErrors.unauthenticated();
    return toView(row);
  }

  /** The caller's sign-in sessions, for their data export (no token material). */
  async sessionsOf(userId: string, m: EntityManager = this.db.manager) {
    return m.query(
      `select id, created_at as "createdAt", last_used_at as "lastUsedAt", expires_at as "expiresAt", revoked_at as "revokedAt",
              revoked_reason as "revokedReason"
         from auth_session where user_id = $1 order by created_at`,
      [userId],
    ) as Promise<{ id: string; createdAt: Date; lastUsedAt: Date; expiresAt: Date; revokedAt: Date | null; revokedReason: string | null }[]>;
  }

  /** Deletes the account; its sessions and refresh tokens go with it (foreign key cascade). */
  async deleteAccount(m: EntityManager, userId: string): Promise<void> {
    await m.query(`delete from app_user where id = $1`, [userId]);
  }

  private async createUser(input: { email: string; password: string; role: Role; displayName: string }): Promise<UserRow> {
    const email = normalizeEmail(input.email);
    const weak = passwordProblems(input.password, { email, displayName: input.displayName });
    if (weak.length) throw AuthErrors.weakPassword(weak.map((reason) => ({ field: 'password', reason })));
    const taken: unknown[] = await this.db.query(`select 1 from app_user where email = $1`, [email]);
    if (taken.length) throw AuthErrors.emailTaken();
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const [row]: UserRow[] = await this.db.query(
        `insert into app_user (email, password_hash, role, display_name) values ($1, $2, $3, $4)
         returning *, null::uuid as worker_id, null::uuid as employer_id, null::uuid as provider_id`,
        [email, passwordHash, input.role, input.displayName.trim()],
      );
      return row;
    } catch (e) {
      // Two registrations of one address at once: the unique index decides.
      if (isUniqueViolation(e)) throw AuthErrors.emailTaken();
      throw e;
    }
  }

  private async startSession(user: UserRow): Promise<AuthResult> {
    return this.db.transaction(async (m) => {
      const [session]: { id: string }[] = await m.query(
        `insert into auth_session (user_id, last_used_at, expires_at) values ($1, now(), now() + make_interval(secs => $2)) returning id`,
        [user.id, this.tokens.refreshTtlS],
      );
      return this.issue(m, user, session.id);
    });
  }

  /** A new access token and refresh token for the session, whose expiry moves forward. */
  private async issue(m: EntityManager, user: UserRow, sessionId: string): Promise<AuthResult> {
    const refresh = this.tokens.newRefreshToken();
    await m.query(
      `insert into refresh_token (session_id, token_hash, expires_at) values ($1, $2, now() + make_interval(secs => $3))`,
      [sessionId, refresh.hash, this.tokens.refreshTtlS],
    );
    await m.query(
      `update auth_session set last_used_at = now(), expires_at = now() + make_interval(secs => $2) where id = $1`,
      [sessionId, this.tokens.refreshTtlS],
    );
    const accessToken = await this.tokens.signAccess({ sub: user.id, role: user.role, sid: sessionId });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: this.tokens.accessTtlS,
      refreshToken: refresh.token,
      refreshExpiresIn: this.tokens.refreshTtlS,
      account: toView(user),
    };
  }
}
