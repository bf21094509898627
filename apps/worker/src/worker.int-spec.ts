import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { NestFactory } from '@nestjs/core';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { EventName, OutboxRelayService, OutboxService, QueueName, QueueRegistry } from '@ricarica/queue';
import { IndexNames, MEILI_CLIENT } from '@ricarica/search';
import { dataSourceOptions } from '@ricarica/database';
import { TEST_DATABASE_URL, testEnv } from '../../../test/support/test-env';
import { WorkerModule } from './worker.module';

const TIG_WELDING = 'a51adea8-bf02-488a-a0d8-b0961caca5b0';

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('worker app (real PostgreSQL, Redis, Meilisearch)', () => {
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testEnv({ OUTBOX_POLL_MS: '50' })), { logger: false });
    await worker.init();
    db = worker.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
  });

  it('relays an outbox row to its job, which rebuilds the skills index from PostgreSQL', async () => {
    const meili = worker.get<Meilisearch>(MEILI_CLIENT);
    const index = meili.index(worker.get(IndexNames).skills);
    await meili.tasks.waitForTask((await index.deleteDocument(TIG_WELDING)).taskUid);
    await expect(index.getDocument(TIG_WELDING)).rejects.toThrow();

    await db.transaction((m) => worker.get(OutboxService).add(m, EventName.TaxonomyImported, {}));

    const doc = await eventually(() => index.getDocument(TIG_WELDING), 60000);
    expect(doc).toMatchObject({ id: TIG_WELDING, labelEn: 'perform tungsten inert gas welding' });
    const unsent = await db.query(`select count(*)::int as n from outbox where sent_at is null and topic = $1`, [EventName.TaxonomyImported]);
    expect(unsent[0].n).toBe(0);
  });

  it('leaves the rows unsent in PostgreSQL when Redis is unreachable, so nothing is lost', async () => {
    // The worker app's own relay would take the row first: stop it, and relay by hand.
    await worker.close();
    worker = undefined as unknown as INestApplicationContext;
    db = await new DataSource(dataSourceOptions(TEST_DATABASE_URL)).initialize();
    // A queue on a closed port, failing at once instead of waiting for Redis to come back.
    const deadQueue = new Queue(QueueName.Maintenance, {
      connection: { host: '127.0.0.1', port: 9, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null },
    });
    deadQueue.on('error', () => undefined);
    const relay = new OutboxRelayService(db, { get: () => deadQueue } as unknown as QueueRegistry);
    const [{ id }] = await db.query(`insert into outbox (topic, payload) values ($1, '{}') returning id::text as id`, [EventName.TaxonomyImported]);
    try {
      await expect(relay.relayBatch()).rejects.toThrow();
      const [row] = await db.query(`select sent_at from outbox where id = $1`, [id]);
      expect(row.sent_at).toBeNull();
    } finally {
      await db.query(`delete from outbox where id = $1`, [id]);
      await deadQueue.disconnect().catch(() => undefined);
      await db.destroy();
    }
  });
});
