import { Module } from '@nestjs/common';
import { CohortsModule } from '@ricarica/cohorts';
import { CohortClaimsController } from './cohort-claims.controller';
import { CohortsController } from './cohorts.controller';

@Module({ imports: [CohortsModule], controllers: [CohortsController, CohortClaimsController] })
export class CohortsApiModule {}
