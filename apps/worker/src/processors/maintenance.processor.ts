import { Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { Histogram } from 'prom-client';
import { InsightsSnapshotService, isMonth } from '@ricarica/insights';
import { JobName, QueueName } from '@ricarica/queue';
import { TaxonomySearchSync } from '@ricarica/taxonomy';
import { JOB_DURATIONS } from '../worker-metrics';
import { DispatchingProcessor, JobHandler } from './job-handlers';

/** Housekeeping jobs: rebuilding derived taxonomy indexes from PostgreSQL; monthly insight snapshots. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends DispatchingProcessor {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  protected readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JobName.ReindexSkills]: async () => {
      const report = await this.taxonomySearch.skills({ full: true });
      this.logger.log({ report }, 'skills index rebuilt');
      return report;
    },
    [JobName.InsightsSnapshot]: async (job: Job<{ month?: string }>) => {
      const { month } = job.data;
      if (month !== undefined && !isMonth(month)) throw new UnrecoverableError(`insights snapshot: month must be YYYY-MM, got ${JSON.stringify(month)}`);
      return month ? [await this.insights.compute(month)] : this.insights.scheduled();
    },
  };

  constructor(
    private readonly taxonomySearch: TaxonomySearchSync,
    private readonly insights: InsightsSnapshotService,
    @Inject(JOB_DURATIONS) protected readonly durations: Histogram<'queue' | 'job' | 'outcome'>,
  ) {
    super();
  }
}
