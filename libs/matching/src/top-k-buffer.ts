import { haversineKm } from './geo';
import { VACANCY_HAS_COORDS, WORKER_HAS_COORDS, type PopulationView } from './population';

/*
 * Lazy top-K for the rebuild. A heap pays a sift and a distance for every pair that beats its current
 * K-th entry; with pairs arriving in random score order that is K·ln(N/K) insertions per list, and in
 * a rebuild most of them are evicted later. Here a pair that reaches the floor is only appended; when
 * a buffer fills it is cut back to its K best (a linear-time selection) and the floor rises to the
 * K-th score. Distances are computed only where they decide something: for pairs tied on score at a
 * cut, and for the K survivors at the end. The result is exactly the top K under the ranking rules.
 */

/** Distance of a pair as the contract defines it (0 when either side lacks coordinates). */
export function pairDistance(view: PopulationView, w: number, v: number): number {
  if ((view.workerFlags[w] & WORKER_HAS_COORDS) === 0 || (view.vacancyFlags[v] & VACANCY_HAS_COORDS) === 0) return 0;
  return haversineKm(view.workerLat[w], view.workerLng[w], view.vacancyLat[v], view.vacancyLng[v]);
}

/** The K-th largest of a[0..n) (1 ≤ K ≤ n), reordering a: quickselect with a median-of-three pivot. */
export function kthLargest(a: Float64Array, n: number, K: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = K - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    // Three-way partition, descending: [lo, lt) > pivot, [lt, gt] = pivot, (gt, hi] < pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const e = a[i];
      if (e > pivot) {
        a[i] = a[lt];
        a[lt++] = e;
        i++;
      } else if (e < pivot) {
        a[i] = a[gt];
        a[gt--] = e;
      } else {
        i++;
      }
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
  return a[target];
}

const BUFFER_BUDGET_BYTES = 96 * 1024 * 1024;

/** Candidates per vacancy slot: slot v owns [v·cap, v·cap + size[v]) of the arrays. */
export class CandidateBuffers {
  readonly cap: number;
  readonly worker: Int32Array;
  readonly num: Int32Array;
  readonly size: Int32Array;
  /** A pair with a smaller numerator cannot enter vacancy v's top K. */
  readonly floor: Int32Array;
  private readonly scratch: Float64Array;
  private readonly km: Float64Array;
  private readonly order: Int32Array;

  constructor(
    private readonly view: PopulationView,
    readonly k: number,
  ) {
    // Slack between K and the capacity is what a cut reclaims: more slack, fewer cuts. Bounded so
    // that the buffers stay within BUFFER_BUDGET_BYTES whatever the number of vacancies.
    const slots = view.vacancySlots;
    this.cap = k + Math.max(32, Math.min(3 * k, Math.floor(BUFFER_BUDGET_BYTES / (8 * Math.max(1, slots)))));
    this.worker = new Int32Array(slots * this.cap);
    this.num = new Int32Array(slots * this.cap);
    this.size = new Int32Array(slots);
    this.floor = new Int32Array(slots);
    this.scratch = new Float64Array(this.cap);
    this.km = new Float64Array(this.cap);
    this.order = new Int32Array(this.cap);
  }

  append(v: number, w: number, num: number): void {
    let n = this.size[v];
    if (n === this.cap) {
      n = this.cut(v);
      if (num < this.floor[v]) return;
    }
    const at = v * this.cap + n;
    this.worker[at] = w;
    this.num[at] = num;
    this.size[v] = n + 1;
    // The first time K candidates are in, the smallest of them is already a valid floor.
    if (n + 1 === this.k && this.floor[v] === 0) {
      let min = num;
      for (let i = v * this.cap, e = i + n; i < e; i++) if (this.num[i] < min) min = this.num[i];
      this.floor[v] = min;
    }
  }

  /** Keeps vacancy v's K best (ties on the K-th numerator broken by distance, then worker id); returns the new size. */
  private cut(v: number): number {
    const base = v * this.cap;
    const n = this.size[v];
    const K = this.k;
    if (n <= K) return n;
    const a = this.scratch;
    for (let i = 0; i < n; i++) a[i] = this.num[base + i];
    const kth = kthLargest(a, n, K);
    let above = 0;
    let tied = 0;
    for (let i = 0; i < n; i++) {
      const x = this.num[base + i];
      if (x > kth) above++;
      else if (x === kth) tied++;
    }
    // Only when ties straddle the cut do distances matter: rank the tied entries and keep the best.
    const keepTied = Math.min(tied, K - above);
    const tiedOrder = keepTied < tied ? this.rankTies(v, base, n, kth) : null;
    let out = 0;
    for (let i = 0; i < n; i++) {
      const x = this.num[base + i];
      if (x > kth || (x === kth && (tiedOrder === null || tiedOrder[i] < keepTied))) {
        this.worker[base + out] = this.worker[base + i];
        this.num[base + out] = x;
        out++;
      }
    }
    this.size[v] = out;
    this.floor[v] = kth;
    return out;
  }

  /** For entries tied at numerator x: their position among the tied by distance then worker rank (others: cap). */
  private rankTies(v: number, base: number, n: number, x: number): Int32Array {
    const ties: number[] = [];
    const km = this.km;
    for (let i = 0; i < n; i++) {
      if (this.num[base + i] !== x) continue;
      ties.push(i);
      km[i] = pairDistance(this.view, this.worker[base + i], v);
    }
    const rank = this.view.workerRank;
    ties.sort((a, b) => km[a] - km[b] || rank[this.worker[base + a]] - rank[this.worker[base + b]]);
    const position = this.order;
    position.fill(this.cap, 0, n);
    ties.forEach((i, p) => (position[i] = p));
    return position;
  }

  /** Cuts every buffer to K and sorts it: best first, with distances. */
  finish(): { length: Int32Array; worker: Int32Array; numerator: Int32Array; distance: Float64Array } {
    const K = this.k;
    const slots = this.size.length;
    const length = new Int32Array(slots);
    const worker = new Int32Array(slots * K);
    const numerator = new Int32Array(slots * K);
    const distance = new Float64Array(slots * K);
    const rank = this.view.workerRank;
    const km = this.km;
    for (let v = 0; v < slots; v++) {
      const n = this.cut(v);
      const base = v * this.cap;
      const idx: number[] = [];
      for (let i = 0; i < n; i++) {
        idx.push(i);
        km[i] = pairDistance(this.view, this.worker[base + i], v);
      }
      idx.sort((a, b) => this.num[base + b] - this.num[base + a] || km[a] - km[b] || rank[this.worker[base + a]] - rank[this.worker[base + b]]);
      for (let j = 0; j < n; j++) {
        const i = idx[j];
        worker[v * K + j] = this.worker[base + i];
        numerator[v * K + j] = this.num[base + i];
        distance[v * K + j] = km[i];
      }
      length[v] = n;
    }
    return { length, worker, numerator, distance };
  }
}

/** One worker's best vacancies (scores are fractions with per-vacancy denominators). */
export class MatchBuffer {
  readonly cap: number;
  readonly vacancy: Int32Array;
  readonly num: Int32Array;
  readonly den: Int32Array;
  size = 0;
  /** The K-th score once known: a pair scoring below floorNum/floorDen cannot enter. */
  floorNum = 0;
  floorDen = 1;
  private worker = -1;
  private readonly scratch: Float64Array;
  private readonly km: Float64Array;

  constructor(
    private readonly view: PopulationView,
    readonly k: number,
  ) {
    // One buffer per group member, reused: generous slack costs little memory and saves cuts.
    this.cap = 4 * k;
    this.vacancy = new Int32Array(this.cap);
    this.num = new Int32Array(this.cap);
    this.den = new Int32Array(this.cap);
    this.scratch = new Float64Array(this.cap);
    this.km = new Float64Array(this.cap);
  }

  reset(worker: number): void {
    this.worker = worker;
    this.size = 0;
    this.floorNum = 0;
    this.floorDen = 1;
  }

  append(v: number, num: number, den: number): void {
    if (this.size === this.cap) {
      this.cut();
      if (num * this.floorDen < this.floorNum * den) return;
    }
    const i = this.size++;
    this.vacancy[i] = v;
    this.num[i] = num;
    this.den[i] = den;
    // The first time K entries are in, the lowest of them is already a valid floor.
    if (this.size === this.k && this.floorNum === 0) {
      let fNum = num;
      let fDen = den;
      for (let j = 0; j < i; j++) {
        if (this.num[j] * fDen < fNum * this.den[j]) {
          fNum = this.num[j];
          fDen = this.den[j];
        }
      }
      this.floorNum = fNum;
      this.floorDen = fDen;
    }
  }

  private cut(): void {
    const n = this.size;
    const K = this.k;
    if (n <= K) return;
    const a = this.scratch;
    // Doubles order distinct fractions of small integers exactly, and equal fractions give equal doubles.
    for (let i = 0; i < n; i++) a[i] = this.num[i] / this.den[i];
    const kth = kthLargest(a, n, K);
    let above = 0;
    let tied = 0;
    for (let i = 0; i < n; i++) {
      const x = this.num[i] / this.den[i];
      if (x > kth) above++;
      else if (x === kth) tied++;
    }
    const keepTied = Math.min(tied, K - above);
    let keep: Set<number> | null = null;
    if (keepTied < tied) {
      const ties: number[] = [];
      const km = this.km;
      for (let i = 0; i < n; i++) {
        if (this.num[i] / this.den[i] !== kth) continue;
        ties.push(i);
        km[i] = pairDistance(this.view, this.worker, this.vacancy[i]);
      }
      const rank = this.view.vacancyRank;
      ties.sort((x, y) => km[x] - km[y] || rank[this.vacancy[x]] - rank[this.vacancy[y]]);
      keep = new Set(ties.slice(0, keepTied));
    }
    let out = 0;
    for (let i = 0; i < n; i++) {
      const x = this.num[i] / this.den[i];
      if (x > kth || (x === kth && (keep === null || keep.has(i)))) {
        if (x === kth) {
          this.floorNum = this.num[i];
          this.floorDen = this.den[i];
        }
        this.vacancy[out] = this.vacancy[i];
        this.num[out] = this.num[i];
        this.den[out] = this.den[i];
        out++;
      }
    }
    this.size = out;
  }

  /** Writes the K best, sorted, with distances, at out[at ..]; returns how many. */
  drain(outVacancy: Int32Array, outNum: Int32Array, outKm: Float64Array, at: number): number {
    this.cut();
    const n = this.size;
    const km = this.km;
    for (let i = 0; i < n; i++) km[i] = pairDistance(this.view, this.worker, this.vacancy[i]);
    // Insertion sort on at most K entries, written straight to the output.
    const rank = this.view.vacancyRank;
    for (let i = 0; i < n; i++) {
      const v = this.vacancy[i];
      const num = this.num[i];
      const den = this.den[i];
      const d = km[i];
      let j = i;
      while (j > 0) {
        const pv = outVacancy[at + j - 1];
        const pn = outNum[at + j - 1];
        const pd = this.view.vacancyDen[pv];
        const diff = num * pd - pn * den;
        const before = diff > 0 || (diff === 0 && (d < outKm[at + j - 1] || (d === outKm[at + j - 1] && rank[v] < rank[pv])));
        if (!before) break;
        outVacancy[at + j] = pv;
        outNum[at + j] = pn;
        outKm[at + j] = outKm[at + j - 1];
        j--;
      }
      outVacancy[at + j] = v;
      outNum[at + j] = num;
      outKm[at + j] = d;
    }
    this.size = 0;
    return n;
  }
}
