import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isIP } from 'node:net';
import { DEV_JWT_SECRET, EnvDto } from './env.dto';

/** The typed configuration every app and lib receives; libs never read process.env. */
export interface AppConfig {
  env: EnvDto['NODE_ENV'];
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  meili: { url: string; masterKey: string; indexPrefix: string };
  logLevel: string;
  worker: { concurrency: number; healthPort?: number; outboxPollMs: number };
  matching: { sweepMs: number; lockMs: number; stalledIntervalMs: number };
  auth: {
    jwtSecret: string;
    accessTokenTtlS: number;
    refreshTokenTtlS: number;
    argon2: { memoryKib: number; timeCost: number };
    login: { maxFailures: number; maxFailuresPerIp: number; windowS: number };
  };
  http: {
    rateLimitPerMinute: number;
    corsOrigins: string[];
    /** Fastify's trustProxy: false, true, a hop count or addresses/CIDRs. */
    trustProxy: boolean | number | string;
  };
  metrics: { allowCidrs: string[]; token?: string };
  mail: { smtpUrl: string; from: string; appUrl: string };
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Validates raw environment variables, failing with every bad variable named. */
export function loadConfig(raw: Record<string, string | undefined>): AppConfig {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(EnvDto, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(redact(e.property, e.value))})`);
  problems.push(...crossChecks(env));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    meili: { url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX },
    logLevel: env.LOG_LEVEL,
    worker: { concurrency: env.WORKER_CONCURRENCY, healthPort: env.WORKER_HEALTH_PORT, outboxPollMs: env.OUTBOX_POLL_MS },
    matching: { sweepMs: env.MATCHING_SWEEP_MS, lockMs: env.MATCHING_LOCK_MS, stalledIntervalMs: env.MATCHING_STALLED_INTERVAL_MS },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlS: env.ACCESS_TOKEN_TTL_S,
      refreshTokenTtlS: env.REFRESH_TOKEN_TTL_S,
      argon2: { memoryKib: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST },
      login: { maxFailures: env.LOGIN_MAX_FAILURES, maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP, windowS: env.LOGIN_WINDOW_S },
    },
    http: {
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? (env.NODE_ENV === 'production' ? 300 : 6000),
      corsOrigins: list(env.CORS_ORIGINS),
      trustProxy: trustProxy(env.TRUST_PROXY),
    },
    metrics: { allowCidrs: list(env.METRICS_ALLOW_CIDRS), token: env.METRICS_TOKEN },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, appUrl: env.PUBLIC_APP_URL.replace(/\/+$/, '') },
  };
}

const SECRETS = new Set(['JWT_SECRET', 'METRICS_TOKEN', 'MEILI_MASTER_KEY', 'SMTP_URL']);
const redact = (property: string, value: unknown) => (SECRETS.has(property) && typeof value === 'string' ? `${value.length} characters` : value);

const list = (csv: string) =>
  csv
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function trustProxy(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** `10.0.0.0/8`, `::1/128` or a bare address. */
export function isCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/** Rules that span variables or parse lists; each problem names its variable. */
function crossChecks(env: EnvDto): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') {
    if (env.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET: must be set to your own secret in production');
    if (env.ARGON2_MEMORY_KIB < 19_456 || env.ARGON2_TIME_COST < 2) {
      problems.push('ARGON2_MEMORY_KIB/ARGON2_TIME_COST: production needs at least 19456 KiB and 2 passes');
    }
  }
  for (const origin of list(env.CORS_ORIGINS ?? '')) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) problems.push(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin such as https://app.example.it`);
  }
  for (const cidr of list(env.METRICS_ALLOW_CIDRS ?? '')) {
    if (!isCidr(cidr)) problems.push(`METRICS_ALLOW_CIDRS: ${JSON.stringify(cidr)} is not an address or CIDR such as 10.0.0.0/8`);
  }
  if (typeof env.TRUST_PROXY === 'string' && !/^(true|false|\d+)$/.test(env.TRUST_PROXY)) {
    for (const entry of list(env.TRUST_PROXY)) if (!isCidr(entry)) problems.push(`TRUST_PROXY: ${JSON.stringify(entry)} is not an address or CIDR`);
  }
  return problems;
}
