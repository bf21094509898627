import { Worker } from 'bullmq';
import { JobName, QueueName, QueueRegistry } from '@ricarica/queue';
import { createTestApp, TestApp } from './support/test-app';

describe('health, metrics and OpenAPI (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports PostgreSQL, Redis and Meilisearch separately, all up', async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' }, meilisearch: { status: 'up' } },
    });
  });

  it('reports jobs that exhausted their retries, per queue', async () => {
    const queue = t.app.get(QueueRegistry).get(QueueName.Maintenance);
    const job = await queue.add(JobName.ReindexSkills, {}, { attempts: 1 });
    // Fail it the way a worker would, without running a worker: take it and move it to failed.
    const worker = new Worker(QueueName.Maintenance, null, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    const token = 'health-test';
    const taken = await worker.getNextJob(token);
    expect(taken?.id).toBe(job.id);
    await taken!.moveToFailed(new Error('Meilisearch unreachable'), token, false);
    await worker.close();

    const res = await t.request('GET', '/api/v1/health');
    expect(res.body.info.jobs.queues.maintenance).toMatchObject({ failed: 1, latest: [{ id: job.id, name: JobName.ReindexSkills, reason: 'Meilisearch unreachable' }] });
  });

  it('answers 503 naming the service that is down', async () => {
    const down = await createTestApp({ MEILI_URL: 'http://127.0.0.1:9' });
    try {
      const res = await down.request('GET', '/api/v1/health');
      expect(res.status).toBe(503);
      expect(res.body.error.meilisearch.status).toBe('down');
      expect(res.body.info.postgres.status).toBe('up');
      expect(res.body.info.redis.status).toBe('up');
    } finally {
      await down.close();
    }
  });

  it('exposes Prometheus metrics with per-route latency histograms and queue depths', async () => {
    await t.request('GET', '/api/v1/places?q=Torino');
    const res = await t.request('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/places"/);
    expect(res.body).toMatch(/queue_jobs\{[^}]*queue="maintenance"/);
  });

  it('serves the OpenAPI document with every route and the Swagger UI', async () => {
    const doc = await t.request('GET', '/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const route of [
      '/api/v1/workers', '/api/v1/workers/{id}', '/api/v1/workers/{id}/skills',
      '/api/v1/employers', '/api/v1/employers/{id}', '/api/v1/vacancies', '/api/v1/vacancies/{id}',
      '/api/v1/providers', '/api/v1/providers/{id}', '/api/v1/courses', '/api/v1/courses/{id}',
      '/api/v1/skills', '/api/v1/skills/{id}', '/api/v1/occupations', '/api/v1/occupations/{id}', '/api/v1/places', '/api/v1/health',
    ]) {
      expect(paths).toContain(route);
    }
    const ui = await t.request('GET', '/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('answers an unknown route with the common error shape', async () => {
    const res = await t.request('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'ROUTE.NOT_FOUND', errors: [], correlationId: expect.any(String) });
  });

  it('answers malformed JSON with 400 and the common error shape', async () => {
    const res = await t.request('POST', '/api/v1/workers', '{"name": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), correlationId: expect.any(String) });
  });
});
