import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@ricarica/config';

/** Paths never written to logs: credentials and personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.email',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.name',
  '*.displayName',
  '*.display_name',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  // A failed query carries its parameters (emails, names) and PostgreSQL's detail ("Key (email)=(…)").
  '*.parameters',
  '*.detail',
  '*.driverError',
];

/** A request id from a well-formed X-Request-Id header, or a fresh one; it is the error correlationId. */
export function requestId(req: IncomingMessage): string {
  const raw = req as IncomingMessage & { id?: unknown };
  if (typeof raw.id === 'string') return raw.id;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
  raw.id = id;
  return id;
}

/** Structured JSON logs (pino), one line per request, without personal data. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req) => requestId(req),
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // Only method, route and status: query strings and bodies may hold what people typed.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: { ignore: (req) => req.url === '/api/v1/health' || req.url === '/metrics' },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
