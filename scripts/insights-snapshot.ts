// `npm run insights:snapshot [-- --month 2026-11] [--here] [--json]`: computes one month's regional
// insights snapshot. By default the worker does it (a job on the maintenance queue; this waits for
// it); --here computes it in this process, without a worker. No month: the current month.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@ricarica/config';
import { dataSourceOptions } from '@ricarica/database';
import { InsightsSnapshotService, isMonth, monthOf, SnapshotReport } from '@ricarica/insights';
import { JobName, QUEUE_OF_JOB, redisOptions } from '@ricarica/queue';

const USAGE = `usage: insights-snapshot [--month YYYY-MM] [--here] [--json]
  --month  the month (default: the current one, Italian time)
  --here   compute in this process instead of asking the worker
  --json   print the report as JSON`;

function parse(argv: string[]) {
  const args = { month: monthOf(new Date()), here: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--month') {
      const value = inline ?? argv[++i];
      if (!isMonth(value)) throw new Error(`--month must be YYYY-MM, got ${value ?? 'nothing'}\n${USAGE}`);
      args.month = value;
    } else if (flag === '--here') args.here = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return args;
}

async function here(databaseUrl: string, month: string): Promise<SnapshotReport> {
  const db = new DataSource(dataSourceOptions(databaseUrl));
  await db.initialize();
  try {
    return await new InsightsSnapshotService(db).compute(month);
  } finally {
    await db.destroy();
  }
}

async function viaWorker(redisUrl: string, prefix: string, month: string): Promise<SnapshotReport> {
  const name = QUEUE_OF_JOB[JobName.InsightsSnapshot];
  const connection = redisOptions(redisUrl);
  const queue = new Queue(name, { connection, prefix });
  const events = new QueueEvents(name, { connection, prefix });
  try {
    await events.waitUntilReady();
    const job = await queue.add(JobName.InsightsSnapshot, { month }, { deduplication: { id: `${JobName.InsightsSnapshot}:${month}` }, attempts: 1 });
    console.error(`snapshot of ${month} queued (job ${job.id}); waiting for the worker…`);
    const [report] = (await job.waitUntilFinished(events, 15 * 60_000)) as SnapshotReport[];
    return report;
  } finally {
    await events.close();
    await queue.close();
  }
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  Logger.overrideLogger(['error', 'warn']);
  const config = loadConfig(process.env);
  const report = args.here ? await here(config.databaseUrl, args.month) : await viaWorker(config.redisUrl, config.queuePrefix, args.month);
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else if (report.frozen) console.log(`${report.month}: already final (as of ${new Date(report.asOf).toISOString()}), left unchanged`);
  else console.log(`${report.month}: ${report.cells} cells (${report.suppressed} suppressed for the public) as of ${new Date(report.asOf).toISOString()}, in ${(report.durationMs / 1000).toFixed(1)} s`);
}

main().catch((e: Error) => {
  console.error(`insights snapshot failed: ${e.message}`);
  process.exit(1);
});
