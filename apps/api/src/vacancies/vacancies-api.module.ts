import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { VacanciesModule } from '@ricarica/vacancies';
import { VacancyController } from './vacancy.controller';

@Module({ imports: [VacanciesModule, AccountsModule], controllers: [VacancyController] })
export class VacanciesApiModule {}
