import { createTestApp, TestApp } from './support/test-app';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789abcdef';

describe('hardening (e2e): headers, CORS, rate limit, metrics and queue dashboard access', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      CORS_ORIGINS: 'https://app.ricarica.example, http://localhost:5173',
      RATE_LIMIT_PER_MINUTE: '5',
      METRICS_ALLOW_CIDRS: '10.20.0.0/16, 192.0.2.7',
      METRICS_TOKEN,
    });
  });

  afterAll(async () => {
    await t.close();
  });

  /** Each test its own client address, so that the rate limit of one does not spill into the next. */
  let n = 0;
  const from = () => ({ remoteAddress: `198.51.100.${++n}` });

  it('sends the helmet security headers', async () => {
    const res = await t.request('GET', '/api/v1/health', undefined, {}, from());
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers).not.toHaveProperty('x-powered-by');
  });

  it('answers CORS preflights for the configured origins only', async () => {
    const ok = await t.request('OPTIONS' as never, '/api/v1/vacancies', undefined, {
      origin: 'https://app.ricarica.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type',
    }, from());
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.ricarica.example');
    expect(String(ok.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    expect(ok.headers).not.toHaveProperty('access-control-allow-credentials');
    const other = await t.request('GET', '/api/v1/health', undefined, { origin: 'https://evil.example' }, from());
    expect(other.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('limits each client address to RATE_LIMIT_PER_MINUTE requests across all routes, with 429 and Retry-After', async () => {
    const address = from();
    const statuses: number[] = [];
    for (const path of ['/api/v1/health', '/api/v1/employers', '/api/v1/courses', '/api/v1/vacancies', '/api/v1/providers', '/api/v1/health']) {
      statuses.push((await t.request('GET', path, undefined, {}, address)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await t.request('GET', '/api/v1/health', undefined, {}, address);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'REQUEST.RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await t.request('GET', '/api/v1/health', undefined, {}, from())).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy, so that the limit cannot be dodged', async () => {
    const address = from();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.request('GET', '/api/v1/health', undefined, { 'x-forwarded-for': `203.0.113.${i}` }, address)).status);
    }
    expect(statuses[5]).toBe(429);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { email: 'a@b.it', password: 'x'.repeat(1024 * 1024) }, {}, from());
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('REQUEST.TOO_LARGE');
  });

  describe('/metrics', () => {
    it('answers scrapers from METRICS_ALLOW_CIDRS, and with METRICS_TOKEN from anywhere', async () => {
      expect((await t.request('GET', '/metrics', undefined, {}, { remoteAddress: '10.20.3.4' })).status).toBe(200);
      expect((await t.request('GET', '/metrics', undefined, {}, { remoteAddress: '192.0.2.7' })).status).toBe(200);
      expect((await t.request('GET', '/metrics', undefined, { authorization: `Bearer ${METRICS_TOKEN}` }, from())).status).toBe(200);
    });

    it('refuses other networks, a wrong token and non-admin accounts', async () => {
      expect((await t.request('GET', '/metrics', undefined, {}, from())).status).toBe(401);
      expect((await t.request('GET', '/metrics', undefined, { authorization: `Bearer ${METRICS_TOKEN}x` }, from())).status).toBe(401);
      const worker = await t.signUp('worker');
      expect((await t.request('GET', '/metrics', undefined, worker.headers, from())).status).toBe(403);
      const admin = await t.admin();
      expect((await t.request('GET', '/metrics', undefined, admin.headers, from())).status).toBe(200);
    });
  });

  describe('/admin/queues (Bull Board)', () => {
    it('serves the dashboard and its API to admins only', async () => {
      const admin = await t.admin();
      const page = await t.request('GET', '/admin/queues', undefined, admin.headers, from());
      expect(page.status).toBe(200);
      expect(String(page.body)).toMatch(/<html/i);
      const queues = await t.request('GET', '/admin/queues/api/queues', undefined, admin.headers, from());
      expect(queues.body.queues.map((q: { name: string }) => q.name)).toContain('maintenance');

      const employer = await t.signUp('employer');
      const refused = await t.request('GET', '/admin/queues/api/queues', undefined, employer.headers, from());
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ statusCode: 403, code: 'AUTH.FORBIDDEN', correlationId: expect.any(String) });
      expect((await t.request('GET', '/admin/queues/static/css/app.css', undefined, {}, from())).status).toBe(401);
    });
  });
});
