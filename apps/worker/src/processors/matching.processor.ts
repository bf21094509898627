import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Histogram } from 'prom-client';
import { APP_CONFIG, AppConfig, loadConfig } from '@ricarica/config';
import { MatchingSyncService } from '@ricarica/matches';
import { JobName, QueueName } from '@ricarica/queue';
import { JOB_DURATIONS } from '../worker-metrics';
import { DispatchingProcessor, JobHandler } from './job-handlers';

// Worker options are fixed when the class is declared, before Nest builds the config provider, so
// they are read here from the same validated environment.
const { matching } = loadConfig(process.env);

/**
 * Match lists. One job at a time across every worker process (each holds the engine in memory;
 * PostgreSQL orders the writes), and a lock long enough for a full rebuild that keeps the event
 * loop busy. A job whose process died is taken up again once its lock expires (stalled).
 */
@Processor(QueueName.Matching, { concurrency: 1, lockDuration: matching.lockMs, stalledInterval: matching.stalledIntervalMs })
export class MatchingProcessor extends DispatchingProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingProcessor.name);

  protected readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JobName.MatchingSync]: () => this.matching.sync(),
    [JobName.MatchingRebuild]: () => this.matching.rebuild(),
  };

  constructor(
    private readonly matching: MatchingSyncService,
    @InjectQueue(QueueName.Matching) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_DURATIONS) protected readonly durations: Histogram<'queue' | 'job' | 'outcome'>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.prepareQueue();
    // Redis keeps nothing across a restart: when the connection comes back, set the queue up again
    // and ask for a sync, which catches up from PostgreSQL whatever the lost jobs were for.
    this.worker.on('ready', () => void this.prepareQueue().catch((e) => this.logger.warn({ err: (e as Error).message }, 'matching queue not ready yet')));
  }

  private async prepareQueue(): Promise<void> {
    await this.queue.setGlobalConcurrency(1);
    // A repeatable sweep: lets expired vacancies leave the lists on time; upserting is idempotent.
    await this.queue.upsertJobScheduler('matching-sweep', { every: this.config.matching.sweepMs }, { name: JobName.MatchingSync, data: {} });
    // No deduplication id here: one extra sync is harmless, while a key shared with the relay's
    // throttled jobs could outlive its job and hold theirs back.
    await this.queue.add(JobName.MatchingSync, {});
  }
}
