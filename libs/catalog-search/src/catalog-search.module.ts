import { Module } from '@nestjs/common';
import { CatalogSearchService } from './search/catalog-search.service';
import { CourseRecommendationsService } from './search/course-recommendations.service';

/** The API side: course and vacancy search, and course recommendations. Needs the (global) SearchModule and the database. */
@Module({
  providers: [CatalogSearchService, CourseRecommendationsService],
  exports: [CatalogSearchService, CourseRecommendationsService],
})
export class CatalogSearchModule {}
