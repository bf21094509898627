import { Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { Histogram } from 'prom-client';
import { CATALOG_INDEXES, CatalogIndexer } from '@ricarica/catalog-search';
import { JobName, JobPayload, QueueName } from '@ricarica/queue';
import { JOB_DURATIONS } from '../worker-metrics';
import { DispatchingProcessor, JobHandler } from './job-handlers';

/**
 * Courses and vacancies indexes: each job re-reads PostgreSQL and writes the current document (see
 * CatalogIndexer). A Meilisearch outage fails the job, which BullMQ retries with backoff.
 */
@Processor(QueueName.Search)
export class SearchProcessor extends DispatchingProcessor {
  /**
   * Jobs at once: 64 per configured slot (128 by default). A sync job spends its time waiting for Meilisearch,
   * and the jobs in flight are coalesced into shared writes (CatalogIndexer), so this bounds the batch size of
   * the outbox path; rebuilds and checks are one per index at a time whatever this says (advisory lock).
   */
  static concurrency(configured: number): number {
    return configured * 64;
  }

  private readonly logger = new Logger(SearchProcessor.name);

  protected readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JobName.SearchSyncCourse]: (job: Job<JobPayload<JobName.SearchSyncCourse>>) => this.indexer.syncCourses([job.data.courseId]),
    [JobName.SearchSyncVacancy]: (job: Job<JobPayload<JobName.SearchSyncVacancy>>) => this.indexer.syncVacancies([job.data.vacancyId]),
    [JobName.SearchSyncProvider]: (job: Job<JobPayload<JobName.SearchSyncProvider>>) => this.indexer.syncProvider(job.data.providerId),
    [JobName.SearchSyncEmployer]: (job: Job<JobPayload<JobName.SearchSyncEmployer>>) => this.indexer.syncEmployer(job.data.employerId),
    [JobName.SearchVerify]: async () => {
      const reports = [];
      for (const index of CATALOG_INDEXES) reports.push(await this.indexer.verify(index));
      return reports;
    },
    [JobName.SearchReindex]: async (job: Job<JobPayload<JobName.SearchReindex>>) => {
      const reports = [];
      for (const index of job.data.index ? [job.data.index] : CATALOG_INDEXES) reports.push(await this.indexer.reindex(index));
      this.logger.log({ reports }, 'search indexes rebuilt');
      return reports;
    },
  };

  constructor(
    private readonly indexer: CatalogIndexer,
    @Inject(JOB_DURATIONS) protected readonly durations: Histogram<'queue' | 'job' | 'outcome'>,
  ) {
    super();
  }
}
