import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WEB_DIST } from '../apps/api/src/web/web-app';
import { createTestApp, TestApp } from './support/test-app';

// The API serves the built web app (npm run build:web, which `npm test` runs first) at /.
describe('web app served by the API (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers index.html at / and on the app’s own routes, not cached', async () => {
    for (const url of ['/', '/corsi/5b0d7c3e-1111-4111-8111-111111111111', '/lavoratore/opportunita?x=1']) {
      const res = await t.request('GET', url);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/html');
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets as they are, cached for a year, under the API’s security headers', async () => {
    const home = await t.request('GET', '/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(home.body as string)![1];
    const res = await t.request('GET', script);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers['content-security-policy'])).toContain(`default-src 'self'`);
  });

  it('leaves unknown API paths to the API: JSON 404 in the one error shape', async () => {
    for (const url of ['/api/v1/no-such-route', '/api/nothing']) {
      const res = await t.request('GET', url);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: expect.any(String), correlationId: expect.any(String) });
    }
  });

  it('never serves files outside the build', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/%E0%A4%A']) {
      const res = await t.request('GET', url);
      // index.html, or Fastify's 400 for a malformed path: never the file, never a failure
      expect([200, 400]).toContain(res.status);
      expect(String(res.body)).not.toContain('"name": "ricarica"');
    }
  });
});

describe('web app not built', () => {
  it('answers 503 with the command that builds it', async () => {
    const { mountWebApp } = await import('../apps/api/src/web/web-app');
    const empty = mkdtempSync(path.join(tmpdir(), 'ricarica-web-'));
    mkdirSync(path.join(empty, 'assets'));
    writeFileSync(path.join(empty, 'assets', 'x.js'), '');
    const fastify = (await import('fastify')).default();
    await mountWebApp(fastify, empty);
    const res = await fastify.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    await fastify.close();
  });
});
