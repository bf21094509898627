import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { MatchReadModule } from '@ricarica/matches';
import { VacanciesModule } from '@ricarica/vacancies';
import { CandidatePreviewController } from './candidate-preview.controller';
import { VacancyController } from './vacancy.controller';

@Module({ imports: [VacanciesModule, AccountsModule, MatchReadModule], controllers: [CandidatePreviewController, VacancyController] })
export class VacanciesApiModule {}
