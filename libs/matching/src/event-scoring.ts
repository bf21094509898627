import { CREDIT_TABLE, DIRECT_CODE, RELATED_CODE, WorkerCodes } from './credit-table';
import { VACANCY_ACTIVE, WORKER_ACTIVE, type PopulationView } from './population';

/*
 * Scoring for single events: one worker against all vacancies, or one vacancy against all workers.
 * Both go through inverted indexes (skill → requirements, skill → worker skills) built from the
 * population. Entities changed after an index was built are "dirty": whatever the stale postings add
 * to their accumulator is overwritten by scoring them directly, so an index need not be rebuilt on
 * every event, only when the dirty set grows large.
 */

const MAX_DIRTY_SHARE = 0.02;
const MIN_DIRTY_LIMIT = 256;

abstract class InvertedIndex {
  offsets = new Int32Array(1);
  postings = new Int32Array(0);
  dirty = new Uint8Array(0);
  readonly dirtyList: number[] = [];
  private built = false;

  /** Marks an entity slot whose data changed (or appeared) after the last build. */
  markDirty(slot: number): void {
    if (slot >= this.dirty.length) {
      const next = new Uint8Array(Math.max(slot + 1, this.dirty.length * 2));
      next.set(this.dirty);
      this.dirty = next;
    }
    if (this.dirty[slot] === 0) {
      this.dirty[slot] = 1;
      this.dirtyList.push(slot);
    }
  }

  /** Rebuilds when never built or when the dirty set outgrew its share of the population. */
  refresh(view: PopulationView): void {
    const slots = this.slots(view);
    if (this.built && this.dirtyList.length <= Math.max(MIN_DIRTY_LIMIT, slots * MAX_DIRTY_SHARE)) return;
    this.build(view);
    this.dirty = new Uint8Array(Math.max(16, slots));
    this.dirtyList.length = 0;
    this.built = true;
  }

  invalidate(): void {
    this.built = false;
  }

  protected abstract slots(view: PopulationView): number;
  protected abstract build(view: PopulationView): void;

  /** CSR from (skill, posting) pairs produced by `each`, in production order within a skill. */
  protected fill(skillCount: number, each: (emit: (skill: number, posting: number) => void) => void): void {
    const off = new Int32Array(skillCount + 1);
    let total = 0;
    each((skill) => {
      off[skill + 1]++;
      total++;
    });
    for (let s = 0; s < skillCount; s++) off[s + 1] += off[s];
    const post = new Int32Array(total);
    const cursor = off.slice(0, skillCount);
    each((skill, posting) => {
      post[cursor[skill]++] = posting;
    });
    this.offsets = off;
    this.postings = post;
  }
}

/** skill → (vacancy slot << 3 | mw) for every vacancy present at build time. */
export class VacancyPostings extends InvertedIndex {
  protected slots(view: PopulationView): number {
    return view.vacancySlots;
  }

  protected build(view: PopulationView): void {
    this.fill(view.skillCount, (emit) => {
      for (let v = 0; v < view.vacancySlots; v++) {
        if ((view.vacancyFlags[v] & VACANCY_ACTIVE) === 0) continue;
        const s0 = view.vacancyReqStart[v];
        const s1 = s0 + view.vacancyReqCount[v];
        for (let i = s0; i < s1; i++) emit(view.vacancyReqs[i] >> 3, (v << 3) | (view.vacancyReqs[i] & 7));
      }
    });
  }
}

/** skill → (worker slot << 2 | level − 1) for every worker present at build time. */
export class WorkerPostings extends InvertedIndex {
  protected slots(view: PopulationView): number {
    return view.workerSlots;
  }

  protected build(view: PopulationView): void {
    this.fill(view.skillCount, (emit) => {
      for (let w = 0; w < view.workerSlots; w++) {
        if ((view.workerFlags[w] & WORKER_ACTIVE) === 0) continue;
        const s0 = view.workerSkillStart[w];
        const s1 = s0 + view.workerSkillCount[w];
        for (let i = s0; i < s1; i++) emit(view.workerSkills[i] >> 2, (w << 2) | (view.workerSkills[i] & 3));
      }
    });
  }
}

/**
 * Numerators of worker w against every vacancy slot, written to acc[0 .. vacancySlots). Slots that
 * are absent get whatever stale postings add; callers filter them by liveness.
 */
export function scoreWorkerAgainstVacancies(view: PopulationView, index: VacancyPostings, codes: WorkerCodes, w: number, acc: Int32Array): void {
  acc.fill(0, 0, view.vacancySlots);
  const nt = codes.load(view, w);
  const code = codes.code;
  const touched = codes.touched;
  const off = index.offsets;
  const post = index.postings;
  const CT = CREDIT_TABLE;
  for (let i = 0; i < nt; i++) {
    const t = touched[i];
    const row = code[t] << 3;
    for (let j = off[t], je = off[t + 1]; j < je; j++) {
      const p = post[j];
      acc[p >> 3] += CT[row | (p & 7)];
    }
  }
  for (const v of index.dirtyList) if (v < view.vacancySlots) acc[v] = (view.vacancyFlags[v] & VACANCY_ACTIVE) !== 0 ? codes.numeratorFor(view, v) : 0;
  codes.clear();
}

/** Scratch for scoring one vacancy against all workers. */
export class VacancyScratch {
  acc = new Int32Array(0);
  code = new Int8Array(0);
  /** Workers with a non-zero numerator after `scoreVacancyAgainstWorkers`, count in `touchedCount`. */
  touched = new Int32Array(0);
  touchedCount = 0;
  private reqTouched = new Int32Array(0);

  ensure(workerSlots: number): void {
    if (this.acc.length >= workerSlots) return;
    const n = Math.max(workerSlots, this.acc.length * 2);
    this.acc = new Int32Array(n);
    this.code = new Int8Array(n);
    this.touched = new Int32Array(n);
    this.reqTouched = new Int32Array(n);
  }

  /**
   * Numerators of vacancy v against every worker: for each requirement, the workers holding the skill
   * (direct) or one of its neighbours (related, best level kept) get the requirement's credit. Only
   * workers with some credit are touched; they are listed in `touched`.
   */
  score(view: PopulationView, index: WorkerPostings, codes: WorkerCodes, v: number): void {
    this.ensure(view.workerSlots);
    const acc = this.acc;
    const code = this.code;
    const touched = this.touched;
    const reqTouched = this.reqTouched;
    const off = index.offsets;
    const post = index.postings;
    const relOff = view.relOffsets;
    const rel = view.relNeighbours;
    const CT = CREDIT_TABLE;
    for (let k = 0; k < this.touchedCount; k++) acc[touched[k]] = 0;
    let nTouched = 0;
    const s0 = view.vacancyReqStart[v];
    const s1 = s0 + view.vacancyReqCount[v];
    for (let i = s0; i < s1; i++) {
      const req = view.vacancyReqs[i];
      const s = req >> 3;
      const mw = req & 7;
      let n = 0;
      for (let j = off[s], je = off[s + 1]; j < je; j++) {
        const p = post[j];
        const w = p >> 2;
        code[w] = (p & 3) + 1 + DIRECT_CODE;
        reqTouched[n++] = w;
      }
      for (let q = relOff[s], qe = relOff[s + 1]; q < qe; q++) {
        const t = rel[q];
        for (let j = off[t], je = off[t + 1]; j < je; j++) {
          const p = post[j];
          const w = p >> 2;
          const c = code[w];
          const related = (p & 3) + 1 + RELATED_CODE;
          if (c === 0) reqTouched[n++] = w;
          code[w] = c > related ? c : related;
        }
      }
      for (let k = 0; k < n; k++) {
        const w = reqTouched[k];
        if (acc[w] === 0) touched[nTouched++] = w;
        acc[w] += CT[(code[w] << 3) | mw];
        code[w] = 0;
      }
    }
    // Dirty workers: replace whatever stale postings gave them with a direct score.
    for (const w of index.dirtyList) {
      if (w >= view.workerSlots) continue;
      const num = (view.workerFlags[w] & WORKER_ACTIVE) !== 0 ? directNumerator(view, codes, w, v) : 0;
      if (acc[w] === 0 && num !== 0) touched[nTouched++] = w;
      acc[w] = num;
    }
    this.touchedCount = nTouched;
  }
}

function directNumerator(view: PopulationView, codes: WorkerCodes, w: number, v: number): number {
  codes.load(view, w);
  const num = codes.numeratorFor(view, v);
  codes.clear();
  return num;
}
