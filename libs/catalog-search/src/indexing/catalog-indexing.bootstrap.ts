import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QUEUE_OF_JOB, QueueRegistry } from '@ricarica/queue';
import { CATALOG_INDEXES, CatalogIndexer } from './catalog-indexer';

/** How often the consistency check runs (a BullMQ job scheduler; also once when the worker starts). */
export const VERIFY_EVERY_MS = 10 * 60_000;
export const VERIFY_SCHEDULER_ID = 'search.verify';

/**
 * Worker start-up: sets up the courses and vacancies indexes (settings by version, synonyms from the taxonomy),
 * queues a rebuild when their documents are of an older shape, and schedules the repeatable consistency check.
 * A Meilisearch outage at start-up is only logged: every indexing job sets the index up again before writing.
 */
@Injectable()
export class CatalogIndexingBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogIndexingBootstrap.name);

  constructor(
    private readonly indexer: CatalogIndexer,
    private readonly queues: QueueRegistry,
  ) {}

  /** In the background: Redis or Meilisearch being down must not hold the worker's start-up. */
  onApplicationBootstrap(): void {
    void this.schedule();
    void this.setUp();
  }

  private async schedule(): Promise<void> {
    try {
      const queue = this.queues.get(QUEUE_OF_JOB[JobName.SearchVerify]);
      await queue.upsertJobScheduler(VERIFY_SCHEDULER_ID, { every: VERIFY_EVERY_MS }, { name: JobName.SearchVerify, data: {} });
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'could not schedule the search consistency check');
    }
  }

  private async setUp(): Promise<void> {
    for (const index of CATALOG_INDEXES) {
      try {
        const ready = await this.indexer.ensureReady(index);
        if (ready.needsRebuild) {
          await this.queues.get(QUEUE_OF_JOB[JobName.SearchReindex]).add(JobName.SearchReindex, { index }, { deduplication: { id: `${JobName.SearchReindex}:${index}` } });
        }
      } catch (e) {
        this.logger.warn({ index, err: (e as Error).message }, 'search index not set up yet (Meilisearch unavailable?); indexing jobs will retry');
      }
    }
  }
}
