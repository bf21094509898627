import { Global, Module } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { IndexNames } from './index-names';
import { meiliHttpClient } from './meili-http';

export const MEILI_CLIENT = Symbol('MEILI_CLIENT');

/** The Meilisearch client and the prefixed index names, shared by the API and the worker. */
@Global()
@Module({
  providers: [
    {
      provide: MEILI_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Meilisearch({ host: config.meili.url, apiKey: config.meili.masterKey, timeout: 10000, httpClient: meiliHttpClient() }),
    },
    { provide: IndexNames, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new IndexNames(config.meili.indexPrefix) },
  ],
  exports: [MEILI_CLIENT, IndexNames],
})
export class SearchModule {}
