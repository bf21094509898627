import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchingEngine, Relatedness, SkillIndex } from '@ricarica/matching';
import { EventName, MATCHING_SYNC_COALESCE_MS } from '@ricarica/queue';
import { MatchStore } from './match-store';
import { MatchingPopulationLoader } from './matching-population.loader';

/**
 * Outbox rows older than the last position are re-read for this long: a transaction may take its
 * outbox id before another and commit after it. Versions make re-reading harmless.
 */
const FEED_OVERLAP = '5 minutes';

export interface MatchingSyncReport {
  mode: 'rebuild' | 'catch-up';
  workers: number;
  vacancies: number;
  changedWorkers: number;
  changedVacancies: number;
  /** Stored list rows written: candidate lists whole, worker list entries that changed. */
  rowsWritten?: number;
  /** Of `ms`, the time spent writing lists to PostgreSQL. */
  writeMs?: number;
  /** Worker lists left to write when a newer change overtook them (written by the next sync). */
  pendingWorkers?: number;
  ms: number;
}

interface EngineState {
  engine: MatchingEngine;
  skills: SkillIndex;
  relatedness: Relatedness;
  /** Version of each worker and open vacancy as the engine holds it. */
  workerVersions: Map<string, number>;
  vacancyVersions: Map<string, number>;
  /** Last outbox id applied. */
  position: number;
  /** Vacancies expiring after this instant are still in the lists. */
  expiryCheckedAt: Date;
  /**
   * Workers whose stored list may differ from the engine's, not written yet, with the version to
   * record for those whose own profile changed (0 for a list changed by vacancies only).
   */
  pendingWorkers: Map<string, number>;
}

/** Worker lists written per transaction while flushing; between two, a newer change may overtake. */
const FLUSH_WORKERS = 2000;

/**
 * Keeps the stored match lists equal to what the scoring gives for the current PostgreSQL state.
 * The engine lives in this process; PostgreSQL's outbox is the change feed it catches up from, so
 * a job is only a trigger: a lost, repeated or late job cannot lose or double a change. Jobs on the
 * matching queue run one at a time across all worker processes (global concurrency 1).
 */
@Injectable()
export class MatchingSyncService {
  private readonly logger = new Logger(MatchingSyncService.name);
  private readonly loader: MatchingPopulationLoader;
  private readonly store = new MatchStore();
  private state?: EngineState;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.loader = new MatchingPopulationLoader(db);
  }

  /** Applies every change since the last call (a full rebuild the first time in this process). */
  async sync(now = new Date()): Promise<MatchingSyncReport> {
    if (!this.state) return this.rebuild(now);
    try {
      return await this.catchUp(this.state, now);
    } catch (e) {
      // The engine may hold changes whose lists were never written: start over from PostgreSQL.
      this.state = undefined;
      throw e;
    }
  }

  /** Recomputes every list from PostgreSQL and rewrites them all (after a taxonomy import, or on demand). */
  async rebuild(now = new Date()): Promise<MatchingSyncReport> {
    const started = Date.now();
    // Read the feed position first: changes committed while loading are re-applied by the next catch-up.
    const [{ position }] = await this.db.query(`select coalesce(max(id), 0)::bigint::text as position from outbox`);
    const { skills, relatedness } = await this.loader.taxonomy();
    const [workers, vacancies] = await Promise.all([this.loader.workers(skills), this.loader.openVacancies(skills)]);
    const engine = new MatchingEngine(relatedness);
    engine.loadWorkers(workers.map((w) => w.record));
    engine.loadVacancies(vacancies.map((v) => v.record));
    engine.rebuild(now);
    const workerLists = new Map(workers.map((w) => [w.record.id, engine.matchesOf(w.record.id)]));
    const vacancyLists = new Map(vacancies.map((v) => [v.record.id, engine.candidatesOf(v.record.id)]));
    await this.db.transaction(async (m) => {
      await this.store.clearAll(m);
      await this.store.insertWorkerLists(m, workerLists, now);
      await this.store.replaceVacancyLists(m, vacancyLists, now);
      await m.query(`delete from match_state`);
      await this.store.markComputed(m, 'worker', new Map(workers.map((w) => [w.record.id, w.version])), now);
      await this.store.markComputed(m, 'vacancy', new Map(vacancies.map((v) => [v.record.id, v.version])), now);
    });
    this.state = {
      engine,
      skills,
      relatedness,
      workerVersions: new Map(workers.map((w) => [w.record.id, w.version])),
      vacancyVersions: new Map(vacancies.map((v) => [v.record.id, v.version])),
      position: Number(position),
      expiryCheckedAt: now,
      pendingWorkers: new Map(),
    };
    const report: MatchingSyncReport = { mode: 'rebuild', workers: workers.length, vacancies: vacancies.length, changedWorkers: workers.length, changedVacancies: vacancies.length, ms: Date.now() - started };
    this.logger.log(report, 'match lists rebuilt');
    return report;
  }

  /** Forgets the in-memory state, so the next sync rebuilds (e.g. after the taxonomy changed). */
  reset(): void {
    this.state = undefined;
  }

  private async catchUp(state: EngineState, now: Date): Promise<MatchingSyncReport> {
    const started = Date.now();
    const feed: { id: string; topic: string; payload: { workerId?: string; vacancyId?: string } }[] = await this.db.query(
      `select id::text as id, topic, payload from outbox
        where topic = any($1::text[]) and (id > $2 or created_at > now() - interval '${FEED_OVERLAP}')
        order by id`,
      [[EventName.WorkerChanged, EventName.VacancyChanged], state.position],
    );
    const workerIds = new Set<string>();
    const vacancyIds = new Set<string>();
    for (const row of feed) {
      if (row.topic === EventName.WorkerChanged && row.payload.workerId) workerIds.add(row.payload.workerId);
      if (row.topic === EventName.VacancyChanged && row.payload.vacancyId) vacancyIds.add(row.payload.vacancyId);
    }
    // Vacancies whose expiry passed since the last check leave every list without any request.
    const expired: { id: string }[] = await this.db.query(
      `select id from vacancy where status = 'open' and expires_at > $1 and expires_at <= $2`,
      [state.expiryCheckedAt, now],
    );
    const expiredIds = new Set(expired.map((e) => e.id));
    for (const id of expiredIds) vacancyIds.add(id);

    const [workers, vacancies] = await Promise.all([
      workerIds.size ? this.loader.workers(state.skills, [...workerIds]) : [],
      vacancyIds.size ? this.loader.openVacancies(state.skills, [...vacancyIds]) : [],
    ]);
    const changedWorkers = new Set<string>();
    const changedVacancies = new Set<string>();
    const workerVersions = new Map<string, number>();
    const vacancyVersions = new Map<string, number>();
    const { engine } = state;

    const currentVacancies = new Map(vacancies.map((v) => [v.record.id, v]));
    for (const id of vacancyIds) {
      const current = currentVacancies.get(id);
      const expiredNow = expiredIds.has(id);
      if (current && state.vacancyVersions.get(id) === current.version && !expiredNow) continue;
      const result = current ? engine.upsertVacancy(current.record, now) : engine.removeVacancy(id, now);
      if (current) state.vacancyVersions.set(id, current.version);
      else state.vacancyVersions.delete(id);
      changedVacancies.add(id);
      vacancyVersions.set(id, current?.version ?? 0);
      for (const w of result.changedWorkers) changedWorkers.add(w);
    }
    const currentWorkers = new Map(workers.map((w) => [w.record.id, w]));
    for (const id of workerIds) {
      const current = currentWorkers.get(id);
      if (current && state.workerVersions.get(id) === current.version) continue;
      const result = current ? engine.upsertWorker(current.record, now) : engine.removeWorker(id, now);
      if (current) {
        state.workerVersions.set(id, current.version);
        workerVersions.set(id, current.version);
      } else state.workerVersions.delete(id);
      changedWorkers.add(id);
      for (const v of result.changedVacancies) changedVacancies.add(v);
    }

    let rowsWritten = 0;
    const writeStarted = Date.now();
    // Candidate lists first, in their own transaction: a vacancy's candidates become readable without
    // waiting for the (many more) worker lists it entered.
    if (changedVacancies.size) {
      // A closed or deleted vacancy gets an empty list: its stored rows go.
      const vacancyLists = new Map([...changedVacancies].map((id) => [id, state.vacancyVersions.has(id) ? engine.candidatesOf(id) : []]));
      await this.db.transaction(async (m) => {
        rowsWritten += await this.store.replaceVacancyLists(m, vacancyLists, now);
        await this.store.markComputed(m, 'vacancy', new Map([...vacancyVersions].filter(([, v]) => v > 0)), now);
        await this.store.forget(m, 'vacancy', [...changedVacancies].filter((id) => !state.vacancyVersions.has(id)));
      });
    }
    if (feed.length) state.position = Math.max(state.position, Number(feed[feed.length - 1].id));
    state.expiryCheckedAt = now;
    for (const id of changedWorkers) state.pendingWorkers.set(id, Math.max(workerVersions.get(id) ?? 0, state.pendingWorkers.get(id) ?? 0));
    rowsWritten += await this.flushWorkers(state, now);
    return {
      mode: 'catch-up',
      workers: state.workerVersions.size,
      vacancies: state.vacancyVersions.size,
      changedWorkers: changedWorkers.size,
      changedVacancies: changedVacancies.size,
      pendingWorkers: state.pendingWorkers.size,
      rowsWritten,
      writeMs: Date.now() - writeStarted,
      ms: Date.now() - started,
    };
  }

  /**
   * Writes the pending worker lists from the engine's current state, a chunk per transaction, and
   * stops early when a newer change's sync job is due: that job then takes the engine first (a new
   * vacancy's candidates do not wait for the previous vacancy's thirty thousand worker lists) and
   * goes on flushing after. Lists not yet written read as they were (those of changed profiles as
   * `stale`); should the process die, the next one rebuilds every list.
   */
  private async flushWorkers(state: EngineState, now: Date): Promise<number> {
    let written = 0;
    while (state.pendingWorkers.size) {
      const chunk: [string, number][] = [];
      for (const entry of state.pendingWorkers) if (chunk.push(entry) === FLUSH_WORKERS) break;
      const lists = new Map(chunk.map(([id]) => [id, state.workerVersions.has(id) ? state.engine.matchesOf(id) : []]));
      await this.db.transaction(async (m) => {
        written += await this.store.syncWorkerLists(m, lists, now);
        await this.store.markComputed(m, 'worker', new Map(chunk.filter(([id, v]) => v > 0 && state.workerVersions.has(id))), now);
        await this.store.forget(m, 'worker', chunk.map(([id]) => id).filter((id) => !state.workerVersions.has(id)));
      });
      for (const [id] of chunk) state.pendingWorkers.delete(id);
      if (state.pendingWorkers.size && (await this.newerChangeIsDue(state.position))) break;
    }
    return written;
  }

  /**
   * Whether a change not applied yet has waited out its sync job's coalescing delay: until then the
   * job cannot run anyway, so flushing goes on (a stream of changes cannot starve the worker lists).
   */
  private async newerChangeIsDue(position: number): Promise<boolean> {
    const [{ due }]: { due: boolean }[] = await this.db.query(
      `select exists (select 1 from outbox where topic = any($1::text[]) and id > $2
                        and created_at <= now() - make_interval(secs => $3)) as due`,
      [[EventName.WorkerChanged, EventName.VacancyChanged], position, MATCHING_SYNC_COALESCE_MS / 1000],
    );
    return due;
  }
}
