import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QUEUE_OF_JOB, QueueRegistry } from '@ricarica/queue';

export const INSIGHTS_SCHEDULER_ID = 'insights.snapshot';
/** Every night at 02:30 Italian time: the current month's snapshot refreshed, last month's finalised. */
export const INSIGHTS_SCHEDULE = { pattern: '30 2 * * *', tz: 'Europe/Rome' } as const;

/** Worker start-up: schedules the nightly snapshot (idempotent upsert; Redis down is only logged). */
@Injectable()
export class InsightsScheduleBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(InsightsScheduleBootstrap.name);

  constructor(private readonly queues: QueueRegistry) {}

  onApplicationBootstrap(): void {
    void this.queues
      .get(QUEUE_OF_JOB[JobName.InsightsSnapshot])
      .upsertJobScheduler(INSIGHTS_SCHEDULER_ID, INSIGHTS_SCHEDULE, { name: JobName.InsightsSnapshot, data: {} })
      .catch((e: Error) => this.logger.warn({ err: e.message }, 'could not schedule the insights snapshot'));
  }
}
