import { directCredit24, relatedCredit24 } from './scoring';
import type { PopulationView } from './population';

/*
 * The kernels look credits up instead of computing them. A worker's relation to a skill is a code:
 *   0 none, 5..8 related at level (code − 4), 9..12 direct at level (code − 8).
 * Direct codes are the highest so that "best relation so far" is a plain max.
 * A requirement's low three bits are its "mw" code: (minLevel − 1) << 1 | (weight − 1).
 * CREDIT_TABLE[code << 3 | mw] = weight · credit24, the requirement's share of the score numerator.
 */
export const RELATED_CODE = 4;
export const DIRECT_CODE = 8;

export const CREDIT_TABLE: Int32Array = (() => {
  const t = new Int32Array(13 * 8);
  for (let level = 1; level <= 4; level++) {
    for (let m = 1; m <= 4; m++) {
      for (let w = 1; w <= 2; w++) {
        const mw = ((m - 1) << 1) | (w - 1);
        t[((RELATED_CODE + level) << 3) | mw] = w * relatedCredit24(level, m);
        t[((DIRECT_CODE + level) << 3) | mw] = w * directCredit24(level, m);
      }
    }
  }
  return t;
})();

/**
 * One worker's credit map over all skills, built once per worker in a scratch array and reset after
 * use (only the touched entries), so scoring a requirement is one array read.
 */
export class WorkerCodes {
  readonly code: Int8Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(skillCount: number) {
    this.code = new Int8Array(skillCount);
    this.touched = new Int32Array(skillCount);
  }

  /** Loads worker slot w: its own skills, then the best related level for every neighbour it lacks. */
  load(view: PopulationView, w: number): number {
    const start = view.workerSkillStart[w];
    this.count = loadCodes(this.code, this.touched, view.workerSkills, start, start + view.workerSkillCount[w], view.relOffsets, view.relNeighbours);
    return this.count;
  }

  clear(): void {
    clearCodes(this.code, this.touched, this.count);
    this.count = 0;
  }

  /** Score numerator of vacancy slot v for the loaded worker, scanning its requirements. */
  numeratorFor(view: PopulationView, v: number): number {
    const start = view.vacancyReqStart[v];
    return numeratorOf(this.code, view.vacancyReqs, start, start + view.vacancyReqCount[v], CREDIT_TABLE);
  }
}

/*
 * The loops live in free functions that take everything as arguments and touch no property after a
 * hot loop: V8 compiles such loops on stack replacement before the code after them has run, and code
 * without type feedback there made it deoptimise on every call.
 */

function loadCodes(code: Int8Array, touched: Int32Array, skills: Int32Array, start: number, end: number, relOff: Int32Array, rel: Int32Array): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const s = skills[i] >> 2;
    code[s] = (skills[i] & 3) + 1 + DIRECT_CODE;
    touched[n++] = s;
  }
  // Branch-free: every neighbour is written to `touched`, but the count only advances for a new one.
  for (let i = start; i < end; i++) {
    const s = skills[i] >> 2;
    const relatedCode = (skills[i] & 3) + 1 + RELATED_CODE;
    for (let j = relOff[s], je = relOff[s + 1]; j < je; j++) {
      const t = rel[j];
      const c = code[t];
      touched[n] = t;
      n += (c - 1) >>> 31;
      code[t] = c > relatedCode ? c : relatedCode;
    }
  }
  return n;
}

function clearCodes(code: Int8Array, touched: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) code[touched[i]] = 0;
}

function numeratorOf(code: Int8Array, reqs: Int32Array, start: number, end: number, table: Int32Array): number {
  let num = 0;
  for (let i = start; i < end; i++) {
    const p = reqs[i];
    num += table[(code[p >> 3] << 3) | (p & 7)];
  }
  return num;
}
