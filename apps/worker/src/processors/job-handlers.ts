import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { Histogram } from 'prom-client';
import { JobName } from '@ricarica/queue';

export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * A queue's processor: it only dispatches by job name to its handlers (the work lives in libs) and
 * records how long each job took.
 */
export abstract class DispatchingProcessor extends WorkerHost {
  protected abstract readonly handlers: Partial<Record<JobName, JobHandler>>;
  protected abstract readonly durations: Histogram<'queue' | 'job' | 'outcome'>;

  /** Called by the worker module at boot. */
  handledJobs(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const stop = this.durations.startTimer({ queue: job.queueName, job: job.name });
    try {
      const result = await handler(job);
      stop({ outcome: 'completed' });
      return result;
    } catch (e) {
      stop({ outcome: 'failed' });
      throw e;
    }
  }
}

/** Fails boot unless every JobName has exactly one handler across the processors. */
export function assertEveryJobHandledOnce(processors: DispatchingProcessor[]): void {
  const owners = new Map<string, string[]>();
  for (const p of processors) {
    for (const job of p.handledJobs()) owners.set(job, [...(owners.get(job) ?? []), p.constructor.name]);
  }
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const who = owners.get(job) ?? [];
    if (who.length !== 1) problems.push(`${job}: ${who.length === 0 ? 'no handler' : `handled by ${who.join(', ')}`}`);
  }
  if (problems.length) throw new Error(`Job handler check failed:\n  ${problems.join('\n  ')}`);
}
