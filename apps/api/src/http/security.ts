import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@ricarica/config';

/**
 * Security headers (helmet) and CORS. The content security policy lets Swagger UI and Bull Board
 * run their own scripts and styles and nothing from elsewhere; the API itself answers JSON.
 */
export async function applySecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: [`'self'`],
        baseUri: [`'self'`],
        objectSrc: [`'none'`],
        frameAncestors: [`'none'`],
        formAction: [`'self'`],
        imgSrc: [`'self'`, 'data:'],
        fontSrc: [`'self'`, 'data:'],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
    // Swagger UI and Bull Board load their assets from this origin only; no cross-origin embedding either way.
    crossOriginEmbedderPolicy: false,
    hsts: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'X-Request-Id'],
      exposedHeaders: ['Retry-After', 'X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      // Bearer tokens, no cookies: credentials are never needed cross-origin.
      credentials: false,
      maxAge: 600,
    });
  }
}
