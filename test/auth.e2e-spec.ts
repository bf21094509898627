import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import { GOOD_PASSWORD, uniqueEmail } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-env';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token signed with the test secret, with any claims. */
function forge(claims: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('accounts and tokens (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/auth/register', () => {
    it('creates an account, signs it in and stores only an Argon2id hash of the password', async () => {
      const email = uniqueEmail('giulia');
      const res = await t.request('POST', '/api/v1/auth/register', { email: `  ${email.toUpperCase()}`.trim(), password: GOOD_PASSWORD, role: 'worker', displayName: 'Giulia' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.any(String),
        expiresIn: 900,
        account: { email, role: 'worker', displayName: 'Giulia', workerId: null, employerId: null, providerId: null },
      });
      const [row] = await t.db.query(`select password_hash from app_user where email = $1`, [email]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(GOOD_PASSWORD);
      const [token] = await t.db.query(`select token_hash from refresh_token t join auth_session s on s.id = t.session_id where s.user_id = $1`, [res.body.account.id]);
      expect(token.token_hash).not.toBe(res.body.refreshToken);
      expect(token.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it.each([
      { label: 'a short password', patch: { password: 'corta1' }, field: 'password', code: 'AUTH.WEAK_PASSWORD' },
      { label: 'a common password', patch: { password: 'Password123' }, field: 'password', code: 'AUTH.WEAK_PASSWORD' },
      { label: 'a password containing the email', patch: { email: 'marco.colombo@example.it', password: 'marco.colombo 2026' }, field: 'password', code: 'AUTH.WEAK_PASSWORD' },
      { label: 'a malformed email', patch: { email: 'not-an-email' }, field: 'email', code: 'REQUEST.INVALID' },
      { label: 'the admin role', patch: { role: 'admin' }, field: 'role', code: 'REQUEST.INVALID' },
      { label: 'an unknown role', patch: { role: 'superuser' }, field: 'role', code: 'REQUEST.INVALID' },
      { label: 'an empty display name', patch: { displayName: '' }, field: 'displayName', code: 'REQUEST.INVALID' },
      { label: 'an unknown field', patch: { isAdmin: true }, field: 'isAdmin', code: 'REQUEST.INVALID' },
    ])('refuses $label with 400 $code naming $field', async ({ patch, field, code }) => {
      const res = await t.request('POST', '/api/v1/auth/register', {
        email: uniqueEmail(), password: GOOD_PASSWORD, role: 'worker', displayName: 'Test', ...patch,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses an email already registered, in any case, with 409', async () => {
      const account = await t.signUp('employer');
      const res = await t.request('POST', '/api/v1/auth/register', {
        email: account.email.toUpperCase(), password: GOOD_PASSWORD, role: 'worker', displayName: 'Again',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('AUTH.EMAIL_TAKEN');
    });
  });

  describe('POST /api/v1/auth/login and GET /api/v1/me', () => {
    it('signs in with the right password and tells the account who it is', async () => {
      const account = await t.signUp('provider');
      const login = await t.request('POST', '/api/v1/auth/login', { email: account.email, password: GOOD_PASSWORD });
      expect(login.status).toBe(200);
      const me = await t.request('GET', '/api/v1/me', undefined, bearer(login.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: account.id, email: account.email, role: 'provider', providerId: null });
      expect(me.body).not.toHaveProperty('passwordHash');
    });

    it('answers a wrong password and an unknown email alike, with 401', async () => {
      const account = await t.signUp('worker');
      const wrong = await t.request('POST', '/api/v1/auth/login', { email: account.email, password: 'not the password at all' });
      const unknown = await t.request('POST', '/api/v1/auth/login', { email: uniqueEmail(), password: GOOD_PASSWORD });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS', message: 'wrong email or password' });
      }
    });

    it('refuses /me without a token (401, WWW-Authenticate) and with a malformed or tampered one', async () => {
      const account = await t.signUp('worker');
      const none = await t.request('GET', '/api/v1/me');
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect(none.headers['www-authenticate']).toBe('Bearer');
      const [header, payload] = account.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      for (const authorization of [
        'Basic dXNlcjpwYXNz',
        `Bearer ${header}.${base64url({ ...claims, role: 'admin' })}.${account.accessToken.split('.')[2]}`,
        `Bearer ${forge({ ...claims }, 'another-secret-another-secret-another')}`,
        `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      ]) {
        const res = await t.request('GET', '/api/v1/me', undefined, { authorization });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('AUTH.TOKEN_INVALID');
      }
    });
  });

  describe('token expiry', () => {
    it('refuses an expired access token with 401 AUTH.TOKEN_EXPIRED', async () => {
      const account = await t.signUp('worker');
      const claims = JSON.parse(Buffer.from(account.accessToken.split('.')[1], 'base64url').toString());
      const expired = forge({ ...claims, iat: claims.iat - 3600, exp: claims.iat - 1800 });
      const res = await t.request('GET', '/api/v1/me', undefined, bearer(expired));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH.TOKEN_EXPIRED');
      expect((await t.request('GET', '/api/v1/me', undefined, account.headers)).status).toBe(200);
    });

    it('lets an access token lapse after ACCESS_TOKEN_TTL_S, while its refresh token still works', async () => {
      const short = await createTestApp({ ACCESS_TOKEN_TTL_S: '1' });
      try {
        const account = await short.signUp('employer');
        expect((await short.request('GET', '/api/v1/me', undefined, account.headers)).status).toBe(200);
        await sleep(2100);
        const late = await short.request('GET', '/api/v1/me', undefined, account.headers);
        expect(late.status).toBe(401);
        expect(late.body.code).toBe('AUTH.TOKEN_EXPIRED');
        const refreshed = await short.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
        expect(refreshed.status).toBe(200);
        expect((await short.request('GET', '/api/v1/me', undefined, bearer(refreshed.body.accessToken))).status).toBe(200);
      } finally {
        await short.close();
      }
    });
  });

  describe('POST /api/v1/auth/refresh', () => {
    it('rotates: the new pair works and the old refresh token is refused after use', async () => {
      const account = await t.signUp('worker');
      const first = await t.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(account.refreshToken);
      expect((await t.request('GET', '/api/v1/me', undefined, bearer(first.body.accessToken))).status).toBe(200);

      const replay = await t.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH.REFRESH_REUSED');
    });

    it('ends the whole session when a used refresh token is replayed: the newer tokens stop working too', async () => {
      const account = await t.signUp('worker');
      const rotated = await t.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
      await t.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
      const newer = await t.request('POST', '/api/v1/auth/refresh', { refreshToken: rotated.body.refreshToken });
      expect(newer.status).toBe(401);
      expect(newer.body.code).toBe('AUTH.REFRESH_INVALID');
      const me = await t.request('GET', '/api/v1/me', undefined, bearer(rotated.body.accessToken));
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('AUTH.SESSION_ENDED');
      const [audit] = await t.db.query(`select outcome from audit_log where actor_user_id = $1 and action = 'auth.refresh-reused'`, [account.id]);
      expect(audit.outcome).toBe('forbidden');
    });

    it('refuses an unknown refresh token, and a malformed one with 400', async () => {
      expect((await t.request('POST', '/api/v1/auth/refresh', { refreshToken: 'x'.repeat(43) })).status).toBe(401);
      expect((await t.request('POST', '/api/v1/auth/refresh', { refreshToken: 'not a token!' })).status).toBe(400);
    });

    it('refuses a refresh token past REFRESH_TOKEN_TTL_S', async () => {
      const short = await createTestApp({ REFRESH_TOKEN_TTL_S: '1' });
      try {
        const account = await short.signUp('worker');
        await sleep(1500);
        const res = await short.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('AUTH.REFRESH_INVALID');
      } finally {
        await short.close();
      }
    });
  });

  describe('POST /api/v1/auth/logout', () => {
    it('revokes the session: its refresh token and its access token stop working, other sessions do not', async () => {
      const account = await t.signUp('employer');
      const other = await t.request('POST', '/api/v1/auth/login', { email: account.email, password: GOOD_PASSWORD });
      const res = await t.request('POST', '/api/v1/auth/logout', { refreshToken: account.refreshToken });
      expect(res.status).toBe(204);
      expect((await t.request('POST', '/api/v1/auth/refresh', { refreshToken: account.refreshToken })).status).toBe(401);
      const me = await t.request('GET', '/api/v1/me', undefined, account.headers);
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('AUTH.SESSION_ENDED');
      expect((await t.request('GET', '/api/v1/me', undefined, bearer(other.body.accessToken))).status).toBe(200);
    });

    it('answers 204 for a token it does not know, so that it reveals nothing', async () => {
      expect((await t.request('POST', '/api/v1/auth/logout', { refreshToken: 'y'.repeat(43) })).status).toBe(204);
    });
  });

  describe('failed sign-in throttling', () => {
    let th: TestApp;

    beforeAll(async () => {
      th = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '6', LOGIN_WINDOW_S: '60' });
    });

    afterAll(async () => {
      await th.close();
    });

    it('answers 429 with Retry-After after LOGIN_MAX_FAILURES for one account, even with the right password', async () => {
      const account = await th.signUp('worker');
      const from = { remoteAddress: '10.1.0.1' };
      for (let i = 0; i < 3; i++) {
        expect((await th.request('POST', '/api/v1/auth/login', { email: account.email, password: 'wrong password here' }, {}, from)).status).toBe(401);
      }
      const blocked = await th.request('POST', '/api/v1/auth/login', { email: account.email, password: GOOD_PASSWORD }, {}, { remoteAddress: '10.1.0.2' });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
      const [audit] = await th.db.query(`select count(*)::int as n from audit_log where action = 'auth.login' and outcome = 'throttled'`);
      expect(audit.n).toBeGreaterThan(0);
    });

    it('answers 429 after LOGIN_MAX_FAILURES_PER_IP from one address, whatever the account', async () => {
      const from = { remoteAddress: '10.2.0.1' };
      for (let i = 0; i < 6; i++) {
        expect((await th.request('POST', '/api/v1/auth/login', { email: uniqueEmail(), password: 'guessing again' }, {}, from)).status).toBe(401);
      }
      const account = await th.signUp('worker');
      const blocked = await th.request('POST', '/api/v1/auth/login', { email: account.email, password: GOOD_PASSWORD }, {}, from);
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      const elsewhere = await th.request('POST', '/api/v1/auth/login', { email: account.email, password: GOOD_PASSWORD }, {}, { remoteAddress: '10.2.0.2' });
      expect(elsewhere.status).toBe(200);
    });

    it('keeps email addresses out of Redis keys', async () => {
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      try {
        const keys = await redis.keys(`${th.env.QUEUE_PREFIX}:rl:*`);
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.join(' ')).not.toMatch(/@|example/);
      } finally {
        redis.disconnect();
      }
    });
  });

  describe('admin accounts', () => {
    it('are made by the CLI only: the admin can sign in, and nobody can register as one', async () => {
      const admin = await t.admin();
      const me = await t.request('GET', '/api/v1/me', undefined, admin.headers);
      expect(me.body.role).toBe('admin');
      const [event] = await t.db.query(`select outcome from audit_log where action = 'account.admin-created' and target_id = $1`, [admin.id]);
      expect(event.outcome).toBe('succeeded');
    });
  });
});
