import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { loadConfig } from '@ricarica/config';
import { httpDurationHistogram, requestId } from '@ricarica/observability';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';
import { registerUploadParsers } from './cohorts/upload-parsers';
import { applySecurity } from './http/security';
import { createValidationPipe } from './http/validation';
import { mountWebApp } from './web/web-app';

export const API_PREFIX = 'api/v1';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const ROUTES = new WeakMap<object, RegisteredRoute[]>();

/** Every route Fastify serves (Nest's, Swagger's, Bull Board's), as registered; HEAD and OPTIONS left out. */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return ROUTES.get(app.getHttpAdapter().getInstance()) ?? [];
}

/** Builds the configured API application (used by main.ts, the e2e tests and the demo). */
export async function createApiApp(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const config = loadConfig({ ...process.env, ...env });
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, genReqId: requestId, trustProxy: config.http.trustProxy });
  const routes: RegisteredRoute[] = [];
  ROUTES.set(adapter.getInstance(), routes);
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url });
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await applySecurity(app, config);
  await registerUploadParsers(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const histogram = httpDurationHistogram(app.get(Registry));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (req, reply) => {
      histogram.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });

  await mountQueueDashboard(app);
  await mountWebApp(app.getHttpAdapter().getInstance());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ricarica API')
      .setDescription(
        'Skills matching and retraining for workers of the automotive transition. Skills and occupations: ESCO (European Commission). ' +
          'Sign in with POST /api/v1/auth/login and send the access token as Authorization: Bearer <token>. ' +
          "Each operation's x-access says who may call it.",
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false, swaggerOptions: { showExtensions: true } });
  return app;
}
