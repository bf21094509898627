// Imports ESCO and ISTAT data into PostgreSQL and feeds the search indexes.
// Usage: node dist/scripts/taxonomy-import.js [--data-dir <dir>] [--force] [--migrate]
import 'reflect-metadata';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { loadConfig } from '@ricarica/config';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { IndexNames } from '@ricarica/search';
import { TaxonomyImporter } from '@ricarica/taxonomy';

const USAGE = `usage: taxonomy-import [--data-dir <dir>] [--force] [--migrate]
  --data-dir  folder holding esco/ and istat/ (default: the repository's data/)
  --force     re-import and re-send every search document even when the files are unchanged
  --migrate   apply pending database migrations first`;

interface Args {
  dataDir?: string;
  force: boolean;
  migrate: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { force: false, migrate: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--force') args.force = true;
    else if (flag === '--migrate') args.migrate = true;
    else if (flag === '--data-dir') {
      args.dataDir = inline ?? argv[++i];
      if (!args.dataDir) throw new Error(`--data-dir needs a folder\n${USAGE}`);
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  if (args.migrate) {
    const applied = await migrate(config.databaseUrl);
    console.log(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'migrations: none pending');
  }
  const db = new DataSource(dataSourceOptions(config.databaseUrl));
  await db.initialize();
  try {
    const meili = new Meilisearch({ host: config.meili.url, apiKey: config.meili.masterKey, timeout: 60_000 });
    const importer = new TaxonomyImporter(db, meili, new IndexNames(config.meili.indexPrefix), (line) => console.log(line));
    await importer.run({ dataDir: args.dataDir, force: args.force });
  } finally {
    await db.destroy();
  }
}

main().catch((e: Error) => {
  console.error(`taxonomy import failed: ${e.message}`);
  process.exit(1);
});
