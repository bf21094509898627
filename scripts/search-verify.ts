// `npm run search:verify [-- --index courses|vacancies] [--dry-run] [--json]`: compares ids and versions
// between PostgreSQL and the courses and vacancies indexes and repairs the drift (the worker also runs this
// check every 10 minutes as a repeatable job). Exits 2 when --dry-run finds drift.
import { VerifyReport } from '@ricarica/catalog-search';
import { parseArgs, withIndexer } from './search-cli';

const USAGE = `usage: search-verify [--index courses|vacancies] [--dry-run] [--json]
  --index    one index only (default: both)
  --dry-run  report the drift without repairing it (exit code 2 when there is some)
  --json     print the reports as JSON`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const reports: VerifyReport[] = await withIndexer(async (indexer) => {
    const done: VerifyReport[] = [];
    for (const index of args.indexes) done.push(await indexer.verify(index, { repair: !args.dryRun }));
    return done;
  });
  if (args.json) console.log(JSON.stringify(reports, null, 2));
  else {
    for (const r of reports) {
      if (r.skipped) console.log(`${r.uid.padEnd(24)} skipped: a reindex or another check holds the index`);
      else {
        console.log(
          `${r.uid.padEnd(24)} PostgreSQL ${r.inPostgres}, index ${r.inIndex}: ${r.missing} missing, ${r.stale} stale, ${r.extra} extra; ` +
            `${args.dryRun ? 'not repaired (dry run)' : `${r.repaired} repaired`}${r.settingsApplied ? '; settings applied' : ''} (${r.ms} ms)`,
        );
      }
    }
  }
  const drift = reports.some((r) => r.missing + r.stale + r.extra > 0);
  if (args.dryRun && drift) process.exit(2);
}

main().catch((e: Error) => {
  console.error(`search verify failed: ${e.message}`);
  process.exit(1);
});
