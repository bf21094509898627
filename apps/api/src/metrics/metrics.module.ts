import { Module } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { createMetricsRegistry } from '@ricarica/observability';
import { QueueRegistry } from '@ricarica/queue';
import { MetricsController } from './metrics.controller';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      inject: [QueueRegistry],
      useFactory: (queues: QueueRegistry) => {
        const registry = createMetricsRegistry('api');
        new Gauge({
          name: 'queue_jobs',
          help: 'BullMQ jobs by queue and state',
          labelNames: ['queue', 'state'],
          registers: [registry],
          async collect() {
            for (const queue of queues.all()) {
              try {
                // Queue connections wait for Redis forever; a scrape must not.
                const counts = await withTimeout(queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'), 500);
                for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
              } catch {
                // Redis down: the previous values stay, /health says why.
              }
            }
          },
        });
        return registry;
      },
    },
  ],
  exports: [Registry],
})
export class MetricsModule {}
