import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, with the default Node metrics and Ricarica's own. */
export function createMetricsRegistry(app: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function httpDurationHistogram(registry: Registry): Histogram<'method' | 'route' | 'status'> {
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
}

export function jobDurationHistogram(registry: Registry): Histogram<'queue' | 'job' | 'outcome'> {
  return new Histogram({
    name: 'job_duration_seconds',
    help: 'BullMQ job processing time by queue and job name',
    labelNames: ['queue', 'job', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
}
