import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Development-only signing secret; loadConfig refuses it in production. */
export const DEV_JWT_SECRET = 'ricarica-dev-jwt-secret-not-for-production-use';

/** Every environment variable Ricarica reads, validated once at boot (README lists them). */
export class EnvDto {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ricarica';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[a-z0-9][a-z0-9_-]{0,40}$/i, { message: 'QUEUE_PREFIX must be 1-41 letters, digits, - or _' })
  QUEUE_PREFIX = 'ricarica';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'MEILI_URL must be an http(s) URL' })
  MEILI_URL = 'http://127.0.0.1:7700';

  @IsString() @MinLength(16, { message: 'MEILI_MASTER_KEY must be at least 16 characters' })
  MEILI_MASTER_KEY = 'ricarica-dev-master-key-change-me';

  @Matches(/^[a-z0-9_]{0,40}$/i, { message: 'MEILI_INDEX_PREFIX must be letters, digits or _' })
  MEILI_INDEX_PREFIX = 'ricarica_';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY = 2;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  WORKER_HEALTH_PORT?: number;

  @Transform(toInt) @IsInt() @Min(50) @Max(60000)
  OUTBOX_POLL_MS = 250;

  @Transform(toInt) @IsInt() @Min(1000) @Max(3600000)
  MATCHING_SWEEP_MS = 60000;

  @Transform(toInt) @IsInt() @Min(1000) @Max(3600000)
  MATCHING_LOCK_MS = 60000;

  @Transform(toInt) @IsInt() @Min(500) @Max(3600000)
  MATCHING_STALLED_INTERVAL_MS = 30000;

  /** HS256 signing key for access tokens: 32+ characters, required (not the dev default) in production. */
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  ACCESS_TOKEN_TTL_S = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(31_536_000)
  REFRESH_TOKEN_TTL_S = 2_592_000;

  /** Argon2id cost; production refuses less than OWASP's 19 MiB, 2 passes. */
  @Transform(toInt) @IsInt() @Min(1024) @Max(1_048_576)
  ARGON2_MEMORY_KIB = 19_456;

  @Transform(toInt) @IsInt() @Min(1) @Max(10)
  ARGON2_TIME_COST = 2;

  /** Failed logins per account, then per client address, within LOGIN_WINDOW_S before 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  LOGIN_WINDOW_S = 900;

  /** Requests per client address per minute, all routes; unset: 300 in production, 6000 otherwise. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  /** Comma-separated origins allowed by CORS (https://app.example.it); empty: no cross-origin access. */
  @IsString() @MaxLength(2000)
  CORS_ORIGINS = '';

  /** Comma-separated CIDRs from which /metrics answers without a token. */
  @IsString() @MaxLength(2000)
  METRICS_ALLOW_CIDRS = '127.0.0.0/8,::1/128';

  /** Optional static bearer token for Prometheus scrapers (32+ characters). */
  @IsOptional() @IsString() @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  /** Which proxies' X-Forwarded-For to believe: false, true, a hop count or comma-separated addresses/CIDRs. */
  @Matches(/^(false|true|\d{1,2}|[0-9a-f.:/, ]+)$/i, { message: 'TRUST_PROXY must be false, true, a hop count or a list of addresses/CIDRs' })
  TRUST_PROXY = 'false';

  /** Where invitation mail goes (smtp:// or smtps://, credentials in the URL); the demo and tests run a local sink. */
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:2525';

  @IsString() @MinLength(3) @MaxLength(200)
  MAIL_FROM = 'Ricarica <noreply@ricarica.invalid>';

  /** The web app's address, for links in mail (claim links). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_APP_URL must be an http(s) URL' })
  PUBLIC_APP_URL = 'http://localhost:3000';
}
