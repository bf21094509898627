import { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { createMetricsRegistry, jobDurationHistogram } from '@ricarica/observability';

export const JOB_DURATIONS = Symbol('JOB_DURATIONS');

export const workerMetricsProviders: Provider[] = [
  { provide: Registry, useFactory: () => createMetricsRegistry('worker') },
  { provide: JOB_DURATIONS, inject: [Registry], useFactory: (registry: Registry) => jobDurationHistogram(registry) },
];
