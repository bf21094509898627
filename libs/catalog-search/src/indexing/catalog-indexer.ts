import { Logger } from '@nestjs/common';
import { EnqueuedTask, Meilisearch, RecordAny } from 'meilisearch';
import { DataSource } from 'typeorm';
import {
  COURSES_DOCUMENT_VERSION, COURSES_SETTINGS_VERSION, coursesIndexSpec, DocumentSource, ensureIndex, ensureSettings, IndexMetaStore,
  IndexNames, IndexSpec, isIndexNotFound, rebuildWithSwap, settingsHash, TaskWatcher, VACANCIES_DOCUMENT_VERSION, VACANCIES_SETTINGS_VERSION,
  vacanciesIndexSpec, waitForTasks,
} from '@ricarica/search';
import { CourseDocuments } from '../documents/course-documents';
import { DocState, sameState } from '../documents/labels';
import { catalogSynonyms } from '../documents/synonym-source';
import { VacancyDocuments } from '../documents/vacancy-documents';
import { quote } from '../search/filters';

export const CATALOG_INDEXES = ['courses', 'vacancies'] as const;
export type CatalogIndex = (typeof CATALOG_INDEXES)[number];

interface VersionedDocument extends RecordAny {
  id: string;
  version: number;
  sourceUpdatedAt: number;
  nextSessionStartsAt?: number | null;
}

interface IndexDefinition {
  spec(names: IndexNames, synonyms: Record<string, string[]>): IndexSpec;
  settingsVersion: number;
  documentVersion: number;
  source: DocumentSource<VersionedDocument> & { states(ids?: string[]): Promise<Map<string, DocState>> };
}

export interface ReadyReport {
  index: CatalogIndex;
  uid: string;
  created: boolean;
  settingsApplied: boolean;
  /** The documents were written in an older shape: a rebuild (reindex) is due. */
  needsRebuild: boolean;
}

export interface SyncOutcome {
  index: CatalogIndex;
  written: number;
  deleted: number;
  /** Documents not written because the index already held a newer version. */
  skippedAsOlder: number;
  /** Write-then-confirm rounds (more than one when PostgreSQL changed while writing). */
  rounds: number;
}

export interface VerifyReport {
  index: CatalogIndex;
  uid: string;
  /** Another reindex or check held the index; nothing was compared. */
  skipped: boolean;
  inPostgres: number;
  inIndex: number;
  missing: number;
  stale: number;
  extra: number;
  repaired: number;
  settingsApplied: boolean;
  ms: number;
}

export interface ReindexReport {
  index: CatalogIndex;
  uid: string;
  documents: number;
  buildMs: number;
  ms: number;
  documentsPerSecond: number;
  /** The check run right after the swap, which repairs what changed while the new index was built. */
  verify: VerifyReport;
}

const SYNC_CHUNK = 1000;
/** Changes coalesced into one write: gathered for this long after the first, or until this many. */
const COALESCE_MS = 15;
const COALESCE_MAX = 1000;
/**
 * Coalesced writes in flight per index: two, so that reading PostgreSQL for one overlaps Meilisearch indexing
 * the other (concurrent writes are safe: the version guard and the confirmation handle any interleaving).
 */
const FLUSHES_IN_FLIGHT = 2;
const MAX_ROUNDS = 5;
const ID_PAGE = 10_000;
const SYNONYMS_TTL_MS = 10 * 60_000;

const stateOf = (d: VersionedDocument): DocState => ({
  version: d.version,
  sourceUpdatedAt: d.sourceUpdatedAt,
  ...(d.nextSessionStartsAt !== undefined ? { next: d.nextSessionStartsAt } : {}),
});

interface Pending {
  ids: Set<string>;
  waiters: { resolve: (o: SyncOutcome) => void; reject: (e: Error) => void }[];
}

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Keeps the `courses` and `vacancies` indexes consistent with PostgreSQL.
 *
 * Every write re-reads PostgreSQL and sends the current document (or deletes it when the record is gone,
 * unpublished, closed or expired). Ordering: a document is not written when the index already holds a higher
 * `version` of it (an older update arriving after a newer one is dropped); and after each write PostgreSQL is
 * read again: if the record moved on meanwhile (or lost a race with a concurrent writer), the round is redone.
 * So the last write to land is always followed by a check that it matches PostgreSQL.
 */
export class CatalogIndexer {
  private readonly logger = new Logger(CatalogIndexer.name);
  private readonly meta: IndexMetaStore;
  private readonly definitions: Record<CatalogIndex, IndexDefinition>;
  private synonymsCache?: { value: Record<string, string[]>; at: number };
  /** Settings hash applied in this process, per index: lets each write skip the settings check. */
  private readonly ready = new Map<CatalogIndex, string>();
  private readonly tasks: TaskWatcher;
  /** Per index: the changes waiting for the next coalesced write, and whether one is being written. */
  private readonly pending = new Map<CatalogIndex, Pending>();
  private readonly flushing = new Map<CatalogIndex, number>();
  readonly courses: CourseDocuments;
  readonly vacancies: VacancyDocuments;

  constructor(
    private readonly db: DataSource,
    private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {
    this.meta = new IndexMetaStore(meili, names);
    this.tasks = new TaskWatcher(meili);
    this.courses = new CourseDocuments(db);
    this.vacancies = new VacancyDocuments(db);
    this.definitions = {
      courses: { spec: coursesIndexSpec, settingsVersion: COURSES_SETTINGS_VERSION, documentVersion: COURSES_DOCUMENT_VERSION, source: this.courses as never },
      vacancies: { spec: vacanciesIndexSpec, settingsVersion: VACANCIES_SETTINGS_VERSION, documentVersion: VACANCIES_DOCUMENT_VERSION, source: this.vacancies as never },
    };
  }

  uid(index: CatalogIndex): string {
    return this.names[index];
  }

  /** Synonyms from the ESCO labels in PostgreSQL; cached, re-read when `fresh` (the check does) or after 10 minutes. */
  async synonyms(fresh = false): Promise<Record<string, string[]>> {
    if (!fresh && this.synonymsCache && Date.now() - this.synonymsCache.at < SYNONYMS_TTL_MS) return this.synonymsCache.value;
    this.synonymsCache = { value: await catalogSynonyms(this.db), at: Date.now() };
    return this.synonymsCache.value;
  }

  async spec(index: CatalogIndex, fresh = false): Promise<IndexSpec> {
    return this.definitions[index].spec(this.names, await this.synonyms(fresh));
  }

  /**
   * The index exists with this code's settings: applied when the settings hash recorded in the meta index
   * differs (a new settings version, or synonyms changed by a taxonomy import). Cheap once done in this process.
   */
  async ensureReady(index: CatalogIndex, { fresh = false } = {}): Promise<ReadyReport> {
    const def = this.definitions[index];
    const spec = await this.spec(index, fresh);
    const hash = settingsHash(spec.settings);
    const report: ReadyReport = { index, uid: spec.uid, created: false, settingsApplied: false, needsRebuild: false };
    // A Meilisearch that lost its data must not receive documents into an index it creates on the fly, without settings.
    if (!fresh && this.ready.get(index) === hash && (await this.exists(spec.uid))) return report;
    report.created = await ensureIndex(this.meili, spec);
    const meta = report.created ? null : await this.meta.get(spec.uid);
    if (report.created || meta?.settingsHash !== hash) {
      report.settingsApplied = await ensureSettings(this.meili, spec);
      let documentVersion = def.documentVersion;
      if (!report.created && meta?.documentVersion !== def.documentVersion) {
        const stats = await this.meili.index(spec.uid).getStats();
        report.needsRebuild = stats.numberOfDocuments > 0;
        if (report.needsRebuild) documentVersion = meta?.documentVersion ?? 0;
      }
      await this.meta.put({ id: spec.uid, settingsVersion: def.settingsVersion, settingsHash: hash, documentVersion });
    } else if (meta.documentVersion !== def.documentVersion) {
      report.needsRebuild = true;
    }
    this.ready.set(index, hash);
    if (report.created || report.settingsApplied) this.logger.log({ ...report }, 'search index set up');
    return report;
  }

  /**
   * Brings these courses' documents in line with PostgreSQL. Concurrent calls (one per job) are coalesced into
   * one write of up to 500 documents, so that dozens of jobs in flight make one Meilisearch batch; every caller
   * resolves (or fails, and its job retries) with that write.
   */
  syncCourses(ids: string[]): Promise<SyncOutcome> {
    return this.coalesce('courses', ids);
  }

  syncVacancies(ids: string[]): Promise<SyncOutcome> {
    return this.coalesce('vacancies', ids);
  }

  /** A provider changed (renamed) or was deleted: every one of its courses is re-sent, or removed. */
  async syncProvider(providerId: string): Promise<SyncOutcome> {
    return this.syncOwner('courses', 'provider', 'providerId', providerId, () => this.courses.idsOfProvider(providerId));
  }

  async syncEmployer(employerId: string): Promise<SyncOutcome> {
    return this.syncOwner('vacancies', 'employer', 'employerId', employerId, () => this.vacancies.idsOfEmployer(employerId));
  }

  /**
   * The write primitive every path goes through: sends `docs` unless the index holds a higher version (or
   * always, with `force`), and deletes `gone`. Returns what it did.
   */
  async writeDocuments(index: CatalogIndex, docs: VersionedDocument[], gone: string[], options: { force?: boolean } = {}): Promise<Omit<SyncOutcome, 'rounds'>> {
    const uid = this.uid(index);
    const indexed = await this.indexedVersions(uid, [...docs.map((d) => d.id), ...gone]);
    const toWrite = options.force ? docs : docs.filter((d) => (indexed.get(d.id) ?? -1) <= d.version);
    const toDelete = gone.filter((id) => indexed.has(id));
    const tasks: EnqueuedTask[] = [];
    if (toWrite.length) tasks.push(await this.meili.index(uid).addDocuments(toWrite, { primaryKey: 'id' }));
    if (toDelete.length) tasks.push(await this.meili.index(uid).deleteDocuments(toDelete));
    await this.tasks.wait(tasks);
    return { index, written: toWrite.length, deleted: toDelete.length, skippedAsOlder: docs.length - toWrite.length };
  }

  /**
   * Rebuilds an index from PostgreSQL into a fresh index and swaps it in (no empty window), then runs the
   * check, which repairs whatever changed while the new index was being built.
   */
  async reindex(index: CatalogIndex): Promise<ReindexReport> {
    return (await this.locked(index, true, async () => {
      const started = Date.now();
      await this.ensureReady(index, { fresh: true });
      const def = this.definitions[index];
      const spec = await this.spec(index);
      const rebuilt = await rebuildWithSwap(this.meili, spec, def.source);
      await this.meta.put({ id: spec.uid, settingsVersion: def.settingsVersion, settingsHash: settingsHash(spec.settings), documentVersion: def.documentVersion });
      this.ready.set(index, settingsHash(spec.settings));
      const verify = await this.compareAndRepair(index, false);
      const report: ReindexReport = {
        index,
        uid: spec.uid,
        documents: rebuilt.documents,
        buildMs: rebuilt.buildMs,
        ms: Date.now() - started,
        documentsPerSecond: Math.round(rebuilt.documents / Math.max(rebuilt.buildMs / 1000, 0.001)),
        verify,
      };
      this.logger.log({ ...report }, 'search index rebuilt');
      return report;
    }))!;
  }

  /**
   * Compares ids and versions (and the provider/employer stamp, and the next session start) between PostgreSQL
   * and the index, and repairs the drift through the normal write path. Skips when a reindex holds the index.
   * Rebuilds instead when the documents are of an older shape.
   */
  async verify(index: CatalogIndex, { repair = true } = {}): Promise<VerifyReport> {
    const ready = await this.ensureReady(index, { fresh: true });
    if (ready.needsRebuild && repair) return (await this.reindex(index)).verify;
    const report = await this.locked(index, false, () => this.compareAndRepair(index, !repair, ready.settingsApplied));
    return report ?? { index, uid: this.uid(index), skipped: true, inPostgres: 0, inIndex: 0, missing: 0, stale: 0, extra: 0, repaired: 0, settingsApplied: false, ms: 0 };
  }

  private async compareAndRepair(index: CatalogIndex, dryRun: boolean, settingsApplied = false): Promise<VerifyReport> {
    const started = Date.now();
    const uid = this.uid(index);
    const expected = await this.definitions[index].source.states();
    const actual = await this.indexedStates(uid, index);
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [id, state] of expected) {
      const found = actual.get(id);
      if (!found) missing.push(id);
      else if (!sameState(found, state)) stale.push(id);
    }
    const extra = [...actual.keys()].filter((id) => !expected.has(id));
    let repaired = 0;
    if (!dryRun) {
      for (const ids of chunks([...missing, ...stale, ...extra], SYNC_CHUNK)) {
        const outcome = await this.sync(index, ids, { force: true });
        repaired += outcome.written + outcome.deleted;
      }
    }
    const report: VerifyReport = {
      index, uid, skipped: false, inPostgres: expected.size, inIndex: actual.size, missing: missing.length, stale: stale.length,
      extra: extra.length, repaired, settingsApplied, ms: Date.now() - started,
    };
    if (missing.length + stale.length + extra.length > 0) this.logger.warn({ ...report }, 'search index drift found');
    return report;
  }

  private coalesce(index: CatalogIndex, ids: string[]): Promise<SyncOutcome> {
    return new Promise((resolve, reject) => {
      let pending = this.pending.get(index);
      if (!pending) {
        pending = { ids: new Set(), waiters: [] };
        this.pending.set(index, pending);
        setTimeout(() => void this.flush(index), COALESCE_MS);
      }
      for (const id of ids) pending.ids.add(id);
      pending.waiters.push({ resolve, reject });
      if (pending.ids.size >= COALESCE_MAX) void this.flush(index);
    });
  }

  /** At most FLUSHES_IN_FLIGHT writes per index; changes arriving meanwhile wait for the next one. */
  private async flush(index: CatalogIndex): Promise<void> {
    const pending = this.pending.get(index);
    const running = this.flushing.get(index) ?? 0;
    if (!pending || running >= FLUSHES_IN_FLIGHT) return;
    this.pending.delete(index);
    this.flushing.set(index, running + 1);
    try {
      const outcome = await this.sync(index, [...pending.ids], {});
      for (const w of pending.waiters) w.resolve(outcome);
    } catch (e) {
      for (const w of pending.waiters) w.reject(e as Error);
    } finally {
      this.flushing.set(index, (this.flushing.get(index) ?? 1) - 1);
      if (this.pending.has(index)) void this.flush(index);
    }
  }

  private async sync(index: CatalogIndex, ids: string[], options: { force?: boolean }): Promise<SyncOutcome> {
    await this.ensureReady(index);
    const source = this.definitions[index].source;
    const outcome: SyncOutcome = { index, written: 0, deleted: 0, skippedAsOlder: 0, rounds: 0 };
    for (const chunk of chunks([...new Set(ids)], SYNC_CHUNK)) {
      let pending = chunk;
      for (let round = 1; pending.length > 0; round++) {
        if (round > MAX_ROUNDS) throw new Error(`${pending.length} ${index} kept changing while being indexed; the job will be retried`);
        outcome.rounds = Math.max(outcome.rounds, round);
        const docs = await source.byIds(pending);
        const present = new Set(docs.map((d) => d.id));
        const written = await this.writeDocuments(index, docs, pending.filter((id) => !present.has(id)), options);
        outcome.written += written.written;
        outcome.deleted += written.deleted;
        outcome.skippedAsOlder += written.skippedAsOlder;
        // Confirm against PostgreSQL after the write landed: redo what moved on meanwhile.
        const now = await source.states(pending);
        const sent = new Map(docs.map((d) => [d.id, stateOf(d)]));
        pending = pending.filter((id) => !sameState(sent.get(id), now.get(id)));
      }
    }
    return outcome;
  }

  private async syncOwner(index: CatalogIndex, table: 'provider' | 'employer', attribute: string, ownerId: string, ids: () => Promise<string[]>): Promise<SyncOutcome> {
    await this.ensureReady(index);
    const [owner] = await this.db.query(`select 1 from ${table} where id = $1`, [ownerId]);
    if (!owner) {
      // Its records went with it (cascade); their own events remove them too, this catches any left behind.
      const task = await this.meili.index(this.uid(index)).deleteDocuments({ filter: `${attribute} = ${quote(ownerId)}` });
      await waitForTasks(this.meili, [task]);
      return { index, written: 0, deleted: 0, skippedAsOlder: 0, rounds: 1 };
    }
    return this.sync(index, await ids(), {});
  }

  private async indexedVersions(uid: string, ids: string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (const part of chunks(ids, ID_PAGE)) {
      if (part.length === 0) continue;
      const page = await this.meili.index(uid).getDocuments<{ id: string; version: number }>({ ids: part, fields: ['id', 'version'], limit: part.length });
      for (const d of page.results) versions.set(d.id, d.version);
    }
    return versions;
  }

  private async indexedStates(uid: string, index: CatalogIndex): Promise<Map<string, DocState>> {
    const fields = index === 'courses' ? ['id', 'version', 'sourceUpdatedAt', 'nextSessionStartsAt'] : ['id', 'version', 'sourceUpdatedAt'];
    const states = new Map<string, DocState>();
    for (let offset = 0; ; offset += ID_PAGE) {
      const page = await this.meili.index(uid).getDocuments<VersionedDocument>({ fields: fields as never, limit: ID_PAGE, offset });
      for (const d of page.results) states.set(d.id, stateOf(d));
      if (page.results.length < ID_PAGE) return states;
    }
  }

  private async exists(uid: string): Promise<boolean> {
    try {
      await this.meili.index(uid).getRawInfo();
      return true;
    } catch (e) {
      if (isIndexNotFound(e)) return false;
      throw e;
    }
  }

  /**
   * One reindex or check per index at a time, across processes (a PostgreSQL advisory lock held by a
   * dedicated connection). `wait` false: returns undefined when the lock is taken.
   */
  private async locked<T>(index: CatalogIndex, wait: boolean, work: () => Promise<T>): Promise<T | undefined> {
    const key = `ricarica:search:${this.uid(index)}`;
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      if (wait) await runner.query(`select pg_advisory_lock(hashtext($1))`, [key]);
      else {
        const [{ locked }] = await runner.query(`select pg_try_advisory_lock(hashtext($1)) as locked`, [key]);
        if (!locked) return undefined;
      }
      try {
        return await work();
      } finally {
        await runner.query(`select pg_advisory_unlock(hashtext($1))`, [key]);
      }
    } finally {
      await runner.release();
    }
  }
}
