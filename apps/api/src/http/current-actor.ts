import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@ricarica/accounts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access guard: the signed-in caller, or null. */
    actor?: Actor | null;
  }
}

/** The signed-in caller, or null on a public route called anonymously. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().actor ?? null;
});

/** The signed-in caller, on routes whose rule requires one (the guard has refused anonymous calls). */
export const SignedInActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('SignedInActor on a route open to anonymous callers');
  return actor;
});
