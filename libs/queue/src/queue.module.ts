import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { QueueName } from './jobs';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { QueueRegistry } from './queue-registry';
import { redisOptions } from './redis-connection';

/** Retried with exponential backoff; completed jobs removed, failed ones kept (bounded) for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 1000 },
} as const;

/**
 * Per-queue overrides of DEFAULT_JOB_OPTIONS. Search: 12 attempts, 1 s doubling (retries spread over about
 * 34 minutes), so that index updates wait out a Meilisearch outage of that length; the repeatable consistency check
 * repairs anything left after a longer one.
 */
export const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, JobsOptions>> = {
  [QueueName.Search]: { attempts: 12 },
};

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(
      ...Object.values(QueueName).map((name) => (QUEUE_JOB_OPTIONS[name] ? { name, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...QUEUE_JOB_OPTIONS[name] } } : { name })),
    ),
  ],
  providers: [QueueRegistry, OutboxService, OutboxRelayService],
  exports: [BullModule, QueueRegistry, OutboxService, OutboxRelayService],
})
export class QueueModule {}
