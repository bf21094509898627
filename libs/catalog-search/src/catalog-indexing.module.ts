import { Module } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { IndexNames, MEILI_CLIENT } from '@ricarica/search';
import { CatalogIndexer } from './indexing/catalog-indexer';
import { CatalogIndexingBootstrap } from './indexing/catalog-indexing.bootstrap';

/** The worker side: keeps the courses and vacancies indexes consistent with PostgreSQL. Needs the global queue and search modules. */
@Module({
  providers: [
    {
      provide: CatalogIndexer,
      inject: [DataSource, MEILI_CLIENT, IndexNames],
      useFactory: (db: DataSource, meili: Meilisearch, names: IndexNames) => new CatalogIndexer(db, meili, names),
    },
    CatalogIndexingBootstrap,
  ],
  exports: [CatalogIndexer],
})
export class CatalogIndexingModule {}
