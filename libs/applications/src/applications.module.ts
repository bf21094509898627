import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MatchReadModule } from '@ricarica/matches';
import { Application } from './application.entity';
import { ApplicationsService } from './applications.service';
import { CandidatesService } from './candidates.service';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';

@Module({
  imports: [TypeOrmModule.forFeature([Application, Enrolment]), MatchReadModule],
  providers: [ApplicationsService, EnrolmentsService, CandidatesService],
  exports: [ApplicationsService, EnrolmentsService, CandidatesService],
})
export class ApplicationsModule {}
