import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { IndexNames, MEILI_CLIENT } from '@ricarica/search';
import { Occupation, OccupationSkill, Skill, SkillBroader, SkillGroup, TaxonomyImport } from './entities';
import { TaxonomySearchSync } from './indexing/taxonomy-search-sync';
import { OccupationsService } from './occupations.service';
import { SkillsService } from './skills.service';
import { OccupationSuggester } from './suggest/occupation-suggester';
import { TaxonomyImportService } from './taxonomy-import.service';
import { TaxonomyLookupService } from './taxonomy-lookup.service';

/** ESCO skills and occupations. Needs the database connection and the (global) SearchModule from the app. */
@Module({
  imports: [TypeOrmModule.forFeature([Skill, SkillGroup, SkillBroader, Occupation, OccupationSkill, TaxonomyImport])],
  providers: [
    SkillsService,
    OccupationsService,
    OccupationSuggester,
    TaxonomyImportService,
    TaxonomyLookupService,
    {
      provide: TaxonomySearchSync,
      inject: [DataSource, MEILI_CLIENT, IndexNames],
      useFactory: (db: DataSource, meili: Meilisearch, names: IndexNames) => new TaxonomySearchSync(db, meili, names),
    },
  ],
  exports: [SkillsService, OccupationsService, OccupationSuggester, TaxonomyImportService, TaxonomyLookupService, TaxonomySearchSync],
})
export class TaxonomyModule {}
