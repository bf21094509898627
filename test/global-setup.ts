// Runs once before the int and e2e projects: the test database migrated, with the taxonomy imported
// (a no-op when the data files are unchanged since the last run).
import 'reflect-metadata';
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../tsconfig.base.json';

// Jest's moduleNameMapper does not reach global set-up: resolve the @ricarica/* aliases here.
register({ baseUrl: `${__dirname}/..`, paths: compilerOptions.paths });
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { migrate } from '../libs/database/src/migrate';
import { IndexNames } from '../libs/search/src/index-names';
import { TaxonomyImporter } from '../libs/taxonomy/src/import/taxonomy-importer';
import { TEST_DATABASE_URL, TEST_INDEX_PREFIX } from './support/test-env';

export default async function globalSetup(): Promise<void> {
  if (!process.env.MEILI_URL || !process.env.MEILI_MASTER_KEY) {
    throw new Error('MEILI_URL is not set: run the tests through npm test (scripts/with-meilisearch.js starts Meilisearch)');
  }
  await migrate(TEST_DATABASE_URL);
  const db = new DataSource(dataSourceOptions(TEST_DATABASE_URL));
  await db.initialize();
  try {
    const meili = new Meilisearch({ host: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY, timeout: 60_000 });
    await new TaxonomyImporter(db, meili, new IndexNames(TEST_INDEX_PREFIX), () => undefined).run();
  } finally {
    await db.destroy();
  }
}
