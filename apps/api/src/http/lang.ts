import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export type Lang = 'it' | 'en';

/** Picks it or en from ?lang, then Accept-Language; Italian by default (our users type Italian). */
export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  if (query === 'it' || query === 'en') return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'it' || tag === 'en') return tag;
  }
  return 'it';
}

export const RequestLang = createParamDecorator((_: unknown, ctx: ExecutionContext): Lang => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest<{ Querystring: { lang?: string } }>>();
  return pickLang(req.query?.lang, req.headers['accept-language']);
});
