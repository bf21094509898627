import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { plainIp } from '../metrics/metrics-access';

/** The client address as Fastify sees it: X-Forwarded-For only from proxies in TRUST_PROXY. */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return plainIp(ctx.switchToHttp().getRequest<FastifyRequest>().ip);
});
