import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_CSV_BYTES } from './cohorts.controller';

/** Cohort uploads: CSV as a text/csv body or as a multipart form's file (the JSON parser stays Fastify's). */
export async function registerUploadParsers(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_req, body, done) => done(null, body));
  await app.register(multipart as never, { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 } });
}
