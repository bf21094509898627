import { writeUnitVector, hasCoordinates } from './geo';
import { MatchingErrors } from './matching.errors';
import { assertLevel, importanceWeight, FULL_CREDIT } from './scoring';
import { toEpochMs, type VacancyRecord, type WorkerRecord } from './types';

/*
 * Workers and vacancies live in slots (dense integer indexes) of typed arrays; ids stay strings outside.
 * Skills and requirements are packed into one Int32 each and kept in an append-only slab per side:
 *   worker skill   = skill << 2 | (level − 1)
 *   requirement    = skill << 3 | (minLevel − 1) << 1 | (weight − 1)
 * An update appends the new list and abandons the old one; the slab is compacted when half of it is
 * garbage. The low bits of a requirement (its "mw" code, 0..7) index the credit tables directly.
 */

export const WORKER_ACTIVE = 1;
export const WORKER_CONSENT = 2;
export const WORKER_HAS_COORDS = 4;

export const VACANCY_ACTIVE = 1;
export const VACANCY_REMOTE = 2;
export const VACANCY_OPEN = 4;
export const VACANCY_HAS_COORDS = 8;

/** The read-only arrays the scoring kernels work on; also what is shared with worker threads. */
export interface PopulationView {
  skillCount: number;
  relOffsets: Int32Array;
  relNeighbours: Int32Array;

  workerSlots: number;
  workerIds: readonly (string | undefined)[];
  workerFlags: Uint8Array;
  workerLat: Float64Array;
  workerLng: Float64Array;
  workerRadius: Float64Array;
  /** Unit vectors, 3 per slot. */
  workerUnit: Float64Array;
  workerSkillStart: Int32Array;
  workerSkillCount: Int32Array;
  workerSkills: Int32Array;

  /** Position of each worker's id in sorted id order: tie-breaks compare these, never the strings. */
  workerRank: Int32Array;

  vacancySlots: number;
  vacancyIds: readonly (string | undefined)[];
  vacancyRank: Int32Array;
  vacancyFlags: Uint8Array;
  vacancyLat: Float64Array;
  vacancyLng: Float64Array;
  vacancyUnit: Float64Array;
  /** Epoch ms; Infinity when the vacancy does not expire. */
  vacancyExpires: Float64Array;
  vacancyReqStart: Int32Array;
  vacancyReqCount: Int32Array;
  vacancyReqs: Int32Array;
  /** 24·Σ weight: the score denominator. */
  vacancyDen: Int32Array;
}

/** Whether a vacancy slot can be matched at `now`: present, open, not expired and with requirements. */
export function vacancyLive(view: PopulationView, v: number, now: number): boolean {
  const f = view.vacancyFlags[v];
  return (f & VACANCY_ACTIVE) !== 0 && (f & VACANCY_OPEN) !== 0 && now < view.vacancyExpires[v] && view.vacancyDen[v] > 0;
}

class Slab {
  data = new Int32Array(1024);
  used = 0;
  garbage = 0;

  append(values: ArrayLike<number>): number {
    if (this.used + values.length > this.data.length) {
      let cap = this.data.length;
      while (cap < this.used + values.length) cap *= 2;
      const next = new Int32Array(cap);
      next.set(this.data.subarray(0, this.used));
      this.data = next;
    }
    const at = this.used;
    for (let i = 0; i < values.length; i++) this.data[at + i] = values[i];
    this.used += values.length;
    return at;
  }

  /** Rewrites live ranges contiguously; start/count are updated in place. */
  compact(start: Int32Array, count: Int32Array, slots: number): void {
    const next = new Int32Array(Math.max(1024, this.used - this.garbage + 1024));
    let at = 0;
    for (let s = 0; s < slots; s++) {
      const n = count[s];
      next.set(this.data.subarray(start[s], start[s] + n), at);
      start[s] = at;
      at += n;
    }
    this.data = next;
    this.used = at;
    this.garbage = 0;
  }
}

/**
 * Ranks of ids in string order, by slot. Bulk loads mark them stale (one sort later); single events
 * insert or remove one id and shift the ranks after it, which keeps the order of every existing pair.
 */
class IdOrder {
  rank = new Int32Array(16);
  private sorted: string[] = [];
  private stale = true;

  ensureCapacity(n: number): void {
    if (n > this.rank.length) this.rank = grow(this.rank, Math.max(n, this.rank.length * 2));
  }

  added(ids: readonly (string | undefined)[], slot: number, incremental: boolean): void {
    if (this.stale || !incremental) {
      this.stale = true;
      return;
    }
    const id = ids[slot] as string;
    const p = this.lowerBound(id);
    this.sorted.splice(p, 0, id);
    for (let s = 0; s < ids.length; s++) if (this.rank[s] >= p && ids[s] !== undefined) this.rank[s]++;
    this.rank[slot] = p;
  }

  removed(ids: readonly (string | undefined)[], slot: number): void {
    if (this.stale) return;
    const p = this.rank[slot];
    this.sorted.splice(p, 1);
    for (let s = 0; s < ids.length; s++) if (this.rank[s] > p && ids[s] !== undefined) this.rank[s]--;
    this.rank[slot] = -1;
  }

  fresh(ids: readonly (string | undefined)[]): Int32Array {
    if (!this.stale) return this.rank;
    this.sorted = ids.filter((id): id is string => id !== undefined).sort();
    const at = new Map(this.sorted.map((id, i) => [id, i]));
    for (let s = 0; s < ids.length; s++) this.rank[s] = ids[s] === undefined ? -1 : (at.get(ids[s] as string) as number);
    this.stale = false;
    return this.rank;
  }

  private lowerBound(id: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, cap: number): T {
  const next = new (a.constructor as new (n: number) => T)(cap);
  next.set(a);
  return next;
}

/** Mutable store of workers and vacancies by slot. */
export class Population {
  readonly workerIds: (string | undefined)[] = [];
  private readonly workerSlotById = new Map<string, number>();
  private readonly freeWorkerSlots: number[] = [];
  workerFlags = new Uint8Array(16);
  workerLat = new Float64Array(16);
  workerLng = new Float64Array(16);
  workerRadius = new Float64Array(16);
  workerUnit = new Float64Array(48);
  workerSkillStart = new Int32Array(16);
  workerSkillCount = new Int32Array(16);
  private readonly workerSlab = new Slab();
  private readonly workerOrder = new IdOrder();

  readonly vacancyIds: (string | undefined)[] = [];
  private readonly vacancySlotById = new Map<string, number>();
  private readonly freeVacancySlots: number[] = [];
  vacancyFlags = new Uint8Array(16);
  vacancyLat = new Float64Array(16);
  vacancyLng = new Float64Array(16);
  vacancyUnit = new Float64Array(48);
  vacancyExpires = new Float64Array(16);
  vacancyReqStart = new Int32Array(16);
  vacancyReqCount = new Int32Array(16);
  vacancyDen = new Int32Array(16);
  private readonly vacancySlab = new Slab();
  private readonly vacancyOrder = new IdOrder();

  constructor(
    readonly skillCount: number,
    private readonly relOffsets: Int32Array,
    private readonly relNeighbours: Int32Array,
  ) {}

  get workerSlots(): number {
    return this.workerIds.length;
  }

  get vacancySlots(): number {
    return this.vacancyIds.length;
  }

  workerSlot(id: string): number | undefined {
    return this.workerSlotById.get(id);
  }

  vacancySlot(id: string): number | undefined {
    return this.vacancySlotById.get(id);
  }

  get workerCount(): number {
    return this.workerSlotById.size;
  }

  get vacancyCount(): number {
    return this.vacancySlotById.size;
  }

  /**
   * Inserts or replaces a worker; returns its slot. `incremental` keeps the id ranks current (for
   * single events); bulk loads leave them to be recomputed once.
   */
  upsertWorker(r: WorkerRecord, incremental = false): number {
    const packed = this.packSkills(r);
    if (!Number.isFinite(r.mobilityRadiusKm)) throw MatchingErrors.invalidNumber('mobilityRadiusKm', r.mobilityRadiusKm);
    let slot = this.workerSlotById.get(r.id);
    if (slot === undefined) {
      slot = this.freeWorkerSlots.pop() ?? this.workerIds.length;
      if (slot === this.workerIds.length) this.workerIds.push(r.id);
      else this.workerIds[slot] = r.id;
      this.workerSlotById.set(r.id, slot);
      this.ensureWorkerCapacity(slot + 1);
      this.workerOrder.added(this.workerIds, slot, incremental);
    } else {
      this.workerSlab.garbage += this.workerSkillCount[slot];
    }
    const coords = hasCoordinates(r.lat, r.lng);
    this.workerFlags[slot] = WORKER_ACTIVE | (r.visibleToEmployers ? WORKER_CONSENT : 0) | (coords ? WORKER_HAS_COORDS : 0);
    this.workerLat[slot] = coords ? (r.lat as number) : NaN;
    this.workerLng[slot] = coords ? (r.lng as number) : NaN;
    this.workerRadius[slot] = r.mobilityRadiusKm;
    if (coords) writeUnitVector(r.lat as number, r.lng as number, this.workerUnit, slot * 3);
    this.workerSkillStart[slot] = this.workerSlab.append(packed);
    this.workerSkillCount[slot] = packed.length;
    if (this.workerSlab.garbage > 4096 && this.workerSlab.garbage * 2 > this.workerSlab.used) this.workerSlab.compact(this.workerSkillStart, this.workerSkillCount, this.workerSlots);
    return slot;
  }

  /** Frees the worker's slot; returns it, or undefined when the id is unknown. */
  removeWorker(id: string): number | undefined {
    const slot = this.workerSlotById.get(id);
    if (slot === undefined) return undefined;
    this.workerOrder.removed(this.workerIds, slot);
    this.workerSlotById.delete(id);
    this.workerIds[slot] = undefined;
    this.workerFlags[slot] = 0;
    this.workerSlab.garbage += this.workerSkillCount[slot];
    this.workerSkillCount[slot] = 0;
    this.freeWorkerSlots.push(slot);
    return slot;
  }

  upsertVacancy(r: VacancyRecord, incremental = false): number {
    const packed = this.packRequirements(r);
    let slot = this.vacancySlotById.get(r.id);
    if (slot === undefined) {
      slot = this.freeVacancySlots.pop() ?? this.vacancyIds.length;
      if (slot === this.vacancyIds.length) this.vacancyIds.push(r.id);
      else this.vacancyIds[slot] = r.id;
      this.vacancySlotById.set(r.id, slot);
      this.ensureVacancyCapacity(slot + 1);
      this.vacancyOrder.added(this.vacancyIds, slot, incremental);
    } else {
      this.vacancySlab.garbage += this.vacancyReqCount[slot];
    }
    const coords = hasCoordinates(r.lat, r.lng);
    const expires = toEpochMs(r.expiresAt);
    if (Number.isNaN(expires)) throw MatchingErrors.invalidNumber('expiresAt', r.expiresAt);
    this.vacancyFlags[slot] = VACANCY_ACTIVE | (r.remote ? VACANCY_REMOTE : 0) | (r.open ? VACANCY_OPEN : 0) | (coords ? VACANCY_HAS_COORDS : 0);
    this.vacancyLat[slot] = coords ? (r.lat as number) : NaN;
    this.vacancyLng[slot] = coords ? (r.lng as number) : NaN;
    if (coords) writeUnitVector(r.lat as number, r.lng as number, this.vacancyUnit, slot * 3);
    this.vacancyExpires[slot] = expires;
    let weights = 0;
    for (let i = 0; i < packed.length; i++) weights += (packed[i] & 1) + 1;
    this.vacancyDen[slot] = FULL_CREDIT * weights;
    this.vacancyReqStart[slot] = this.vacancySlab.append(packed);
    this.vacancyReqCount[slot] = packed.length;
    if (this.vacancySlab.garbage > 4096 && this.vacancySlab.garbage * 2 > this.vacancySlab.used) this.vacancySlab.compact(this.vacancyReqStart, this.vacancyReqCount, this.vacancySlots);
    return slot;
  }

  removeVacancy(id: string): number | undefined {
    const slot = this.vacancySlotById.get(id);
    if (slot === undefined) return undefined;
    this.vacancyOrder.removed(this.vacancyIds, slot);
    this.vacancySlotById.delete(id);
    this.vacancyIds[slot] = undefined;
    this.vacancyFlags[slot] = 0;
    this.vacancyDen[slot] = 0;
    this.vacancySlab.garbage += this.vacancyReqCount[slot];
    this.vacancyReqCount[slot] = 0;
    this.freeVacancySlots.push(slot);
    return slot;
  }

  view(): PopulationView {
    return {
      skillCount: this.skillCount,
      relOffsets: this.relOffsets,
      relNeighbours: this.relNeighbours,
      workerSlots: this.workerSlots,
      workerIds: this.workerIds,
      workerRank: this.workerOrder.fresh(this.workerIds),
      workerFlags: this.workerFlags,
      workerLat: this.workerLat,
      workerLng: this.workerLng,
      workerRadius: this.workerRadius,
      workerUnit: this.workerUnit,
      workerSkillStart: this.workerSkillStart,
      workerSkillCount: this.workerSkillCount,
      workerSkills: this.workerSlab.data,
      vacancySlots: this.vacancySlots,
      vacancyIds: this.vacancyIds,
      vacancyRank: this.vacancyOrder.fresh(this.vacancyIds),
      vacancyFlags: this.vacancyFlags,
      vacancyLat: this.vacancyLat,
      vacancyLng: this.vacancyLng,
      vacancyUnit: this.vacancyUnit,
      vacancyExpires: this.vacancyExpires,
      vacancyReqStart: this.vacancyReqStart,
      vacancyReqCount: this.vacancyReqCount,
      vacancyReqs: this.vacancySlab.data,
      vacancyDen: this.vacancyDen,
    };
  }

  private packSkills(r: WorkerRecord): Int32Array {
    // Duplicate skills keep the highest level; sorted for deterministic scans.
    const best = new Map<number, number>();
    for (const [skill, level] of r.skills) {
      this.assertSkill(skill);
      assertLevel('level', level);
      best.set(skill, Math.max(best.get(skill) ?? 0, level));
    }
    const skills = [...best.keys()].sort((a, b) => a - b);
    return Int32Array.from(skills, (s) => (s << 2) | ((best.get(s) as number) - 1));
  }

  private packRequirements(r: VacancyRecord): Int32Array {
    return Int32Array.from(r.requirements, ([skill, importance, minLevel]) => {
      this.assertSkill(skill);
      assertLevel('minLevel', minLevel);
      return (skill << 3) | ((minLevel - 1) << 1) | (importanceWeight(importance) - 1);
    });
  }

  private assertSkill(skill: number): void {
    if (!Number.isInteger(skill) || skill < 0 || skill >= this.skillCount) throw MatchingErrors.unknownSkill(skill, this.skillCount);
  }

  private ensureWorkerCapacity(n: number): void {
    if (n <= this.workerFlags.length) return;
    const cap = Math.max(n, this.workerFlags.length * 2);
    this.workerFlags = grow(this.workerFlags, cap);
    this.workerLat = grow(this.workerLat, cap);
    this.workerLng = grow(this.workerLng, cap);
    this.workerRadius = grow(this.workerRadius, cap);
    this.workerUnit = grow(this.workerUnit, cap * 3);
    this.workerSkillStart = grow(this.workerSkillStart, cap);
    this.workerSkillCount = grow(this.workerSkillCount, cap);
    this.workerOrder.ensureCapacity(cap);
  }

  private ensureVacancyCapacity(n: number): void {
    if (n <= this.vacancyFlags.length) return;
    const cap = Math.max(n, this.vacancyFlags.length * 2);
    this.vacancyFlags = grow(this.vacancyFlags, cap);
    this.vacancyLat = grow(this.vacancyLat, cap);
    this.vacancyLng = grow(this.vacancyLng, cap);
    this.vacancyUnit = grow(this.vacancyUnit, cap * 3);
    this.vacancyExpires = grow(this.vacancyExpires, cap);
    this.vacancyReqStart = grow(this.vacancyReqStart, cap);
    this.vacancyReqCount = grow(this.vacancyReqCount, cap);
    this.vacancyDen = grow(this.vacancyDen, cap);
    this.vacancyOrder.ensureCapacity(cap);
  }
}
