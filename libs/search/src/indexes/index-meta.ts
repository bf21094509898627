import { createHash } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { IndexNames } from '../index-names';
import { ensureIndex, isDocumentNotFound, isIndexNotFound, waitForTasks } from './index-sync';

/**
 * What an index was last set up with, kept in a small Meilisearch index of its own so that it lives and dies
 * with the data it describes (a wiped Meilisearch forgets both, and everything is set up again).
 */
export interface IndexMeta {
  /** The index uid. */
  id: string;
  settingsVersion: number;
  /** Hash of the settings sent, synonyms included: a taxonomy import that changes labels changes it. */
  settingsHash: string;
  documentVersion: number;
  updatedAt: string;
}

/** Stable across runs: keys sorted at every level. */
export function settingsHash(settings: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha1').update(JSON.stringify(canonical(settings))).digest('hex');
}

export class IndexMetaStore {
  constructor(
    private readonly client: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  async get(uid: string): Promise<IndexMeta | null> {
    try {
      return await this.client.index<IndexMeta>(this.names.searchMeta).getDocument(uid);
    } catch (e) {
      if (isIndexNotFound(e) || isDocumentNotFound(e)) return null;
      throw e;
    }
  }

  async put(meta: Omit<IndexMeta, 'updatedAt'>): Promise<void> {
    const uid = this.names.searchMeta;
    await ensureIndex(this.client, { uid, primaryKey: 'id', settings: {} });
    await waitForTasks(this.client, [await this.client.index(uid).addDocuments([{ ...meta, updatedAt: new Date().toISOString() }], { primaryKey: 'id' })]);
  }
}
