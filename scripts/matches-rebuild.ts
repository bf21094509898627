// `npm run matches:rebuild`: asks the worker to recompute every match list from PostgreSQL.
import 'reflect-metadata';
import { Queue } from 'bullmq';
import { loadConfig } from '@ricarica/config';
import { JobName, QueueName, redisOptions } from '@ricarica/queue';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const queue = new Queue(QueueName.Matching, { connection: redisOptions(config.redisUrl), prefix: config.queuePrefix });
  try {
    const job = await queue.add(JobName.MatchingRebuild, {}, { deduplication: { id: `${JobName.MatchingRebuild}:all`, keepLastIfActive: true } });
    console.log(`rebuild queued (job ${job.id}); the worker recomputes every list and logs "match lists rebuilt" with counts and time`);
  } finally {
    await queue.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
