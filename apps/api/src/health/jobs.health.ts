import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QueueRegistry } from '@ricarica/queue';

const TIMEOUT_MS = 1000;

/**
 * Jobs that exhausted their retries, by queue, with the latest few. They do not make the API
 * unhealthy (PostgreSQL still holds every change and the sweeps repair derived state), but
 * operators must see them.
 */
@Injectable()
export class JobsHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly queues: QueueRegistry,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const failed = await Promise.race([
        Promise.all(
          this.queues.all().map(async (queue) => {
            const [count, latest] = await Promise.all([queue.getFailedCount(), queue.getFailed(0, 2)]);
            return [queue.name, { failed: count, latest: latest.map((j) => ({ id: j.id, name: j.name, reason: j.failedReason, attempts: j.attemptsMade })) }] as const;
          }),
        ),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
      ]);
      return indicator.up({ queues: Object.fromEntries(failed) });
    } catch (e) {
      // Redis itself is reported by its own indicator; the count is just unknown here.
      return indicator.up({ queues: 'unknown', message: (e as Error).message });
    }
  }
}
