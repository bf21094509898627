// Shared by `npm run search:reindex` and `npm run search:verify`.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { CATALOG_INDEXES, CatalogIndex, CatalogIndexer } from '@ricarica/catalog-search';
import { loadConfig } from '@ricarica/config';
import { dataSourceOptions } from '@ricarica/database';
import { IndexNames, meiliHttpClient } from '@ricarica/search';

export interface CliArgs {
  indexes: CatalogIndex[];
  json: boolean;
  dryRun: boolean;
}

export function parseArgs(argv: string[], usage: string): CliArgs {
  const args: CliArgs = { indexes: [...CATALOG_INDEXES], json: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--index') {
      const value = inline ?? argv[++i];
      if (!(CATALOG_INDEXES as readonly string[]).includes(value)) throw new Error(`--index must be one of ${CATALOG_INDEXES.join(', ')}\n${usage}`);
      args.indexes = [value as CatalogIndex];
    } else if (flag === '--json') args.json = true;
    else if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\n${usage}`);
  }
  return args;
}

/** Runs `work` with an indexer on the configured PostgreSQL and Meilisearch (the same variables as the apps). */
export async function withIndexer<T>(work: (indexer: CatalogIndexer) => Promise<T>): Promise<T> {
  Logger.overrideLogger(['error', 'warn']);
  const config = loadConfig(process.env);
  const db = new DataSource(dataSourceOptions(config.databaseUrl));
  await db.initialize();
  try {
    const meili = new Meilisearch({ host: config.meili.url, apiKey: config.meili.masterKey, timeout: 60_000, httpClient: meiliHttpClient() });
    return await work(new CatalogIndexer(db, meili, new IndexNames(config.meili.indexPrefix)));
  } finally {
    await db.destroy();
  }
}
