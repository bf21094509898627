import { WorkerCodes } from './credit-table';
import { VacancyPostings, VacancyScratch, WorkerPostings, scoreWorkerAgainstVacancies } from './event-scoring';
import { haversineKm, radiusChordBounds } from './geo';
import { MatchingErrors } from './matching.errors';
import { Population, VACANCY_HAS_COORDS, VACANCY_OPEN, VACANCY_REMOTE, WORKER_ACTIVE, WORKER_CONSENT, WORKER_HAS_COORDS, vacancyLive, type PopulationView } from './population';
import { pairDistance } from './top-k-buffer';
import { planWorkerGroups, scoreWorkerChunk, splitPlan, type ChunkResult, type ChunkStats, type WorkerPlan } from './rebuild-kernel';
import type { Relatedness } from './relatedness';
import { roundScore, type Importance } from './scoring';
import { CandidateHeaps, MatchHeap, candidateRanksBefore, matchRanksBefore } from './top-k-heap';
import { DEFAULT_DEPTHS, toEpochMs, type CandidateEntry, type Instant, type ListDepths, type MatchEntry, type VacancyRecord, type WorkerRecord } from './types';

export interface RebuildStats extends ChunkStats {
  chunks: number;
  vacancies: number;
}

export interface WorkerEventResult {
  workerId: string;
  removed: boolean;
  /** The worker's served list after the event. */
  matches: MatchEntry[];
  /** Vacancies whose served candidate list the worker entered, or left. */
  enteredVacancies: string[];
  leftVacancies: string[];
  /** Every vacancy whose served candidate list changed in any way (includes entered and left). */
  changedVacancies: string[];
}

export interface VacancyEventResult {
  vacancyId: string;
  removed: boolean;
  /** The vacancy's served candidate list after the event. */
  candidates: CandidateEntry[];
  /** Workers whose served list changed (the vacancy entered, left or moved in it). */
  changedWorkers: string[];
  /** Workers whose stored list ran short and was recomputed in full (a subset of changedWorkers). */
  rescoredWorkers: string[];
}

/** A part of a rebuild: `part` of `parts` place-ordered runs of workers (see MatchingEngine.scoreChunk). */
export interface ChunkSpec {
  part: number;
  parts: number;
}

/**
 * Holds a population of workers and vacancies, their ranked lists, and keeps the lists exact under
 * events. Ids are strings outside and slots (integers) inside.
 *
 * Invariant: a stored list is always an exact prefix of the full ranking of its owner, and a
 * `complete` flag says whether it is the whole ranking. Events keep the invariant by removing the
 * changed entity's entries and re-inserting its new pairs where they rank inside the known prefix; a
 * list that falls below its served length while incomplete is recomputed in full.
 */
export class MatchingEngine {
  readonly depths: ListDepths;
  private readonly pop: Population;
  private rebuilt = false;

  // Worker lists: slot w owns [w·WD, w·WD + wLen[w]).
  private wVac = new Int32Array(0);
  private wNum = new Int32Array(0);
  private wKm = new Float64Array(0);
  private wLen = new Int32Array(0);
  private wComplete = new Uint8Array(0);
  /** For each worker, the vacancies whose candidate lists hold it. */
  private readonly inVacancyLists = new Membership();

  // Vacancy lists: slot v owns [v·VD, v·VD + vLen[v]).
  private vWorker = new Int32Array(0);
  private vNum = new Int32Array(0);
  private vKm = new Float64Array(0);
  private vLen = new Int32Array(0);
  private vComplete = new Uint8Array(0);
  /** For each vacancy, the workers whose lists hold it. */
  private readonly inWorkerLists = new Membership();

  private readonly vacancyIndex = new VacancyPostings();
  private readonly workerIndex = new WorkerPostings();
  private readonly codes: WorkerCodes;
  private readonly vacancyScratch = new VacancyScratch();
  private accV = new Int32Array(0);

  constructor(
    readonly relatedness: Relatedness,
    depths: Partial<ListDepths> = {},
  ) {
    this.depths = { ...DEFAULT_DEPTHS, ...depths };
    const d = this.depths;
    for (const [name, value] of Object.entries(d)) if (!Number.isInteger(value) || value < 1) throw MatchingErrors.invalidOption(name, value);
    if (d.workerServed > d.workerStored || d.vacancyServed > d.vacancyStored) throw MatchingErrors.invalidOption('depths', 'served deeper than stored');
    this.pop = new Population(relatedness.skillCount, relatedness.offsets, relatedness.neighbours);
    this.codes = new WorkerCodes(relatedness.skillCount);
  }

  get workerCount(): number {
    return this.pop.workerCount;
  }

  get vacancyCount(): number {
    return this.pop.vacancyCount;
  }

  // ---- Loading -------------------------------------------------------------------------------

  /** Bulk load or replace workers without recomputing lists (call `rebuild` afterwards). */
  loadWorkers(records: Iterable<WorkerRecord>): void {
    for (const r of records) this.pop.upsertWorker(r);
    this.rebuilt = false;
    this.workerIndex.invalidate();
  }

  /** Bulk load or replace vacancies without recomputing lists (call `rebuild` afterwards). */
  loadVacancies(records: Iterable<VacancyRecord>): void {
    for (const r of records) this.pop.upsertVacancy(r);
    this.rebuilt = false;
    this.vacancyIndex.invalidate();
  }

  /** The arrays the kernels read (no copy). */
  view(): PopulationView {
    return this.pop.view();
  }

  // ---- Full rebuild ----------------------------------------------------------------------------

  /** Recomputes every list on this thread. */
  rebuild(now: Instant): RebuildStats {
    const result = this.scoreChunk({ part: 0, parts: 1 }, now);
    return this.install([result]);
  }

  /** Place-ordered runs of all workers; chunk `part` of `parts` is `planChunks(parts)[part]`. Deterministic for a given population. */
  planChunks(parts: number): WorkerPlan[] {
    if (!Number.isInteger(parts) || parts < 1) throw MatchingErrors.invalidOption('parts', parts);
    const view = this.pop.view();
    const slots: number[] = [];
    for (let w = 0; w < view.workerSlots; w++) if (view.workerIds[w] !== undefined) slots.push(w);
    return splitPlan(planWorkerGroups(view, slots), parts);
  }

  /**
   * Scores one chunk of workers against all vacancies and returns its lists and per-vacancy partial
   * candidate lists, storing nothing. Chunks can run anywhere that holds the same population (threads,
   * or processes that loaded the same snapshot); `install` merges them.
   */
  scoreChunk(chunk: ChunkSpec | WorkerPlan, now: Instant): ChunkResult {
    const plan = 'order' in chunk ? chunk : this.planChunks(chunk.parts)[chunk.part];
    if (!plan) throw MatchingErrors.invalidOption('chunk', JSON.stringify(chunk));
    return scoreWorkerChunk(this.pop.view(), plan, toEpochMs(now), this.depths);
  }

  /**
   * Replaces every list with the results of chunks covering all workers exactly once: worker lists
   * are copied, per-vacancy partial candidate lists are merged.
   */
  install(results: readonly ChunkResult[]): RebuildStats {
    const view = this.pop.view();
    this.ensureListCapacity();
    const WD = this.depths.workerStored;
    const VD = this.depths.vacancyStored;
    this.wLen.fill(0);
    this.vLen.fill(0);
    this.inVacancyLists.reset();
    this.inWorkerLists.reset();
    const seen = new Uint8Array(view.workerSlots);
    const stats: RebuildStats = { chunks: results.length, vacancies: this.pop.vacancyCount, workers: 0, groups: 0, creditedRequirements: 0, candidatesChecked: 0, ms: { prepare: 0, touches: 0, accumulate: 0, collect: 0, finish: 0 } };
    for (const r of results) {
      if (r.depth !== WD || r.candidates.depth !== VD) throw MatchingErrors.invalidOption('chunk depth', r.depth);
      for (let k = 0; k < r.workers.length; k++) {
        const w = r.workers[k];
        if (seen[w]) throw MatchingErrors.invalidOption('chunks', `worker slot ${w} appears twice`);
        seen[w] = 1;
        const n = r.listLength[k];
        this.wVac.set(r.listVacancy.subarray(k * WD, k * WD + n), w * WD);
        this.wNum.set(r.listNumerator.subarray(k * WD, k * WD + n), w * WD);
        this.wKm.set(r.listDistance.subarray(k * WD, k * WD + n), w * WD);
        this.wLen[w] = n;
        this.wComplete[w] = n < WD ? 1 : 0;
        for (let i = 0; i < n; i++) this.inWorkerLists.add(r.listVacancy[k * WD + i], w);
      }
      stats.workers += r.stats.workers;
      stats.groups += r.stats.groups;
      stats.creditedRequirements += r.stats.creditedRequirements;
      stats.candidatesChecked += r.stats.candidatesChecked;
      for (const key of Object.keys(stats.ms) as (keyof ChunkStats['ms'])[]) stats.ms[key] += r.stats.ms[key];
    }
    for (let w = 0; w < view.workerSlots; w++) if (view.workerIds[w] !== undefined && !seen[w]) throw MatchingErrors.invalidOption('chunks', `worker ${view.workerIds[w]} is in no chunk`);
    this.mergeCandidates(results);
    this.rebuilt = true;
    this.vacancyIndex.invalidate();
    this.workerIndex.invalidate();
    return stats;
  }

  /**
   * Builds the inverted indexes events use (skill → requirements, skill → worker skills). Events build
   * them on demand; calling this right after a rebuild keeps that cost out of the first events.
   */
  prepareForEvents(): void {
    const view = this.pop.view();
    this.vacancyIndex.refresh(view);
    this.workerIndex.refresh(view);
  }

  // ---- Queries -------------------------------------------------------------------------------

  /** A worker's ranked vacancies (served depth by default); empty for an unknown id. */
  matchesOf(workerId: string, limit = this.depths.workerServed): MatchEntry[] {
    const w = this.pop.workerSlot(workerId);
    if (w === undefined) return [];
    return this.matchEntries(w, Math.min(limit, this.wLen[w] ?? 0));
  }

  /** A vacancy's ranked consenting candidates (served depth by default); empty for an unknown id. */
  candidatesOf(vacancyId: string, limit = this.depths.vacancyServed): CandidateEntry[] {
    const v = this.pop.vacancySlot(vacancyId);
    if (v === undefined) return [];
    return this.candidateEntries(v, Math.min(limit, this.vLen[v] ?? 0));
  }

  /** The worker as stored (skills deduplicated, highest level kept). */
  workerRecord(workerId: string): WorkerRecord | undefined {
    const w = this.pop.workerSlot(workerId);
    if (w === undefined) return undefined;
    const view = this.pop.view();
    const skills: (readonly [number, number])[] = [];
    for (let i = view.workerSkillStart[w], e = i + view.workerSkillCount[w]; i < e; i++) skills.push([view.workerSkills[i] >> 2, (view.workerSkills[i] & 3) + 1]);
    const f = view.workerFlags[w];
    const coords = (f & WORKER_HAS_COORDS) !== 0;
    return { id: workerId, lat: coords ? view.workerLat[w] : null, lng: coords ? view.workerLng[w] : null, mobilityRadiusKm: view.workerRadius[w], visibleToEmployers: (f & WORKER_CONSENT) !== 0, skills };
  }

  vacancyRecord(vacancyId: string): VacancyRecord | undefined {
    const v = this.pop.vacancySlot(vacancyId);
    if (v === undefined) return undefined;
    const view = this.pop.view();
    const requirements: (readonly [number, Importance, number])[] = [];
    for (let i = view.vacancyReqStart[v], e = i + view.vacancyReqCount[v]; i < e; i++) {
      const p = view.vacancyReqs[i];
      requirements.push([p >> 3, (p & 1) === 1 ? 'essential' : 'optional', ((p >> 1) & 3) + 1]);
    }
    const f = view.vacancyFlags[v];
    const coords = (f & VACANCY_HAS_COORDS) !== 0;
    const expires = view.vacancyExpires[v];
    return { id: vacancyId, lat: coords ? view.vacancyLat[v] : null, lng: coords ? view.vacancyLng[v] : null, remote: (f & VACANCY_REMOTE) !== 0, open: (f & VACANCY_OPEN) !== 0, expiresAt: expires === Infinity ? null : expires, requirements };
  }

  // ---- Events --------------------------------------------------------------------------------

  /** A worker was created or changed: rescore it against all vacancies and update every affected list. */
  upsertWorker(record: WorkerRecord, now: Instant): WorkerEventResult {
    this.requireRebuilt();
    const t = toEpochMs(now);
    const w = this.pop.upsertWorker(record, true);
    this.ensureListCapacity();
    this.workerIndex.markDirty(w);
    const before = this.removeWorkerFromVacancies(w);
    const changed = new Set<number>();
    for (const [v, pos] of before) if (pos < this.depths.vacancyServed) changed.add(v);

    const view = this.pop.view();
    const inserted = this.rescoreWorker(w, t, true);
    const served = this.depths.vacancyServed;
    const entered: string[] = [];
    const after = new Set<number>();
    for (const [v, pos] of inserted) {
      if (pos >= served) continue;
      after.add(v);
      changed.add(v);
      if (!((before.get(v) ?? served) < served)) entered.push(view.vacancyIds[v] as string);
    }
    const left: string[] = [];
    for (const [v, pos] of before) if (pos < served && !after.has(v)) left.push(view.vacancyIds[v] as string);
    this.refillVacancies(before.keys(), t, changed);
    return { workerId: record.id, removed: false, matches: this.matchesOf(record.id), enteredVacancies: entered, leftVacancies: left, changedVacancies: [...changed].map((v) => view.vacancyIds[v] as string) };
  }

  /** A worker was deleted: drop it from every candidate list. Unknown ids are a no-op. */
  removeWorker(workerId: string, now: Instant): WorkerEventResult {
    this.requireRebuilt();
    const w = this.pop.workerSlot(workerId);
    const empty: WorkerEventResult = { workerId, removed: true, matches: [], enteredVacancies: [], leftVacancies: [], changedVacancies: [] };
    if (w === undefined) return empty;
    const before = this.removeWorkerFromVacancies(w);
    this.clearWorkerList(w);
    this.pop.removeWorker(workerId);
    this.workerIndex.markDirty(w);
    const view = this.pop.view();
    const changed = new Set<number>();
    const left: string[] = [];
    for (const [v, pos] of before) {
      if (pos >= this.depths.vacancyServed) continue;
      changed.add(v);
      left.push(view.vacancyIds[v] as string);
    }
    this.refillVacancies(before.keys(), toEpochMs(now), changed);
    return { ...empty, leftVacancies: left, changedVacancies: [...changed].map((v) => view.vacancyIds[v] as string) };
  }

  /** A vacancy was created or changed: rescore it against all workers and update every affected list. */
  upsertVacancy(record: VacancyRecord, now: Instant): VacancyEventResult {
    this.requireRebuilt();
    const t = toEpochMs(now);
    const v = this.pop.upsertVacancy(record, true);
    this.ensureListCapacity();
    this.vacancyIndex.markDirty(v);
    const changed = new Set<number>();
    const before = this.removeVacancyFromWorkers(v, changed);
    const view = this.pop.view();

    // The vacancy's own list, and its pairs offered to every worker's list.
    const VD = this.depths.vacancyStored;
    const heap = new CandidateHeaps(1, VD, view.workerRank);
    this.clearVacancyList(v);
    if (vacancyLive(view, v, t)) {
      this.workerIndex.refresh(view);
      const scratch = this.vacancyScratch;
      scratch.score(view, this.workerIndex, this.codes, v);
      const den = view.vacancyDen[v];
      for (let k = 0; k < scratch.touchedCount; k++) {
        const w = scratch.touched[k];
        const num = scratch.acc[w];
        if (num <= 0 || (view.workerFlags[w] & WORKER_ACTIVE) === 0) continue;
        // Cheap tests first: most pairs can enter neither list, and need no distance.
        const toVacancy = (view.workerFlags[w] & WORKER_CONSENT) !== 0 && !heap.rejects(0, num);
        const toWorker = this.workerListMayTake(w, num, den);
        if (!toVacancy && !toWorker) continue;
        if (!eligible(view, w, v)) continue;
        const km = pairDistance(view, w, v);
        if (toVacancy) heap.offer(0, w, num, km);
        if (toWorker) {
          const pos = this.insertIntoWorker(view, w, v, num, den, km);
          if (pos >= 0 && pos < this.depths.workerServed) changed.add(w);
        }
      }
      heap.sortAll();
      const n = heap.size[0];
      this.vWorker.set(heap.worker.subarray(0, n), v * VD);
      this.vNum.set(heap.num.subarray(0, n), v * VD);
      this.vKm.set(heap.km.subarray(0, n), v * VD);
      this.vLen[v] = n;
      this.vComplete[v] = n < VD ? 1 : 0;
      for (let i = 0; i < n; i++) this.inVacancyLists.add(heap.worker[i], v);
    }
    const rescored = this.refillWorkers(before, t, changed);
    return { vacancyId: record.id, removed: false, candidates: this.candidatesOf(record.id), changedWorkers: [...changed].map((w) => view.workerIds[w] as string), rescoredWorkers: rescored };
  }

  /** A vacancy was deleted (or closed for good): drop it from every worker's list. */
  removeVacancy(vacancyId: string, now: Instant): VacancyEventResult {
    this.requireRebuilt();
    const v = this.pop.vacancySlot(vacancyId);
    const empty: VacancyEventResult = { vacancyId, removed: true, candidates: [], changedWorkers: [], rescoredWorkers: [] };
    if (v === undefined) return empty;
    const changed = new Set<number>();
    const before = this.removeVacancyFromWorkers(v, changed);
    this.clearVacancyList(v);
    this.pop.removeVacancy(vacancyId);
    this.vacancyIndex.markDirty(v);
    const view = this.pop.view();
    const rescored = this.refillWorkers(before, toEpochMs(now), changed);
    return { ...empty, changedWorkers: [...changed].map((w) => view.workerIds[w] as string), rescoredWorkers: rescored };
  }

  // ---- Internals -----------------------------------------------------------------------------

  private requireRebuilt(): void {
    if (!this.rebuilt) throw MatchingErrors.invalidOption('events', 'call rebuild() after loading and before sending events');
  }

  /**
   * False when (num/den) ranks strictly after the last entry of worker w's list and the list cannot
   * take entries past its end (full, or only a prefix of the ranking). Ties still need the distance.
   */
  private workerListMayTake(w: number, num: number, den: number): boolean {
    const n = this.wLen[w];
    if (n === 0 || (n < this.depths.workerStored && this.wComplete[w])) return true;
    const last = w * this.depths.workerStored + n - 1;
    if (num * this.pop.vacancyDen[this.wVac[last]] >= this.wNum[last] * den) return true;
    if (n === this.depths.workerStored) this.wComplete[w] = 0;
    return false;
  }

  private vacancyListMayTake(v: number, num: number): boolean {
    const n = this.vLen[v];
    if (n === 0 || (n < this.depths.vacancyStored && this.vComplete[v])) return true;
    if (num >= this.vNum[v * this.depths.vacancyStored + n - 1]) return true;
    if (n === this.depths.vacancyStored) this.vComplete[v] = 0;
    return false;
  }

  /**
   * Recomputes worker w's list from scratch; with `offerToVacancies` its pairs are also inserted into
   * the vacancies' candidate lists (the worker's own entries must have been removed first) and the
   * positions it took are returned.
   */
  private rescoreWorker(w: number, now: number, offerToVacancies: boolean): Map<number, number> {
    const inserted = new Map<number, number>();
    const view = this.pop.view();
    const WD = this.depths.workerStored;
    this.clearWorkerList(w);
    this.vacancyIndex.refresh(view);
    if (this.accV.length < view.vacancySlots) this.accV = new Int32Array(Math.max(view.vacancySlots, this.accV.length * 2));
    const acc = this.accV;
    scoreWorkerAgainstVacancies(view, this.vacancyIndex, this.codes, w, acc);
    const heap = new MatchHeap(WD, view.vacancyRank);
    const consent = (view.workerFlags[w] & WORKER_CONSENT) !== 0;
    for (let v = 0; v < view.vacancySlots; v++) {
      const num = acc[v];
      if (num <= 0 || !vacancyLive(view, v, now)) continue;
      const den = view.vacancyDen[v];
      const toWorker = !heap.rejects(num, den);
      const toVacancy = offerToVacancies && consent && this.vacancyListMayTake(v, num);
      if (!toWorker && !toVacancy) continue;
      if (!eligible(view, w, v)) continue;
      const km = pairDistance(view, w, v);
      if (toWorker) heap.offer(v, num, den, km);
      if (toVacancy) {
        const pos = this.insertIntoVacancy(view, v, w, num, km);
        if (pos >= 0) inserted.set(v, pos);
      }
    }
    const n = heap.drainSorted(this.wVac, this.wNum, this.wKm, w * WD);
    this.wLen[w] = n;
    this.wComplete[w] = n < WD ? 1 : 0;
    for (let i = 0; i < n; i++) this.inWorkerLists.add(this.wVac[w * WD + i], w);
    return inserted;
  }

  /** Recomputes vacancy v's candidate list from scratch (its pairs in worker lists are unchanged). */
  private rescoreVacancy(v: number, now: number): void {
    const view = this.pop.view();
    const VD = this.depths.vacancyStored;
    this.clearVacancyList(v);
    if (!vacancyLive(view, v, now)) return;
    this.workerIndex.refresh(view);
    const scratch = this.vacancyScratch;
    scratch.score(view, this.workerIndex, this.codes, v);
    const heap = new CandidateHeaps(1, VD, view.workerRank);
    for (let k = 0; k < scratch.touchedCount; k++) {
      const w = scratch.touched[k];
      const num = scratch.acc[w];
      if (num <= 0 || (view.workerFlags[w] & WORKER_ACTIVE) === 0 || (view.workerFlags[w] & WORKER_CONSENT) === 0 || heap.rejects(0, num)) continue;
      if (eligible(view, w, v)) heap.offer(0, w, num, pairDistance(view, w, v));
    }
    heap.sortAll();
    const n = heap.size[0];
    this.vWorker.set(heap.worker.subarray(0, n), v * VD);
    this.vNum.set(heap.num.subarray(0, n), v * VD);
    this.vKm.set(heap.km.subarray(0, n), v * VD);
    this.vLen[v] = n;
    this.vComplete[v] = n < VD ? 1 : 0;
    for (let i = 0; i < n; i++) this.inVacancyLists.add(heap.worker[i], v);
  }

  /** Vacancies that lost entries: an incomplete list below its served length is recomputed. */
  private refillVacancies(vacancies: Iterable<number>, now: number, changed: Set<number>): void {
    for (const v of vacancies) {
      if (this.vComplete[v] || this.vLen[v] >= this.depths.vacancyServed) continue;
      this.rescoreVacancy(v, now);
      changed.add(v);
    }
  }

  private refillWorkers(workers: Iterable<number>, now: number, changed: Set<number>): string[] {
    const view = this.pop.view();
    const rescored: string[] = [];
    for (const w of workers) {
      if (view.workerIds[w] === undefined || this.wComplete[w] || this.wLen[w] >= this.depths.workerServed) continue;
      this.rescoreWorker(w, now, false);
      changed.add(w);
      rescored.push(view.workerIds[w] as string);
    }
    return rescored;
  }

  /** Removes worker w from every candidate list holding it; returns vacancy → the position it held. */
  private removeWorkerFromVacancies(w: number): Map<number, number> {
    const found = new Map<number, number>();
    const VD = this.depths.vacancyStored;
    for (const v of this.inVacancyLists.take(w)) {
      const base = v * VD;
      const n = this.vLen[v];
      for (let i = 0; i < n; i++) {
        if (this.vWorker[base + i] !== w) continue;
        this.vWorker.copyWithin(base + i, base + i + 1, base + n);
        this.vNum.copyWithin(base + i, base + i + 1, base + n);
        this.vKm.copyWithin(base + i, base + i + 1, base + n);
        this.vLen[v] = n - 1;
        found.set(v, i);
        break;
      }
    }
    return found;
  }

  /** Removes vacancy v from every worker list holding it; returns those workers (served changes go to `changed`). */
  private removeVacancyFromWorkers(v: number, changed: Set<number>): number[] {
    const found: number[] = [];
    const WD = this.depths.workerStored;
    for (const w of this.inWorkerLists.take(v)) {
      const base = w * WD;
      const n = this.wLen[w];
      for (let i = 0; i < n; i++) {
        if (this.wVac[base + i] !== v) continue;
        this.wVac.copyWithin(base + i, base + i + 1, base + n);
        this.wNum.copyWithin(base + i, base + i + 1, base + n);
        this.wKm.copyWithin(base + i, base + i + 1, base + n);
        this.wLen[w] = n - 1;
        found.push(w);
        if (i < this.depths.workerServed) changed.add(w);
        break;
      }
    }
    return found;
  }

  /**
   * Inserts (v, num/den, km) into worker w's list where it ranks, if that is inside the known prefix.
   * Returns the position, or −1 when the pair ranks beyond what the list can tell.
   */
  private insertIntoWorker(view: PopulationView, w: number, v: number, num: number, den: number, km: number): number {
    const WD = this.depths.workerStored;
    const base = w * WD;
    const n = this.wLen[w];
    const ids = view.vacancyRank;
    const vDen = view.vacancyDen;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const u = this.wVac[base + mid];
      if (matchRanksBefore(ids, v, num, den, km, u, this.wNum[base + mid], vDen[u], this.wKm[base + mid])) hi = mid;
      else lo = mid + 1;
    }
    if (lo === n && !this.wComplete[w]) return -1;
    if (lo >= WD) {
      this.wComplete[w] = 0;
      return -1;
    }
    if (n === WD) {
      this.inWorkerLists.remove(this.wVac[base + WD - 1], w);
      this.wComplete[w] = 0;
    }
    const last = Math.min(n, WD - 1);
    this.wVac.copyWithin(base + lo + 1, base + lo, base + last);
    this.wNum.copyWithin(base + lo + 1, base + lo, base + last);
    this.wKm.copyWithin(base + lo + 1, base + lo, base + last);
    this.wVac[base + lo] = v;
    this.wNum[base + lo] = num;
    this.wKm[base + lo] = km;
    this.wLen[w] = last + 1;
    this.inWorkerLists.add(v, w);
    return lo;
  }

  private insertIntoVacancy(view: PopulationView, v: number, w: number, num: number, km: number): number {
    const VD = this.depths.vacancyStored;
    const base = v * VD;
    const n = this.vLen[v];
    const ids = view.workerRank;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidateRanksBefore(ids, w, num, km, this.vWorker[base + mid], this.vNum[base + mid], this.vKm[base + mid])) hi = mid;
      else lo = mid + 1;
    }
    if (lo === n && !this.vComplete[v]) return -1;
    if (lo >= VD) {
      this.vComplete[v] = 0;
      return -1;
    }
    if (n === VD) {
      this.inVacancyLists.remove(this.vWorker[base + VD - 1], v);
      this.vComplete[v] = 0;
    }
    const last = Math.min(n, VD - 1);
    this.vWorker.copyWithin(base + lo + 1, base + lo, base + last);
    this.vNum.copyWithin(base + lo + 1, base + lo, base + last);
    this.vKm.copyWithin(base + lo + 1, base + lo, base + last);
    this.vWorker[base + lo] = w;
    this.vNum[base + lo] = num;
    this.vKm[base + lo] = km;
    this.vLen[v] = last + 1;
    this.inVacancyLists.add(w, v);
    return lo;
  }

  private clearWorkerList(w: number): void {
    const WD = this.depths.workerStored;
    for (let i = 0; i < this.wLen[w]; i++) this.inWorkerLists.remove(this.wVac[w * WD + i], w);
    this.wLen[w] = 0;
    this.wComplete[w] = 1;
  }

  private clearVacancyList(v: number): void {
    const VD = this.depths.vacancyStored;
    for (let i = 0; i < this.vLen[v]; i++) this.inVacancyLists.remove(this.vWorker[v * VD + i], v);
    this.vLen[v] = 0;
    this.vComplete[v] = 1;
  }

  /** Merges the chunks' sorted partial candidate lists per vacancy (pairwise two-way merges). */
  private mergeCandidates(results: readonly ChunkResult[]): void {
    const VD = this.depths.vacancyStored;
    const slots = this.pop.vacancySlots;
    const ids = this.pop.view().workerRank;
    const tmpW = new Int32Array(VD);
    const tmpN = new Int32Array(VD);
    const tmpK = new Float64Array(VD);
    for (let v = 0; v < slots; v++) {
      const base = v * VD;
      let n = 0;
      let complete = true;
      for (const r of results) {
        const p = r.candidates;
        const m = v < p.length.length ? p.length[v] : 0;
        if (m === 0) continue;
        if (m >= p.depth) complete = false;
        // Merge list (vWorker[base..base+n)) with p's sorted segment into tmp, keeping at most VD.
        let i = 0;
        let j = 0;
        let k = 0;
        const pb = v * p.depth;
        while (k < VD && (i < n || j < m)) {
          const takeOld = j >= m || (i < n && candidateRanksBefore(ids, this.vWorker[base + i], this.vNum[base + i], this.vKm[base + i], p.worker[pb + j], p.numerator[pb + j], p.distance[pb + j]));
          if (takeOld) {
            tmpW[k] = this.vWorker[base + i];
            tmpN[k] = this.vNum[base + i];
            tmpK[k] = this.vKm[base + i];
            i++;
          } else {
            tmpW[k] = p.worker[pb + j];
            tmpN[k] = p.numerator[pb + j];
            tmpK[k] = p.distance[pb + j];
            j++;
          }
          k++;
        }
        if (i < n || j < m) complete = false;
        this.vWorker.set(tmpW.subarray(0, k), base);
        this.vNum.set(tmpN.subarray(0, k), base);
        this.vKm.set(tmpK.subarray(0, k), base);
        n = k;
      }
      this.vLen[v] = n;
      this.vComplete[v] = complete && n < VD ? 1 : 0;
      for (let i = 0; i < n; i++) this.inVacancyLists.add(this.vWorker[base + i], v);
    }
  }

  private matchEntries(w: number, n: number): MatchEntry[] {
    const view = this.pop.view();
    const base = w * this.depths.workerStored;
    const out: MatchEntry[] = [];
    for (let i = 0; i < n; i++) {
      const v = this.wVac[base + i];
      const num = this.wNum[base + i];
      const den = view.vacancyDen[v];
      out.push({ vacancyId: view.vacancyIds[v] as string, score: roundScore(num, den), numerator: num, denominator: den, distanceKm: this.wKm[base + i] });
    }
    return out;
  }

  private candidateEntries(v: number, n: number): CandidateEntry[] {
    const view = this.pop.view();
    const base = v * this.depths.vacancyStored;
    const den = view.vacancyDen[v];
    const out: CandidateEntry[] = [];
    for (let i = 0; i < n; i++) {
      const num = this.vNum[base + i];
      out.push({ workerId: view.workerIds[this.vWorker[base + i]] as string, score: roundScore(num, den), numerator: num, denominator: den, distanceKm: this.vKm[base + i] });
    }
    return out;
  }

  /** Grows the list arrays to the population's slot counts; new slots start empty and complete. */
  private ensureListCapacity(): void {
    const WD = this.depths.workerStored;
    const VD = this.depths.vacancyStored;
    const ws = this.pop.workerSlots;
    if (this.wLen.length < ws) {
      const cap = Math.max(ws, Math.ceil(this.wLen.length * 1.5));
      this.wVac = growTo(this.wVac, cap * WD);
      this.wNum = growTo(this.wNum, cap * WD);
      this.wKm = growTo(this.wKm, cap * WD);
      this.wLen = growTo(this.wLen, cap);
      const complete = new Uint8Array(cap).fill(1);
      complete.set(this.wComplete);
      this.wComplete = complete;
    }
    const vs = this.pop.vacancySlots;
    if (this.vLen.length < vs) {
      const cap = Math.max(vs, Math.ceil(this.vLen.length * 1.5));
      this.vWorker = growTo(this.vWorker, cap * VD);
      this.vNum = growTo(this.vNum, cap * VD);
      this.vKm = growTo(this.vKm, cap * VD);
      this.vLen = growTo(this.vLen, cap);
      const complete = new Uint8Array(cap).fill(1);
      complete.set(this.vComplete);
      this.vComplete = complete;
    }
  }
}

function growTo<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a.subarray(0, Math.min(a.length, n)) as T);
  return next;
}

/**
 * Reverse index of the stored lists: for each owner slot, the slots whose lists hold it. Lets an
 * event find the lists to update without scanning every list.
 */
class Membership {
  private sets: number[][] = [];

  reset(): void {
    this.sets = [];
  }

  add(owner: number, member: number): void {
    (this.sets[owner] ??= []).push(member);
  }

  remove(owner: number, member: number): void {
    const set = this.sets[owner];
    if (!set) return;
    const i = set.lastIndexOf(member);
    if (i < 0) return;
    set[i] = set[set.length - 1];
    set.pop();
  }

  /** Returns and forgets the owner's members. */
  take(owner: number): number[] {
    const set = this.sets[owner] ?? [];
    this.sets[owner] = [];
    return set;
  }
}

/** Whether vacancy v is within worker w's reach (remote, or within the radius); the chord decides unless at the very edge. */
function eligible(view: PopulationView, w: number, v: number): boolean {
  const vf = view.vacancyFlags[v];
  if ((vf & VACANCY_REMOTE) !== 0) return true;
  if ((view.workerFlags[w] & WORKER_HAS_COORDS) === 0 || (vf & VACANCY_HAS_COORDS) === 0) return false;
  const r = view.workerRadius[w];
  const dx = view.vacancyUnit[v * 3] - view.workerUnit[w * 3];
  const dy = view.vacancyUnit[v * 3 + 1] - view.workerUnit[w * 3 + 1];
  const dz = view.vacancyUnit[v * 3 + 2] - view.workerUnit[w * 3 + 2];
  const c2 = dx * dx + dy * dy + dz * dz;
  const bounds = radiusChordBounds(r);
  if (c2 > bounds.outside) return false;
  if (c2 < bounds.inside) return true;
  return haversineKm(view.workerLat[w], view.workerLng[w], view.vacancyLat[v], view.vacancyLng[v]) <= r;
}
