import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/ricarica');
    expect(config.meili.indexPrefix).toBe('ricarica_');
  });

  it('parses numbers from strings', () => {
    expect(loadConfig({ PORT: '8080', WORKER_CONCURRENCY: '4' })).toMatchObject({ port: 8080, worker: { concurrency: 4 } });
  });

  it('names every malformed variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', MEILI_MASTER_KEY: 'short' });
      throw new Error('expected a validation error');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL must be a postgres:// URL');
      expect(message).toContain('MEILI_MASTER_KEY');
    }
  });

  it('reads the security settings, with development defaults', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://app.example.it, http://localhost:5173', METRICS_ALLOW_CIDRS: '10.0.0.0/8,::1', TRUST_PROXY: '1' });
    expect(config.auth).toMatchObject({ accessTokenTtlS: 900, refreshTokenTtlS: 2_592_000, argon2: { memoryKib: 19_456, timeCost: 2 } });
    expect(config.http).toEqual({ rateLimitPerMinute: 6000, corsOrigins: ['https://app.example.it', 'http://localhost:5173'], trustProxy: 1 });
    expect(config.metrics).toEqual({ allowCidrs: ['10.0.0.0/8', '::1'], token: undefined });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) }).http.rateLimitPerMinute).toBe(300);
  });

  it('refuses the development JWT secret and weak Argon2 parameters in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set to your own secret in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), ARGON2_MEMORY_KIB: '4096' })).toThrow(/ARGON2_MEMORY_KIB/);
  });

  it('names a short secret without printing it, and malformed origins, networks and proxies', () => {
    try {
      loadConfig({ JWT_SECRET: 'short-secret', CORS_ORIGINS: 'app.example.it', METRICS_ALLOW_CIDRS: '10.0.0.0/33', TRUST_PROXY: 'proxy.local' });
      throw new Error('expected a validation error');
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('JWT_SECRET must be at least 32 characters (got "12 characters")');
      expect(message).not.toContain('short-secret');
      expect(message).toContain('CORS_ORIGINS: "app.example.it"');
      expect(message).toContain('METRICS_ALLOW_CIDRS: "10.0.0.0/33"');
      expect(message).toContain('TRUST_PROXY');
    }
  });
});
