// Shared by the search e2e specs (test/search*.e2e-spec.ts). They run on a database of their own
// (ricarica_test_search): their in-process worker relays the whole outbox, so it must not see, nor
// steal, the rows of other test files; and their index prefix is unique per file.
import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { QueueName, QueueRegistry } from '@ricarica/queue';
import { IndexNames } from '@ricarica/search';
import { defaultDataDir, hashFiles, locateFiles, TaxonomyImporter } from '@ricarica/taxonomy';
import { createTestApp, TestApp } from './support/test-app';
import { TEST_DATABASE_URL } from './support/test-env';
import { startWorkerApp } from './support/worker-app';

export const SEARCH_DATABASE_URL = TEST_DATABASE_URL.replace(/\/[^/?]+(\?|$)/, '/ricarica_test_search$1');

/** Migrated, with the taxonomy in PostgreSQL (imported once; the search specs need no taxonomy index). */
export async function prepareSearchDatabase(): Promise<void> {
  await migrate(SEARCH_DATABASE_URL);
  const db = new DataSource(dataSourceOptions(SEARCH_DATABASE_URL));
  await db.initialize();
  try {
    const hash = await hashFiles(locateFiles(defaultDataDir()));
    const [last] = await db.query(`select source_hash from taxonomy_import order by id desc limit 1`);
    if (last?.source_hash !== hash) {
      const meili = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY!, timeout: 60_000 });
      await new TaxonomyImporter(db, meili, new IndexNames(`rts_taxonomy_`), () => undefined).run();
    }
    // Each spec starts from no catalog at all.
    await db.query(`truncate provider, employer, worker, outbox cascade`);
  } finally {
    await db.destroy();
  }
}

export interface SearchStack {
  t: TestApp;
  worker: INestApplicationContext;
  env: Record<string, string>;
  meili: Meilisearch;
  names: IndexNames;
  /** Authorization header of an admin, for the writes. */
  admin: Record<string, string>;
  close(): Promise<void>;
}

/** The API and the worker (in-process) on the search database, a fresh index prefix and the same queue prefix. */
export async function startSearchStack(overrides: Record<string, string> = {}): Promise<SearchStack> {
  const t = await createTestApp({
    DATABASE_URL: SEARCH_DATABASE_URL,
    MEILI_INDEX_PREFIX: `rts_${randomBytes(3).toString('hex')}_`,
    OUTBOX_POLL_MS: '50',
    ACCESS_TOKEN_TTL_S: '7200',
    ...overrides,
  });
  const env = t.env;
  const worker = await startWorkerApp(env);
  const meili = new Meilisearch({ host: env.MEILI_URL ?? process.env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY ?? process.env.MEILI_MASTER_KEY!, timeout: 10_000 });
  const names = new IndexNames(env.MEILI_INDEX_PREFIX);
  const admin = (await t.admin()).headers;
  return {
    t,
    worker,
    env,
    meili,
    names,
    admin,
    async close() {
      await worker.close();
      await t.close();
      const { results } = await meili.getIndexes({ limit: 100 }).catch(() => ({ results: [] as { uid: string }[] }));
      for (const index of results) if (index.uid.startsWith(env.MEILI_INDEX_PREFIX)) await meili.deleteIndex(index.uid).catch(() => undefined);
    },
  };
}

/** Resolves once `check` returns something defined (errors count as not yet). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The outbox relayed and the search queue empty, twice in a row: every change so far is in the indexes. */
export async function settle(stack: SearchStack, timeoutMs = 60_000): Promise<void> {
  const queue = stack.worker.get(QueueRegistry).get(QueueName.Search);
  let quiet = 0;
  await eventually(
    async () => {
      const [{ n }] = await stack.t.db.query(`select count(*)::int as n from outbox where sent_at is null`);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      // The consistency check's next run always waits in `delayed`: only retries count.
      const retrying = (await queue.getDelayed()).filter((job) => !job.repeatJobKey).length;
      const busy = n + retrying + Object.values(counts).reduce((a, b) => a + b, 0);
      quiet = busy === 0 ? quiet + 1 : 0;
      return quiet >= 2;
    },
    timeoutMs,
    'search indexing settled',
  );
}

export const session = (daysFromNow: number, seats = 12) => {
  const start = new Date(Date.now() + daysFromNow * 86_400_000);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 86_400_000).toISOString(), seats };
};
