import { EnqueuedTask, Meilisearch, Task } from 'meilisearch';
import { MeiliTaskError } from './index-sync';

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

/** How long Meilisearch may stay unreachable while tasks are awaited before the waiters fail (and their jobs retry). */
const UNREACHABLE_MS = 3000;
const TIMEOUT_MS = 300_000;

/**
 * Waits for Meilisearch tasks with one poll for all of them (`GET /tasks?uids=…`), rather than one poll per
 * task: with dozens of indexing jobs in flight, per-task polling would load Meilisearch more than the writes.
 */
export class TaskWatcher {
  private readonly waiters = new Map<number, { since: number; list: Waiter[] }>();
  private timer?: NodeJS.Timeout;
  private failingSince?: number;

  constructor(
    private readonly client: Meilisearch,
    private readonly intervalMs = 20,
  ) {}

  /** Resolves when every task succeeded; rejects with MeiliTaskError on the first that did not. */
  async wait(tasks: EnqueuedTask[]): Promise<void> {
    await Promise.all(
      tasks.map(
        (t) =>
          new Promise<void>((resolve, reject) => {
            const entry = this.waiters.get(t.taskUid) ?? { since: Date.now(), list: [] };
            entry.list.push({ resolve, reject });
            this.waiters.set(t.taskUid, entry);
            this.schedule();
          }),
      ),
    );
  }

  private schedule(): void {
    if (this.timer || this.waiters.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
  }

  private async poll(): Promise<void> {
    const uids = [...this.waiters.keys()];
    try {
      const { results } = await this.client.tasks.getTasks({ uids, statuses: ['succeeded', 'failed', 'canceled'], limit: uids.length });
      this.failingSince = undefined;
      for (const task of results as Task[]) this.settle(task.uid, task.status === 'succeeded' ? undefined : new MeiliTaskError(task));
      const now = Date.now();
      for (const [uid, entry] of this.waiters) {
        if (now - entry.since > TIMEOUT_MS) this.settle(uid, new Error(`Meilisearch task ${uid} not finished after ${TIMEOUT_MS} ms`));
      }
    } catch (e) {
      this.failingSince ??= Date.now();
      if (Date.now() - this.failingSince > UNREACHABLE_MS) {
        for (const uid of uids) this.settle(uid, new Error(`Meilisearch unreachable while waiting for task ${uid}: ${(e as Error).message}`));
        this.failingSince = undefined;
      }
    } finally {
      this.timer = undefined;
      this.schedule();
    }
  }

  private settle(uid: number, error?: Error): void {
    const entry = this.waiters.get(uid);
    if (!entry) return;
    this.waiters.delete(uid);
    for (const w of entry.list) (error ? w.reject(error) : w.resolve());
  }
}
