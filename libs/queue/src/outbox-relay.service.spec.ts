import { EventName } from './events';
import { JobName } from './jobs';
import { planJobs } from './outbox-relay.service';

describe('planJobs', () => {
  it('gives invitation mail a low priority, so a cohort report queued after thousands of them still runs first', () => {
    const [mail] = planJobs({ id: '7', topic: EventName.CohortInvitationCreated, payload: { invitationId: 'i-1' } } as never);
    expect(mail).toMatchObject({ name: JobName.CohortSendInvitation, opts: { priority: 10, deduplication: { id: `${JobName.CohortSendInvitation}:i-1` } } });
    const [report] = planJobs({ id: '8', topic: EventName.CohortProcessed, payload: { cohortId: 'c-1' } } as never);
    expect(report.name).toBe(JobName.CohortReport);
    expect(report.opts).not.toHaveProperty('priority');
  });
});
