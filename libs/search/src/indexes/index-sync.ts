import { EnqueuedTask, MeiliSearchApiError, MeiliSearchRequestError, Meilisearch, RecordAny, Settings, Task } from 'meilisearch';

/** An index's identity and the settings this codebase owns for it. */
export interface IndexSpec {
  uid: string;
  primaryKey: string;
  settings: Settings;
}

/** Where an index's documents come from (PostgreSQL, in practice). */
export interface DocumentSource<D extends RecordAny> {
  count(): Promise<number>;
  /** Every document, a page at a time. */
  pages(pageSize: number): AsyncIterable<D[]>;
  byIds(ids: string[]): Promise<D[]>;
}

export interface SyncOptions {
  /** Ids whose rows changed since the index was last fed; ignored when a full sync happens. */
  changedIds?: string[];
  /** Re-send every document whatever the counts say. */
  full?: boolean;
}

export interface SyncReport {
  uid: string;
  /** `full`: every document re-sent; `changed`: only changed ones; `none`: the index was current. */
  mode: 'full' | 'changed' | 'none';
  created: boolean;
  settingsUpdated: boolean;
  sent: number;
  deleted: number;
  documents: number;
  ms: number;
}

/** A Meilisearch task that ended in any state but `succeeded`. */
export class MeiliTaskError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? '-'}) ${task.status}: ${task.error?.code ?? ''} ${task.error?.message ?? ''}`.trim());
    this.name = 'MeiliTaskError';
  }
}

const TASK_TIMEOUT_MS = 300_000;
const SEND_BATCH = 5_000;
const ID_PAGE = 10_000;

/** Waits for every task and throws on the first that failed or was cancelled. */
export async function waitForTasks(client: Meilisearch, tasks: EnqueuedTask[]): Promise<void> {
  if (tasks.length === 0) return;
  // One poll for all the tasks (the client's own waitForTasks polls them one by one, each poll adding an abort
  // listener to its timeout signal that is only released at the end).
  const pending = new Set(tasks.map((t) => t.taskUid));
  const deadline = Date.now() + TASK_TIMEOUT_MS;
  for (;;) {
    const { results } = await client.tasks.getTasks({ uids: [...pending], statuses: ['succeeded', 'failed', 'canceled'], limit: pending.size });
    for (const task of results as Task[]) {
      if (task.status !== 'succeeded') throw new MeiliTaskError(task);
      pending.delete(task.uid);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new Error(`Meilisearch tasks ${[...pending].join(', ')} not finished after ${TASK_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The error Meilisearch answered, if it answered one. The client wraps whatever a custom HTTP transport throws
 * (see meiliHttpClient) in a MeiliSearchRequestError, so the answer may be its cause.
 */
export function meiliApiError(e: unknown): MeiliSearchApiError | undefined {
  if (e instanceof MeiliSearchApiError) return e;
  if (e instanceof MeiliSearchRequestError && e.cause instanceof MeiliSearchApiError) return e.cause;
  return undefined;
}

export function isIndexNotFound(e: unknown): boolean {
  return meiliApiError(e)?.cause?.code === 'index_not_found';
}

export function isDocumentNotFound(e: unknown): boolean {
  return meiliApiError(e)?.cause?.code === 'document_not_found';
}

/** Creates the index when missing; returns whether it did. */
export async function ensureIndex(client: Meilisearch, spec: IndexSpec): Promise<boolean> {
  try {
    await client.index(spec.uid).getRawInfo();
    return false;
  } catch (e) {
    if (!isIndexNotFound(e)) throw e;
  }
  await waitForTasks(client, [await client.createIndex(spec.uid, { primaryKey: spec.primaryKey })]);
  return true;
}

/** Applies the owned settings only when they differ, because every settings task makes Meilisearch re-index. */
export async function ensureSettings(client: Meilisearch, spec: IndexSpec): Promise<boolean> {
  const current = await client.index(spec.uid).getSettings();
  if (settingsCover(current, spec.settings)) return false;
  await waitForTasks(client, [await client.index(spec.uid).updateSettings(spec.settings)]);
  return true;
}

const ORDERED_KEYS = new Set(['searchableAttributes', 'rankingRules']);

/** Whether `actual` already holds every value of `wanted` (order matters only where Meilisearch gives it meaning). */
export function settingsCover(actual: unknown, wanted: unknown, key = ''): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    if (ORDERED_KEYS.has(key)) return wanted.every((w, i) => settingsCover(actual[i], w));
    const rest = [...actual];
    return wanted.every((w) => {
      const at = rest.findIndex((a) => settingsCover(a, w));
      if (at < 0) return false;
      rest.splice(at, 1);
      return true;
    });
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([k, v]) => settingsCover((actual as Record<string, unknown>)[k], v, k));
  }
  return actual === wanted;
}

/**
 * Brings an index in line with its source: settings first (so documents are indexed once), then either every
 * document (when forced, or when the counts disagree, e.g. a fresh Meilisearch) or only the changed ones.
 * Full syncs replace documents in place and then delete the leftovers, so searches never see an empty index.
 */
export async function syncIndex<D extends RecordAny>(
  client: Meilisearch,
  spec: IndexSpec,
  source: DocumentSource<D>,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const started = Date.now();
  const created = await ensureIndex(client, spec);
  const settingsUpdated = await ensureSettings(client, spec);
  const index = client.index<D>(spec.uid);
  const [expected, stats] = await Promise.all([source.count(), index.getStats()]);
  const report: SyncReport = { uid: spec.uid, mode: 'none', created, settingsUpdated, sent: 0, deleted: 0, documents: expected, ms: 0 };

  if (options.full || stats.numberOfDocuments !== expected) {
    report.mode = 'full';
    const kept = new Set<string>();
    const tasks: EnqueuedTask[] = [];
    for await (const page of source.pages(SEND_BATCH)) {
      for (const doc of page) kept.add(String(doc[spec.primaryKey]));
      tasks.push(await index.addDocuments(page, { primaryKey: spec.primaryKey }));
      report.sent += page.length;
    }
    await waitForTasks(client, tasks);
    const stale = (await documentIds(client, spec)).filter((id) => !kept.has(id));
    if (stale.length > 0) await waitForTasks(client, [await index.deleteDocuments(stale)]);
    report.deleted = stale.length;
  } else if (options.changedIds && options.changedIds.length > 0) {
    report.mode = 'changed';
    const tasks: EnqueuedTask[] = [];
    for (let i = 0; i < options.changedIds.length; i += SEND_BATCH) {
      const docs = await source.byIds(options.changedIds.slice(i, i + SEND_BATCH));
      if (docs.length > 0) tasks.push(await index.addDocuments(docs, { primaryKey: spec.primaryKey }));
      report.sent += docs.length;
    }
    await waitForTasks(client, tasks);
  }
  report.ms = Date.now() - started;
  return report;
}

async function documentIds(client: Meilisearch, spec: IndexSpec): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += ID_PAGE) {
    const page = await client.index(spec.uid).getDocuments({ fields: [spec.primaryKey], limit: ID_PAGE, offset });
    for (const doc of page.results) ids.push(String(doc[spec.primaryKey]));
    if (page.results.length < ID_PAGE) return ids;
  }
}
