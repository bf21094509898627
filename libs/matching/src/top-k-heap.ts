/*
 * Bounded heaps over typed arrays. The root is the entry that ranks last, so a full heap rejects a
 * newcomer with one comparison against the root. Ranking rules (the scoring contract):
 *   a worker's list:    score desc, distance asc, vacancy id asc
 *   a vacancy's list:   score desc, distance asc, worker id asc
 * Scores are compared exactly, as fractions, by cross-multiplication.
 */

/*
 * Id order is compared through `rank` arrays (rank[slot] = position of the id in sorted order, see
 * Population) so that ties never touch the strings themselves.
 */

/** True when vacancy entry 1 ranks before entry 2 in a worker's list. */
export function matchRanksBefore(rank: Int32Array, v1: number, n1: number, d1: number, km1: number, v2: number, n2: number, d2: number, km2: number): boolean {
  const a = n1 * d2;
  const b = n2 * d1;
  if (a !== b) return a > b;
  if (km1 !== km2) return km1 < km2;
  return rank[v1] < rank[v2];
}

/** True when candidate 1 ranks before candidate 2 for the same vacancy (same denominator). */
export function candidateRanksBefore(rank: Int32Array, w1: number, n1: number, km1: number, w2: number, n2: number, km2: number): boolean {
  if (n1 !== n2) return n1 > n2;
  if (km1 !== km2) return km1 < km2;
  return rank[w1] < rank[w2];
}

/** Top-K vacancies of one worker. */
export class MatchHeap {
  readonly vacancy: Int32Array;
  readonly num: Int32Array;
  readonly den: Int32Array;
  readonly km: Float64Array;
  size = 0;

  constructor(
    readonly capacity: number,
    private readonly vacancyRank: Int32Array,
  ) {
    this.vacancy = new Int32Array(capacity);
    this.num = new Int32Array(capacity);
    this.den = new Int32Array(capacity);
    this.km = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** True when a score num/den cannot enter whatever its distance (strictly below the root). */
  rejects(num: number, den: number): boolean {
    return this.size === this.capacity && num * this.den[0] < this.num[0] * den;
  }

  offer(v: number, num: number, den: number, km: number): void {
    const ids = this.vacancyRank;
    if (this.size < this.capacity) {
      let i = this.size++;
      // Sift up: parents rank after their children.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!matchRanksBefore(ids, this.vacancy[p], this.num[p], this.den[p], this.km[p], v, num, den, km)) break;
        this.set(i, this.vacancy[p], this.num[p], this.den[p], this.km[p]);
        i = p;
      }
      this.set(i, v, num, den, km);
      return;
    }
    if (this.capacity === 0 || !matchRanksBefore(ids, v, num, den, km, this.vacancy[0], this.num[0], this.den[0], this.km[0])) return;
    this.siftDown(0, this.size, v, num, den, km);
  }

  /** Writes the entries best first into the output arrays at `at` and empties the heap; returns the count. */
  drainSorted(outVacancy: Int32Array, outNum: Int32Array, outKm: Float64Array, at: number): number {
    const n = this.size;
    // Heapsort in place: moving the root (the last-ranked) to the end each time leaves the best first.
    for (let end = n - 1; end > 0; end--) {
      const v = this.vacancy[end];
      const num = this.num[end];
      const den = this.den[end];
      const km = this.km[end];
      this.set(end, this.vacancy[0], this.num[0], this.den[0], this.km[0]);
      this.siftDown(0, end, v, num, den, km);
    }
    outVacancy.set(this.vacancy.subarray(0, n), at);
    outNum.set(this.num.subarray(0, n), at);
    outKm.set(this.km.subarray(0, n), at);
    this.size = 0;
    return n;
  }

  private siftDown(i: number, n: number, v: number, num: number, den: number, km: number): void {
    const ids = this.vacancyRank;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      const r = l + 1;
      if (r < n && matchRanksBefore(ids, this.vacancy[c], this.num[c], this.den[c], this.km[c], this.vacancy[r], this.num[r], this.den[r], this.km[r])) c = r;
      if (!matchRanksBefore(ids, v, num, den, km, this.vacancy[c], this.num[c], this.den[c], this.km[c])) break;
      this.set(i, this.vacancy[c], this.num[c], this.den[c], this.km[c]);
      i = c;
    }
    this.set(i, v, num, den, km);
  }

  private set(i: number, v: number, num: number, den: number, km: number): void {
    this.vacancy[i] = v;
    this.num[i] = num;
    this.den[i] = den;
    this.km[i] = km;
  }
}

/** Top-K candidates for every vacancy, in flat arrays (slot v owns [v·K, v·K + K)). */
export class CandidateHeaps {
  readonly worker: Int32Array;
  readonly num: Int32Array;
  readonly km: Float64Array;
  readonly size: Int32Array;
  /**
   * The root's numerator once a heap is full, else 0: a compact copy (4 bytes per vacancy) so that the
   * hot loop rejects a pair without touching the heap itself.
   */
  readonly floor: Int32Array;

  constructor(
    readonly slots: number,
    readonly capacity: number,
    private readonly workerRank: Int32Array,
  ) {
    this.worker = new Int32Array(slots * capacity);
    this.num = new Int32Array(slots * capacity);
    this.km = new Float64Array(slots * capacity);
    this.size = new Int32Array(slots);
    this.floor = new Int32Array(slots);
  }

  /** True when numerator `num` cannot enter vacancy v's heap whatever its distance. */
  rejects(v: number, num: number): boolean {
    return num < this.floor[v];
  }

  offer(v: number, w: number, num: number, km: number): void {
    const K = this.capacity;
    if (K === 0) return;
    const base = v * K;
    const ids = this.workerRank;
    const worker = this.worker;
    const nums = this.num;
    const kms = this.km;
    const n = this.size[v];
    if (n < K) {
      let i = n;
      this.size[v] = n + 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!candidateRanksBefore(ids, worker[base + p], nums[base + p], kms[base + p], w, num, km)) break;
        worker[base + i] = worker[base + p];
        nums[base + i] = nums[base + p];
        kms[base + i] = kms[base + p];
        i = p;
      }
      worker[base + i] = w;
      nums[base + i] = num;
      kms[base + i] = km;
      if (n + 1 === K) this.floor[v] = nums[base];
      return;
    }
    if (!candidateRanksBefore(ids, w, num, km, worker[base], nums[base], kms[base])) return;
    this.siftDown(base, 0, n, w, num, km);
    this.floor[v] = nums[base];
  }

  /** Sorts every vacancy's heap in place, best first (heapsort); afterwards the arrays are lists, not heaps. */
  sortAll(): void {
    const K = this.capacity;
    this.floor.fill(0);
    for (let v = 0; v < this.slots; v++) {
      const base = v * K;
      for (let end = this.size[v] - 1; end > 0; end--) {
        const w = this.worker[base + end];
        const num = this.num[base + end];
        const km = this.km[base + end];
        this.worker[base + end] = this.worker[base];
        this.num[base + end] = this.num[base];
        this.km[base + end] = this.km[base];
        this.siftDown(base, 0, end, w, num, km);
      }
    }
  }

  private siftDown(base: number, i: number, n: number, w: number, num: number, km: number): void {
    const ids = this.workerRank;
    const worker = this.worker;
    const nums = this.num;
    const kms = this.km;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      const r = l + 1;
      if (r < n && candidateRanksBefore(ids, worker[base + c], nums[base + c], kms[base + c], worker[base + r], nums[base + r], kms[base + r])) c = r;
      if (!candidateRanksBefore(ids, w, num, km, worker[base + c], nums[base + c], kms[base + c])) break;
      worker[base + i] = worker[base + c];
      nums[base + i] = nums[base + c];
      kms[base + i] = kms[base + c];
      i = c;
    }
    worker[base + i] = w;
    nums[base + i] = num;
    kms[base + i] = km;
  }
}
