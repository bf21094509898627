// `npm run search:reindex [-- --index courses|vacancies] [--json]`: rebuilds the courses and vacancies
// indexes from PostgreSQL into fresh indexes and swaps them in (searches never see an empty index), then
// checks them against PostgreSQL, repairing what changed meanwhile. Reports counts and times.
import { ReindexReport } from '@ricarica/catalog-search';
import { parseArgs, withIndexer } from './search-cli';

const USAGE = `usage: search-reindex [--index courses|vacancies] [--json]
  --index  one index only (default: both)
  --json   print the reports as JSON`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const reports: ReindexReport[] = await withIndexer(async (indexer) => {
    const done: ReindexReport[] = [];
    for (const index of args.indexes) {
      const r = await indexer.reindex(index);
      done.push(r);
      if (!args.json) {
        console.log(
          `${r.uid.padEnd(24)} ${String(r.documents).padStart(7)} documents  built in ${(r.buildMs / 1000).toFixed(1)} s ` +
            `(${r.documentsPerSecond} docs/s), swapped; total ${(r.ms / 1000).toFixed(1)} s; ` +
            `check after swap: ${r.verify.missing} missing, ${r.verify.stale} stale, ${r.verify.extra} extra, ${r.verify.repaired} repaired`,
        );
      }
    }
    return done;
  });
  if (args.json) console.log(JSON.stringify(reports, null, 2));
}

main().catch((e: Error) => {
  console.error(`search reindex failed: ${e.message}`);
  process.exit(1);
});
