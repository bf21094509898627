import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AccessDeniedError, AuditOutcome, AuditService } from '@ricarica/accounts';
import { DomainError, DomainErrorKind, FieldProblem, RateLimitedError } from '@ricarica/common';
import { routeOf } from './access.guard';
import type { ErrorBodyDto } from './error-body';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

interface HealthReport {
  status: string;
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
  details: Record<string, unknown>;
}

const isHealthReport = (r: unknown): r is HealthReport => typeof r === 'object' && r !== null && 'details' in r && 'status' in r;

const CODE_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
};

const AUDIT_OUTCOME: Partial<Record<DomainErrorKind, AuditOutcome>> = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'hidden',
};

/**
 * Maps every failure to one error shape; 500s are logged in full and answer only a correlation id.
 * Refused attempts (AccessDeniedError) are written to the audit log before the answer goes out.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly audit: AuditService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const correlationId = String(request.id);
    const body = this.toBody(exception, correlationId);
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error({ err: exception, correlationId, route: request.routeOptions?.url }, 'unhandled error');
    }
    if (body.statusCode === 401) void reply.header('WWW-Authenticate', 'Bearer');
    if (exception instanceof RateLimitedError) void reply.header('Retry-After', String(exception.retryAfterS));
    const send = () => void reply.status(body.statusCode).send(body);
    if (exception instanceof AccessDeniedError) {
      const actor = request.actor;
      void this.audit
        .recordQuietly({
          actor: actor ? { userId: actor.userId, role: actor.role } : null,
          action: routeOf(request),
          target: exception.target ?? null,
          outcome: AUDIT_OUTCOME[exception.kind] ?? 'forbidden',
          status: body.statusCode,
        })
        .finally(send);
      return;
    }
    send();
  }

  private toBody(exception: unknown, correlationId: string): ErrorBodyDto {
    if (exception instanceof DomainError) {
      return this.body(STATUS_BY_KIND[exception.kind], exception.code, exception.message, exception.problems, correlationId);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isHealthReport(response)) {
        // Terminus: keep its per-service report beside the common shape, naming each service down.
        const down = Object.entries(response.error ?? {}).map(([service, r]) => ({ field: service, reason: String((r as { message?: string }).message ?? 'down') }));
        return { ...response, ...this.body(status, 'HEALTH.DOWN', `down: ${down.map((d) => d.field).join(', ')}`, down, correlationId) };
      }
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return this.body(status, CODE_BY_STATUS[status] ?? `HTTP.${status}`, message, [], correlationId);
    }
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const message = (exception as Error).message;
      return this.body(fastifyStatus, CODE_BY_STATUS[fastifyStatus] ?? `HTTP.${fastifyStatus}`, message, [{ field: 'body', reason: message }], correlationId);
    }
    if (exception instanceof QueryFailedError && (exception as { code?: string }).code === '23505') {
      return this.body(409, 'RECORD.ALREADY_EXISTS', 'a record with the same unique value already exists', [], correlationId);
    }
    return this.body(500, 'INTERNAL', 'Internal error; quote the correlationId when reporting it.', [], correlationId);
  }

  private body(statusCode: number, code: string, message: string, errors: FieldProblem[], correlationId: string): ErrorBodyDto {
    return { statusCode, code, message, errors, correlationId };
  }
}
