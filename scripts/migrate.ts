// `npm run migration:run`: creates the database if missing and applies pending migrations.
import 'reflect-metadata';
import { loadConfig } from '@ricarica/config';
import { migrate } from '@ricarica/database';

async function main(): Promise<void> {
  const applied = await migrate(loadConfig(process.env).databaseUrl);
  console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is current');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
