import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesService } from '@ricarica/places';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { VacancyRequirement } from './vacancy-requirement.entity';
import { Vacancy } from './vacancy.entity';
import { VacanciesService } from './vacancies.service';

@Module({
  imports: [TypeOrmModule.forFeature([Vacancy, VacancyRequirement])],
  providers: [VacanciesService, TaxonomyLookupService, PlacesService],
  exports: [VacanciesService],
})
export class VacanciesModule {}
