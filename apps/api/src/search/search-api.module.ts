import { Module } from '@nestjs/common';
import { CatalogSearchModule } from '@ricarica/catalog-search';
import { SearchController } from './search.controller';

/** GET /search/courses, /search/vacancies and /workers/:id/courses/recommended. */
@Module({ imports: [CatalogSearchModule], controllers: [SearchController] })
export class SearchApiModule {}
