import { CREDIT_TABLE, WorkerCodes } from './credit-table';
import { EARTH_RADIUS_KM, haversineKm, radiusChordBounds } from './geo';
import { VACANCY_HAS_COORDS, VACANCY_REMOTE, WORKER_CONSENT, WORKER_HAS_COORDS, vacancyLive, type PopulationView } from './population';
import { CandidateBuffers, MatchBuffer } from './top-k-buffer';

/*
 * Full rebuild of a set of workers against every live vacancy. Exact: every score is an integer
 * numerator over the vacancy's denominator, and the lists are the exact top K.
 *
 * Places. Workers are grouped by home (a k-d split, at most MAX_GROUP per group). For each group the
 * live vacancies in reach of any member get a local order: remote ones first, then by distance from
 * the group's centre in 1 km buckets. A member at distance δ from the centre reaches only vacancies
 * within radius + δ of it (triangle inequality), a prefix of that order; members are sorted by it.
 *
 * Scores. The group's postings (skill → requirements of its local vacancies, in local order) are
 * built once. Each member's credit map (own skills, best related level of every neighbour) gives
 * its touches: the skills it holds or relates to. Touches are grouped by skill, members in reach
 * order, and for every posting of a touched skill every member still in reach adds its credit to a
 * row of numerators per vacancy. Only (member, requirement) pairs with a non-zero credit cost
 * anything; on ESCO that is about a quarter of the requirements in reach.
 *
 * Lists. A pair goes on only if its exact score reaches the member's K-th so far, or (with consent)
 * the vacancy's K-th candidate so far: both are K-th scores of pairs already kept, so never above the
 * final ones, and anything below them can never enter. High scores are taken in a first sweep so
 * that floors start high. Only then is eligibility checked (the chord settles it except in a thin
 * band at the radius, where the haversine does) and the pair appended to a lazy top-K buffer.
 */

export interface RebuildDepths {
  workerStored: number;
  vacancyStored: number;
}

/** Workers in place order, cut into groups: group g is order[groupEnds[g-1] .. groupEnds[g]). */
export interface WorkerPlan {
  order: Int32Array;
  groupEnds: Int32Array;
}

/** Best candidates per vacancy slot from one chunk of workers (slot v owns [v·depth, v·depth + length[v])). */
export interface CandidatePartial {
  depth: number;
  length: Int32Array;
  worker: Int32Array;
  numerator: Int32Array;
  distance: Float64Array;
}

export interface ChunkStats {
  workers: number;
  groups: number;
  /** (worker, requirement) pairs credited: requirements of vacancies in reach whose skill the worker holds or relates to. */
  creditedRequirements: number;
  /** (worker, vacancy) pairs whose exact score reached a K-th floor and were checked for eligibility. */
  candidatesChecked: number;
  /** Milliseconds spent per phase (summed over groups): preparing groups, gathering touches, accumulating, collecting, finishing lists. */
  ms: { prepare: number; touches: number; accumulate: number; collect: number; finish: number };
}

/** Everything a chunk produced; plain typed arrays so it can cross a thread boundary by transfer. */
export interface ChunkResult {
  workers: Int32Array;
  depth: number;
  /** Chunk worker k owns [k·depth, k·depth + listLength[k]) of the list arrays, best first. */
  listLength: Int32Array;
  listVacancy: Int32Array;
  listNumerator: Int32Array;
  listDistance: Float64Array;
  candidates: CandidatePartial;
  stats: ChunkStats;
}

/** Workers per group; the accumulator holds one row of MAX_GROUP numerators per vacancy. */
const GROUP_SHIFT = 7;
const MAX_GROUP = 1 << GROUP_SHIFT;
const MIN_GROUP_SPAN_KM = 2;
const MAX_GROUP_SPAN_KM = 24;
const MIN_GROUP_FOR_SPAN_SPLIT = 8;
const RAD = Math.PI / 180;
/** Scores at or above this share of the maximum are collected in a first sweep, to raise floors early. */
const HIGH_SHARE = 0.5;

/**
 * Orders workers by place: a k-d tree on an equirectangular projection, split at the midpoint of the
 * longer side until a leaf is small in count or in extent. Leaves are the groups. Workers without
 * coordinates form the last group. The plan only affects speed, never results.
 */
export function planWorkerGroups(view: PopulationView, slots: ArrayLike<number>): WorkerPlan {
  const withCoords: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < slots.length; i++) ((view.workerFlags[slots[i]] & WORKER_HAS_COORDS) !== 0 ? withCoords : without).push(slots[i]);
  const order = new Int32Array(slots.length);
  const n = withCoords.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = withCoords[i];
    order[i] = w;
    px[i] = view.workerLng[w] * 111.32 * Math.cos(view.workerLat[w] * RAD);
    py[i] = view.workerLat[w] * 110.574;
  }
  const ends: number[] = [];
  const swap = (a: number, b: number) => {
    const o = order[a];
    order[a] = order[b];
    order[b] = o;
    const x = px[a];
    px[a] = px[b];
    px[b] = x;
    const y = py[a];
    py[a] = py[b];
    py[b] = y;
  };
  // Depth-first with an explicit stack so leaves come out in place order.
  const stack: number[] = n > 0 ? [0, n] : [];
  while (stack.length > 0) {
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = lo; i < hi; i++) {
      if (px[i] < minX) minX = px[i];
      if (px[i] > maxX) maxX = px[i];
      if (py[i] < minY) minY = py[i];
      if (py[i] > maxY) maxY = py[i];
    }
    const span = Math.max(maxX - minX, maxY - minY);
    const count = hi - lo;
    const split = span > MIN_GROUP_SPAN_KM && (count > MAX_GROUP || (span > MAX_GROUP_SPAN_KM && count > MIN_GROUP_FOR_SPAN_SPLIT));
    if (!split) {
      // Workers at (nearly) one place can outnumber a group: cut them into runs of MAX_GROUP.
      for (let cut = lo + MAX_GROUP; cut < hi; cut += MAX_GROUP) ends.push(cut);
      ends.push(hi);
      continue;
    }
    const onX = maxX - minX >= maxY - minY;
    const mid = onX ? (minX + maxX) / 2 : (minY + maxY) / 2;
    const key = onX ? px : py;
    let i = lo;
    let j = hi - 1;
    while (i <= j) {
      if (key[i] < mid) i++;
      else swap(i, j--);
    }
    // Push the upper half first so the lower half is processed (and emitted) first.
    stack.push(i, hi, lo, i);
  }
  for (let i = 0; i < without.length; i++) order[n + i] = without[i];
  if (without.length > 0) ends.push(slots.length);
  return { order, groupEnds: Int32Array.from(ends) };
}

/** Splits a plan into `parts` runs of whole groups with about the same number of workers. */
export function splitPlan(plan: WorkerPlan, parts: number): WorkerPlan[] {
  const total = plan.order.length;
  const groups = plan.groupEnds.length;
  const out: WorkerPlan[] = [];
  let g = 0;
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const target = Math.round(((p + 1) * total) / parts);
    const ends: number[] = [];
    while (g < groups && (p === parts - 1 || ends.length === 0 || plan.groupEnds[g] <= target)) ends.push(plan.groupEnds[g++] - start);
    const end = ends.length > 0 ? start + ends[ends.length - 1] : start;
    out.push({ order: plan.order.slice(start, end), groupEnds: Int32Array.from(ends) });
    start = end;
  }
  return out;
}

/** Scores one plan of workers against all live vacancies; nothing is stored, everything is returned. */
export function scoreWorkerChunk(view: PopulationView, plan: WorkerPlan, now: number, depths: RebuildDepths): ChunkResult {
  return new ChunkScorer(view, now, depths).run(plan);
}

class ChunkScorer {
  private readonly remote: number[] = [];
  private readonly located: number[] = [];
  private readonly nRemote: number;
  private readonly codes: WorkerCodes;
  /** Numerators of the group: acc[local · MAX_GROUP + k] for member k. */
  private readonly acc: Int32Array;
  /** Vacancy slot and score denominator by local index (remote vacancies first, then by distance). */
  private readonly localSlot: Int32Array;
  private readonly localDen: Int32Array;
  private readonly groupOff: Int32Array;
  private groupPost: Int32Array = new Int32Array(1 << 16);
  private readonly touchOff: Int32Array;
  private touchVal: Int32Array = new Int32Array(1 << 16);
  private rawSkill: Int32Array = new Int32Array(1 << 16);
  private rawVal: Int32Array = new Int32Array(1 << 16);
  private readonly touchSkill: Int32Array;
  private readonly members = new GroupMembers(MAX_GROUP);
  /** The place the local order and postings were last prepared for. */
  private prepared: { lat: number; lng: number; reach: number; bucketEnd: Int32Array; nLocal: number } | null = null;
  private readonly buffers: MatchBuffer[] = [];
  private readonly candidates: CandidateBuffers;
  private readonly stats: ChunkStats = { workers: 0, groups: 0, creditedRequirements: 0, candidatesChecked: 0, ms: { prepare: 0, touches: 0, accumulate: 0, collect: 0, finish: 0 } };

  constructor(
    private readonly view: PopulationView,
    now: number,
    private readonly depths: RebuildDepths,
  ) {
    for (let v = 0; v < view.vacancySlots; v++) {
      if (!vacancyLive(view, v, now)) continue;
      if ((view.vacancyFlags[v] & VACANCY_REMOTE) !== 0) this.remote.push(v);
      else if ((view.vacancyFlags[v] & VACANCY_HAS_COORDS) !== 0) this.located.push(v);
    }
    this.nRemote = this.remote.length;
    const maxLocal = this.nRemote + this.located.length;
    if (maxLocal >= 1 << 20) throw new RangeError('more than 2^20 live vacancies: postings would overflow');
    this.acc = new Int32Array(maxLocal * MAX_GROUP);
    this.localSlot = new Int32Array(maxLocal);
    this.localDen = new Int32Array(maxLocal);
    for (let i = 0; i < this.nRemote; i++) this.localSlot[i] = this.remote[i];
    this.groupOff = new Int32Array(view.skillCount + 1);
    this.touchOff = new Int32Array(view.skillCount + 1);
    this.touchSkill = new Int32Array(view.skillCount);
    this.codes = new WorkerCodes(view.skillCount);
    for (let k = 0; k < MAX_GROUP; k++) this.buffers.push(new MatchBuffer(view, depths.workerStored));
    this.candidates = new CandidateBuffers(view, depths.vacancyStored);
  }

  run(plan: WorkerPlan): ChunkResult {
    const D = this.depths.workerStored;
    const n = plan.order.length;
    const out: GroupOutput = { length: new Int32Array(n), vacancy: new Int32Array(n * D), numerator: new Int32Array(n * D), distance: new Float64Array(n * D) };
    let start = 0;
    for (let g = 0; g < plan.groupEnds.length; g++) {
      const end = plan.groupEnds[g];
      if (end - start > MAX_GROUP) throw new RangeError(`group of ${end - start} workers exceeds ${MAX_GROUP}`);
      this.scoreGroup(plan.order, start, end, out);
      start = end;
      this.stats.groups++;
    }
    this.stats.workers = n;
    // Cut and sorted here so that threads share the work; the merge then only interleaves sorted lists.
    const t0 = performance.now();
    const c = this.candidates.finish();
    this.stats.ms.finish += performance.now() - t0;
    return {
      workers: plan.order,
      depth: D,
      listLength: out.length,
      listVacancy: out.vacancy,
      listNumerator: out.numerator,
      listDistance: out.distance,
      candidates: { depth: this.depths.vacancyStored, length: c.length, worker: c.worker, numerator: c.numerator, distance: c.distance },
      stats: this.stats,
    };
  }

  private preparePostings(nLocal: number): void {
    const view = this.view;
    fillDenominators(view.vacancyDen, this.localSlot, this.localDen, nLocal);
    const total = countPostings(view, this.localSlot, nLocal, this.groupOff);
    if (this.groupPost.length < total) this.groupPost = new Int32Array(Math.max(total, this.groupPost.length * 2));
    fillPostings(view, this.localSlot, nLocal, this.groupOff, this.groupPost);
  }

  private scoreGroup(order: Int32Array, start: number, end: number, out: GroupOutput): void {
    const ms = this.stats.ms;
    const t0 = performance.now();
    const view = this.view;
    const placed = (view.workerFlags[order[start]] & WORKER_HAS_COORDS) !== 0;
    const nR = this.nRemote;
    // 1 km buckets of located vacancies by distance from the centre: bucketEnd[b] = local index after bucket b.
    let centre: Centre | null = null;
    if (placed) {
      centre = groupCentre(view, order, start, end);
      const prepared = this.prepared;
      // Crowds at one place fill several groups in a row: reuse the local order and postings.
      if (!(prepared && prepared.lat === centre.lat && prepared.lng === centre.lng && prepared.reach >= centre.reach)) {
        const reachKm = centre.reach * (1 + 1e-9) + 1e-6;
        const bucketEnd = new Int32Array(Math.floor(reachKm) + 1);
        const nLocal = nR + orderByDistance(view, this.located, centre.unit, reachKm, this.localSlot, nR, bucketEnd);
        this.preparePostings(nLocal);
        this.prepared = { lat: centre.lat, lng: centre.lng, reach: centre.reach, bucketEnd, nLocal };
      }
    } else {
      this.preparePostings(nR);
      this.prepared = null;
    }
    const bucketEnd = this.prepared?.bucketEnd ?? new Int32Array(0);
    const nLocal = this.prepared?.nLocal ?? nR;

    // Members sorted by reach (local limit) descending, so inner loops can stop at the first member out of reach.
    const m = this.members;
    m.load(view, order, start, end, centre, bucketEnd, nLocal, nR);
    const t1 = performance.now();
    const touches = this.buildTouches(m);
    const t2 = performance.now();
    this.stats.creditedRequirements += accumulateBlock(this.groupOff, this.groupPost, this.touchOff, this.touchVal, this.touchSkill, touches, this.acc, CREDIT_TABLE, GROUP_SHIFT);
    const t3 = performance.now();
    this.collect(m);
    const D = this.depths.workerStored;
    for (let k = 0; k < m.count; k++) {
      const pos = m.position[k];
      out.length[pos] = this.buffers[k].drain(out.vacancy, out.numerator, out.distance, pos * D);
    }
    const t4 = performance.now();
    ms.prepare += t1 - t0;
    ms.touches += t2 - t1;
    ms.accumulate += t3 - t2;
    ms.collect += t4 - t3;
  }

  /**
   * For every skill with postings in the group, the members touching it (own or related skill) with
   * their credit code, in member order: touchVal = limit << 11 | member << 4 | code, grouped by skill
   * (touchOff), and touchSkill lists the skills that have any. Returns how many skills that is.
   */
  private buildTouches(m: GroupMembers): number {
    const view = this.view;
    const codes = this.codes;
    const off = this.groupOff;
    const tOff = this.touchOff;
    tOff.fill(0);
    // Each member's touches, appended in member order as (skill, value); then counting-sorted by skill.
    let n = 0;
    for (let k = 0; k < m.count; k++) {
      const nt = codes.load(view, m.slot[k]);
      if (this.rawSkill.length < n + nt) {
        this.rawSkill = growInt32(this.rawSkill, n + nt);
        this.rawVal = growInt32(this.rawVal, n + nt);
      }
      n = appendTouches(codes.code, codes.touched, nt, off, tOff, this.rawSkill, this.rawVal, n, (m.limit[k] << 11) | (k << 4));
      codes.clear();
    }
    if (this.touchVal.length < n) this.touchVal = new Int32Array(Math.max(n, this.touchVal.length * 2));
    const distinct = prefixSkills(tOff, this.touchSkill);
    scatterTouches(this.rawSkill, this.rawVal, n, tOff, this.touchVal);
    return distinct;
  }

  /**
   * Turns the accumulated numerators into top-K candidates, vacancy by vacancy, and clears them. A pair
   * goes on only if it reaches the member's floor or (with consent) the vacancy's floor and is eligible.
   */
  private collect(m: GroupMembers): void {
    const view = this.view;
    const acc = this.acc;
    const localSlot = this.localSlot;
    const localDen = this.localDen;
    const buffers = this.buffers;
    const candidates = this.candidates;
    const vFloor = candidates.floor;
    const vUnit = view.vacancyUnit;
    const vLat = view.vacancyLat;
    const vLng = view.vacancyLng;
    const nR = this.nRemote;
    const G = MAX_GROUP;
    const n = m.count;
    const limit = m.limit;
    const floorNum = m.floorNum;
    const floorDen = m.floorDen;
    const consent = m.consent;
    const wx = m.x;
    const wy = m.y;
    const wz = m.z;
    const wLat = m.lat;
    const wLng = m.lng;
    const radius = m.radius;
    const inside = m.inside;
    const outside = m.outside;
    const slot = m.slot;
    for (let k = 0; k < n; k++) {
      buffers[k].reset(slot[k]);
      floorNum[k] = 0;
      floorDen[k] = 1;
    }
    let checked = 0;
    const maxLimit = n > 0 ? limit[0] : 0;
    // Two sweeps: first the pairs scoring at least HIGH_SHARE, so the floors start high; then the rest.
    for (let sweep = 0; sweep < 2; sweep++) {
      const high = sweep === 0;
      for (let i = 0; i < maxLimit; i++) {
        const v = localSlot[i];
        const d = localDen[i];
        const base = i * G;
        const located = i >= nR;
        const highNum = HIGH_SHARE * d;
        for (let k = 0; k < n; k++) {
          if (limit[k] <= i) break;
          const num = acc[base + k];
          if (num === 0 || (high && num < highNum)) continue;
          acc[base + k] = 0;
          const toWorker = num * floorDen[k] >= floorNum[k] * d;
          const toVacancy = consent[k] === 1 && num >= vFloor[v];
          if (!toWorker && !toVacancy) continue;
          checked++;
          if (located) {
            const dx = vUnit[v * 3] - wx[k];
            const dy = vUnit[v * 3 + 1] - wy[k];
            const dz = vUnit[v * 3 + 2] - wz[k];
            const c2 = dx * dx + dy * dy + dz * dz;
            // The chord settles eligibility except in a hair-thin band at the radius, where the haversine decides.
            if (c2 > outside[k]) continue;
            if (c2 >= inside[k] && !(haversineKm(wLat[k], wLng[k], vLat[v], vLng[v]) <= radius[k])) continue;
          }
          if (toWorker) {
            const b = buffers[k];
            b.append(v, num, d);
            floorNum[k] = b.floorNum;
            floorDen[k] = b.floorDen;
          }
          if (toVacancy) candidates.append(v, slot[k], num);
        }
      }
    }
    this.stats.candidatesChecked += checked;
  }
}

interface GroupOutput {
  length: Int32Array;
  vacancy: Int32Array;
  numerator: Int32Array;
  distance: Float64Array;
}

/** The members of one group, sorted by reach descending, with what the hot loops read about them. */
class GroupMembers {
  count = 0;
  readonly slot: Int32Array;
  /** Position of the member in the chunk's worker order (where its list goes). */
  readonly position: Int32Array;
  /** Local indexes below limit are within the member's reach (a superset of its eligible vacancies). */
  readonly limit: Int32Array;
  readonly consent: Uint8Array;
  readonly hasCoords: Uint8Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly radius: Float64Array;
  readonly inside: Float64Array;
  readonly outside: Float64Array;
  /** The member's floor score (0 until its buffer first fills). */
  readonly floorNum: Int32Array;
  readonly floorDen: Int32Array;

  constructor(capacity: number) {
    this.slot = new Int32Array(capacity);
    this.position = new Int32Array(capacity);
    this.limit = new Int32Array(capacity);
    this.consent = new Uint8Array(capacity);
    this.hasCoords = new Uint8Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.lng = new Float64Array(capacity);
    this.radius = new Float64Array(capacity);
    this.inside = new Float64Array(capacity);
    this.outside = new Float64Array(capacity);
    this.floorNum = new Int32Array(capacity);
    this.floorDen = new Int32Array(capacity);
  }

  load(view: PopulationView, order: Int32Array, start: number, end: number, centre: Centre | null, bucketEnd: Int32Array, nLocal: number, nRemote: number): void {
    const rows: { w: number; pos: number; limit: number }[] = [];
    for (let pos = start; pos < end; pos++) {
      const w = order[pos];
      let limit = nRemote;
      const radius = view.workerRadius[w];
      if (centre && radius >= 0) {
        const delta = haversineKm(view.workerLat[w], view.workerLng[w], centre.lat, centre.lng);
        const b = Math.floor((radius + delta) * (1 + 1e-9) + 1e-6);
        limit = b < bucketEnd.length ? bucketEnd[b] : nLocal;
      }
      rows.push({ w, pos, limit });
    }
    rows.sort((a, b) => b.limit - a.limit || a.pos - b.pos);
    this.count = rows.length;
    rows.forEach((r, k) => {
      const w = r.w;
      this.slot[k] = w;
      this.position[k] = r.pos;
      this.limit[k] = r.limit;
      this.consent[k] = (view.workerFlags[w] & WORKER_CONSENT) !== 0 ? 1 : 0;
      this.hasCoords[k] = (view.workerFlags[w] & WORKER_HAS_COORDS) !== 0 ? 1 : 0;
      this.x[k] = view.workerUnit[w * 3];
      this.y[k] = view.workerUnit[w * 3 + 1];
      this.z[k] = view.workerUnit[w * 3 + 2];
      this.lat[k] = view.workerLat[w];
      this.lng[k] = view.workerLng[w];
      this.radius[k] = view.workerRadius[w];
      const bounds = radiusChordBounds(view.workerRadius[w]);
      this.inside[k] = bounds.inside;
      this.outside[k] = bounds.outside;
    });
  }

}

/** Appends one member's touches of skills that have group postings; counts them per skill in tOff[s + 1]. */
function appendTouches(code: Int8Array, touched: Int32Array, nt: number, off: Int32Array, tOff: Int32Array, rawSkill: Int32Array, rawVal: Int32Array, at: number, head: number): number {
  let n = at;
  for (let i = 0; i < nt; i++) {
    const t = touched[i];
    if (off[t + 1] > off[t]) {
      tOff[t + 1]++;
      rawSkill[n] = t;
      rawVal[n++] = head | code[t];
    }
  }
  return n;
}

/** Prefix sums of the per-skill counts; lists the skills with any count. Returns how many. */
function prefixSkills(tOff: Int32Array, skillsOut: Int32Array): number {
  const skills = tOff.length - 1;
  let distinct = 0;
  for (let s = 0; s < skills; s++) {
    if (tOff[s + 1] > 0) skillsOut[distinct++] = s;
    tOff[s + 1] += tOff[s];
  }
  return distinct;
}

/** Stable counting-sort scatter (members stay in reach order within a skill); tOff is used as cursor and restored. */
function scatterTouches(rawSkill: Int32Array, rawVal: Int32Array, n: number, tOff: Int32Array, out: Int32Array): void {
  const skills = tOff.length - 1;
  for (let i = 0; i < n; i++) out[tOff[rawSkill[i]]++] = rawVal[i];
  for (let s = skills; s > 0; s--) tOff[s] = tOff[s - 1];
  tOff[0] = 0;
}

function growInt32(a: Int32Array, n: number): Int32Array {
  const next = new Int32Array(Math.max(n, a.length * 2));
  next.set(a);
  return next;
}

/**
 * The hot loop: for every skill touched in the group, every posting (a requirement of a vacancy in
 * reach) times every member touching the skill. Members are in reach order, so the inner loop stops
 * at the first member whose reach ends before the vacancy. Returns the (member, posting) pairs visited.
 */
function accumulateBlock(off: Int32Array, post: Int32Array, tOff: Int32Array, tVal: Int32Array, touchSkill: Int32Array, skills: number, acc: Int32Array, table: Int32Array, shift: number): number {
  let visited = 0;
  for (let q = 0; q < skills; q++) {
    const s = touchSkill[q];
    const t0 = tOff[s];
    // Postings come in increasing local order and members in decreasing reach, so the members still
    // in reach of a posting are a prefix [t0, tEnd) that only shrinks along the postings.
    let tEnd = tOff[s + 1];
    for (let j = off[s], je = off[s + 1]; j < je; j++) {
      const p = post[j];
      const local = p >> 3;
      while (tEnd > t0 && tVal[tEnd - 1] >> 11 <= local) tEnd--;
      if (tEnd === t0) break;
      const mw = p & 7;
      const base = local << shift;
      for (let t = t0; t < tEnd; t++) {
        const tv = tVal[t];
        acc[base + ((tv >> 4) & 127)] += table[((tv & 15) << 3) | mw];
      }
      visited += tEnd - t0;
    }
  }
  return visited;
}

/*
 * Group preparation, in small functions: V8 optimises these reliably, where one long method with
 * several hot loops kept being deoptimised and re-optimised on stack replacement.
 */

interface Centre {
  unit: Float64Array;
  lat: number;
  lng: number;
  /** max over members of radius + distance to the centre (km). */
  reach: number;
}

function groupCentre(view: PopulationView, order: Int32Array, start: number, end: number): Centre {
  const wUnit = view.workerUnit;
  let sx = 0;
  let sy = 0;
  let sz = 0;
  for (let k = start; k < end; k++) {
    const w = order[k];
    sx += wUnit[w * 3];
    sy += wUnit[w * 3 + 1];
    sz += wUnit[w * 3 + 2];
  }
  const norm = Math.hypot(sx, sy, sz) || 1;
  const unit = Float64Array.of(sx / norm, sy / norm, sz / norm);
  const lat = Math.asin(Math.max(-1, Math.min(1, unit[2]))) / RAD;
  const lng = Math.atan2(unit[1], unit[0]) / RAD;
  let reach = 0;
  for (let k = start; k < end; k++) {
    const w = order[k];
    const r = view.workerRadius[w];
    if (r >= 0) reach = Math.max(reach, r + haversineKm(view.workerLat[w], view.workerLng[w], lat, lng));
  }
  return { unit, lat, lng, reach };
}

/**
 * Writes the located vacancies within reachKm of the centre to out[at ..], ordered by 1 km buckets of
 * distance, and fills bucketEnd; returns how many were written. R·chord never exceeds the great-circle
 * distance, so bucketing by it keeps every reachable vacancy inside the prefix a member computes.
 */
function orderByDistance(view: PopulationView, located: readonly number[], centre: Float64Array, reachKm: number, out: Int32Array, at: number, bucketEnd: Int32Array): number {
  const vUnit = view.vacancyUnit;
  const cx = centre[0];
  const cy = centre[1];
  const cz = centre[2];
  const buckets = bucketEnd.length;
  const counts = new Int32Array(buckets + 1);
  const picked = new Int32Array(located.length);
  const pickedBucket = new Int32Array(located.length);
  let n = 0;
  for (let i = 0; i < located.length; i++) {
    const v = located[i];
    const dx = vUnit[v * 3] - cx;
    const dy = vUnit[v * 3 + 1] - cy;
    const dz = vUnit[v * 3 + 2] - cz;
    const km = EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (km > reachKm) continue;
    const b = Math.floor(km);
    picked[n] = v;
    pickedBucket[n++] = b;
    counts[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
  for (let b = 0; b < buckets; b++) bucketEnd[b] = at + counts[b + 1];
  for (let i = 0; i < n; i++) out[at + counts[pickedBucket[i]]++] = picked[i];
  return n;
}

function fillDenominators(den: Int32Array, slot: Int32Array, out: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = den[slot[i]];
}

/** off[s + 1] = number of postings of skill s, then prefix sums; returns the total. */
function countPostings(view: PopulationView, slot: Int32Array, n: number, off: Int32Array): number {
  const reqs = view.vacancyReqs;
  const reqStart = view.vacancyReqStart;
  const reqCount = view.vacancyReqCount;
  const skills = off.length - 1;
  off.fill(0);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const v = slot[k];
    const s0 = reqStart[v];
    const s1 = s0 + reqCount[v];
    for (let i = s0; i < s1; i++) off[(reqs[i] >> 3) + 1]++;
    total += s1 - s0;
  }
  for (let s = 0; s < skills; s++) off[s + 1] += off[s];
  return total;
}

/** Postings (local << 3 | mw) in local order within each skill; off[s] is used as the cursor and restored. */
function fillPostings(view: PopulationView, slot: Int32Array, n: number, off: Int32Array, post: Int32Array): void {
  const skills = off.length - 1;
  const reqs = view.vacancyReqs;
  const reqStart = view.vacancyReqStart;
  const reqCount = view.vacancyReqCount;
  for (let k = 0; k < n; k++) {
    const v = slot[k];
    const local = k << 3;
    const s0 = reqStart[v];
    const s1 = s0 + reqCount[v];
    for (let i = s0; i < s1; i++) {
      const p = reqs[i];
      post[off[p >> 3]++] = local | (p & 7);
    }
  }
  for (let s = skills; s > 0; s--) off[s] = off[s - 1];
  off[0] = 0;
}

/** The hot loop: for each touched skill, its postings up to the worker's reach. Returns postings visited. */
function accumulatePostings(code: Int8Array, touched: Int32Array, nt: number, off: Int32Array, post: Int32Array, limit: number, acc: Int32Array, table: Int32Array): number {
  let visited = 0;
  for (let i = 0; i < nt; i++) {
    const t = touched[i];
    const row = code[t] << 3;
    const j0 = off[t];
    const j1 = off[t + 1];
    let j = j0;
    for (; j < j1; j++) {
      const p = post[j];
      const local = p >> 3;
      if (local >= limit) break;
      acc[local] += table[row | (p & 7)];
    }
    visited += j - j0;
  }
  return visited;
}
