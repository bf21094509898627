import { randomBytes } from 'node:crypto';

/** The test database; global set-up migrates it and imports the taxonomy once per run. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica_test';

/** Meilisearch index prefix shared by the run (the taxonomy indexes are built once, in global set-up). */
export const TEST_INDEX_PREFIX = process.env.TEST_INDEX_PREFIX ?? 'rtest_';

/** Signing key of the test apps (tests forge tokens with it to check expiry and tampering). */
export const TEST_JWT_SECRET = 'ricarica-test-jwt-secret-0123456789abcdef';

/**
 * Environment for one test file: its own queue prefix so leftover jobs and rate-limit counters never
 * cross files; cheap Argon2 and no practical rate limit, which the specs that test them override.
 * MEILI_URL and MEILI_MASTER_KEY come from scripts/with-meilisearch.js.
 */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    QUEUE_PREFIX: `rt${randomBytes(4).toString('hex')}`,
    MEILI_INDEX_PREFIX: TEST_INDEX_PREFIX,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...overrides,
  };
}
