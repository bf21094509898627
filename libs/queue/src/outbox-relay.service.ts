import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { EVENT_JOBS, EventName, isEventName, JobOfEvent } from './events';
import { JobName, QUEUE_OF_JOB, QueueName } from './jobs';
import { QueueRegistry } from './queue-registry';

interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

interface PlannedJob {
  name: JobName;
  data: unknown;
  opts: JobsOptions;
}

/** How long one relay waits for Redis before giving up and leaving the rows for the next try. */
const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * Moves outbox rows into BullMQ jobs. Rows are locked (skip locked, so several relays can run) and
 * enqueued either with a coalescing deduplication id (bursts of changes to one record become at most
 * one running and one waiting job) or with the deterministic job id `<job>:outbox-<row id>`, so a
 * repeated relay after a crash adds nothing twice. The rows are stamped sent in the same transaction;
 * if Redis is down the transaction rolls back and the rows wait in PostgreSQL.
 */
@Injectable()
export class OutboxRelayService {
  private readonly logger = new Logger(OutboxRelayService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /** Relays up to `limit` rows; returns how many were handled. */
  async relayBatch(limit = 500): Promise<number> {
    return this.db.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `select id::text as id, topic, payload from outbox where sent_at is null order by id limit $1 for update skip locked`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, PlannedJob[]>();
      for (const row of rows) {
        if (!isEventName(row.topic)) {
          this.logger.warn({ outboxId: row.id, topic: row.topic }, 'outbox row with an unknown event skipped');
          continue;
        }
        for (const job of planJobs(row)) {
          const queue = QUEUE_OF_JOB[job.name];
          byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
        }
      }
      await withTimeout(
        Promise.all([...byQueue].map(([name, jobs]) => this.queues.get(name).addBulk(jobs))),
        ENQUEUE_TIMEOUT_MS,
      );
      await manager.query(`update outbox set sent_at = now() where id = any($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}

/** The jobs an outbox row becomes, with their ids or deduplication keys. */
export function planJobs(row: OutboxRow): PlannedJob[] {
  const event = row.topic as EventName;
  const payload = row.payload as never;
  return (EVENT_JOBS[event] as JobOfEvent<EventName>[]).map((spec) => {
    const key = spec.dedupeKey?.(payload);
    const priority = spec.priority ? { priority: spec.priority } : {};
    return {
      name: spec.job,
      data: spec.data(payload),
      opts: !key
        ? { jobId: `${spec.job}:outbox-${row.id}`, ...priority }
        : spec.coalesceMs
          ? // Throttled: changes within the window join the waiting job, which reads PostgreSQL when it
            // starts (after every change it was asked for); the key expires just before that start, so
            // a later change makes a job of its own and none is ever dropped.
            { deduplication: { id: `${spec.job}:${key}`, ttl: Math.round(spec.coalesceMs * 0.9) }, delay: spec.coalesceMs, ...priority }
          : { deduplication: { id: `${spec.job}:${key}`, keepLastIfActive: true }, ...priority },
    };
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ms} ms`)), ms);
    }),
  ]);
}
