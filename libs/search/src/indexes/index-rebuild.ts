import { EnqueuedTask, Meilisearch, RecordAny } from 'meilisearch';
import { DocumentSource, ensureIndex, IndexSpec, isIndexNotFound, waitForTasks } from './index-sync';

export interface RebuildReport {
  uid: string;
  documents: number;
  /** Time to read PostgreSQL and index everything into the fresh index (before the swap). */
  buildMs: number;
  ms: number;
}

const SEND_BATCH = 5_000;
/** Batches sent ahead of Meilisearch's indexing: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 4;

/**
 * Rebuilds an index without an empty window: the documents go into a fresh index `<uid>__rebuild` that already
 * has the settings, which is then swapped with the live one in one Meilisearch task (searches see the old
 * index until the swap, the new one after); the old index is then deleted. Changes that land in the old index
 * while the new one is built are not carried over: callers run a consistency check afterwards.
 */
export async function rebuildWithSwap<D extends RecordAny>(client: Meilisearch, spec: IndexSpec, source: DocumentSource<D>): Promise<RebuildReport> {
  const started = Date.now();
  const next = `${spec.uid}__rebuild`;
  await deleteIndexIfExists(client, next);
  await waitForTasks(client, [await client.createIndex(next, { primaryKey: spec.primaryKey })]);
  await waitForTasks(client, [await client.index(next).updateSettings(spec.settings)]);
  const index = client.index<D>(next);
  let documents = 0;
  const inFlight: EnqueuedTask[] = [];
  for await (const page of source.pages(SEND_BATCH)) {
    inFlight.push(await index.addDocuments(page, { primaryKey: spec.primaryKey }));
    documents += page.length;
    if (inFlight.length >= IN_FLIGHT) await waitForTasks(client, inFlight.splice(0, 1));
  }
  await waitForTasks(client, inFlight);
  const buildMs = Date.now() - started;
  // The live index must exist for the swap; a first build swaps with an empty one.
  await ensureIndex(client, spec);
  await waitForTasks(client, [await client.swapIndexes([{ indexes: [spec.uid, next], rename: false }])]);
  await deleteIndexIfExists(client, next);
  return { uid: spec.uid, documents, buildMs, ms: Date.now() - started };
}

export async function deleteIndexIfExists(client: Meilisearch, uid: string): Promise<void> {
  try {
    await client.index(uid).getRawInfo();
  } catch (e) {
    if (isIndexNotFound(e)) return;
    throw e;
  }
  await waitForTasks(client, [await client.deleteIndex(uid)]);
}
