import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Job } from 'bullmq';
import { Histogram } from 'prom-client';
import { CohortProcessingService, CohortReportService, InvitationsService } from '@ricarica/cohorts';
import { JobName, QueueName } from '@ricarica/queue';
import { JOB_DURATIONS } from '../worker-metrics';
import { DispatchingProcessor, JobHandler } from './job-handlers';

/** Whole-plant intake: processing uploads, invitation mail, cohort reports (progress on the job). */
@Processor(QueueName.Cohorts)
export class CohortsProcessor extends DispatchingProcessor {
  protected readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JobName.CohortProcess]: (job: Job<{ cohortId: string }>) => this.processing.process(job.data.cohortId, (p) => job.updateProgress(p)),
    [JobName.CohortReport]: (job: Job<{ cohortId: string }>) => this.reports.refresh(job.data.cohortId, (p) => job.updateProgress(p)),
    [JobName.CohortSendInvitation]: (job: Job<{ invitationId: string }>) => this.invitations.send(job.data.invitationId),
  };

  constructor(
    private readonly processing: CohortProcessingService,
    private readonly reports: CohortReportService,
    private readonly invitations: InvitationsService,
    @Inject(JOB_DURATIONS) protected readonly durations: Histogram<'queue' | 'job' | 'outcome'>,
  ) {
    super();
  }
}
