import { Histogram, Registry } from 'prom-client';
import { JobName } from '@ricarica/queue';
import { assertEveryJobHandledOnce, DispatchingProcessor, JobHandler } from './job-handlers';

const registry = new Registry();
const durations = new Histogram({ name: 't', help: 't', labelNames: ['queue', 'job', 'outcome'], registers: [registry] });

class Handles extends DispatchingProcessor {
  protected readonly durations = durations;
  constructor(protected readonly handlers: Partial<Record<JobName, JobHandler>>) {
    super();
  }
}

const all = Object.fromEntries(Object.values(JobName).map((j) => [j, async () => undefined])) as unknown as Record<JobName, JobHandler>;

describe('assertEveryJobHandledOnce', () => {
  it('passes when every job name has exactly one handler', () => {
    expect(() => assertEveryJobHandledOnce([new Handles(all)])).not.toThrow();
  });

  it('names a job with no handler', () => {
    const [first, ...rest] = Object.values(JobName);
    const missing = Object.fromEntries(rest.map((j) => [j, all[j]]));
    expect(() => assertEveryJobHandledOnce([new Handles(missing)])).toThrow(`${first}: no handler`);
  });

  it('names a job handled twice', () => {
    const [first] = Object.values(JobName);
    expect(() => assertEveryJobHandledOnce([new Handles(all), new Handles({ [first]: all[first] })])).toThrow(/handled by Handles, Handles/);
  });
});
