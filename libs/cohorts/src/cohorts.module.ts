import { Module } from '@nestjs/common';
import { TaxonomyRelatednessCache } from '@ricarica/matches';
import { PlacesService } from '@ricarica/places';
import { TaxonomyModule } from '@ricarica/taxonomy';
import { CohortProcessingService } from './cohort-processing.service';
import { CohortsService } from './cohorts.service';
import { InvitationsService } from './invitations.service';
import { MailSender } from './mail-sender';
import { CohortReportService } from './report/cohort-report.service';

/** Whole-plant intake, shared by the API (uploads, claims, reports) and the worker (processing, mail, report jobs). */
@Module({
  imports: [TaxonomyModule],
  providers: [PlacesService, CohortsService, CohortProcessingService, InvitationsService, MailSender, CohortReportService, TaxonomyRelatednessCache],
  exports: [CohortsService, CohortProcessingService, InvitationsService, CohortReportService],
})
export class CohortsModule {}
