import { MatchingErrors } from './matching.errors';
import type { SkillIndex } from './skill-index';

/** One row of the ESCO skill pillar: `concept` has `broader` as a direct broader concept (skill or skill group). */
export interface BroaderEdge {
  concept: string;
  broader: string;
}

/**
 * Which skills earn each other half credit. Two skills are related when one is the other's direct
 * broader concept or when they share a direct broader concept (a skill or a skill group). Stored as
 * CSR: the neighbours of skill s are neighbours[offsets[s] .. offsets[s+1]), sorted ascending. On full
 * ESCO that is about 75 neighbours per skill (1 M entries, 4 MB).
 */
export class Relatedness {
  private constructor(
    readonly skillCount: number,
    readonly offsets: Int32Array,
    readonly neighbours: Int32Array,
  ) {}

  /**
   * Builds the relation from broader edges keyed by string. Concepts missing from `skills` (skill
   * groups, such as `.../isced-f/00`, or skills outside the index) still count as shared broaders.
   */
  static fromBroaderEdges(skills: SkillIndex, edges: Iterable<BroaderEdge>): Relatedness {
    const n = skills.size;
    const nodeOf = new Map<string, number>();
    const node = (key: string): number => {
      const skill = skills.indexOf(key);
      if (skill !== undefined) return skill;
      let id = nodeOf.get(key);
      if (id === undefined) {
        id = n + nodeOf.size;
        nodeOf.set(key, id);
      }
      return id;
    };
    const up: number[][] = [];
    const down: number[][] = [];
    for (const e of edges) {
      const c = node(e.concept);
      const b = node(e.broader);
      if (c === b) continue;
      (up[c] ??= []).push(b);
      (down[b] ??= []).push(c);
    }
    // Stamp per skill instead of a Set: the relation has about a million entries.
    const stamp = new Int32Array(n).fill(-1);
    const offsets = new Int32Array(n + 1);
    const out: number[] = [];
    const row: number[] = [];
    for (let s = 0; s < n; s++) {
      row.length = 0;
      const add = (t: number) => {
        if (t < n && t !== s && stamp[t] !== s) {
          stamp[t] = s;
          row.push(t);
        }
      };
      for (const b of up[s] ?? []) {
        add(b);
        for (const sibling of down[b] ?? []) add(sibling);
      }
      for (const narrower of down[s] ?? []) add(narrower);
      row.sort((a, b) => a - b);
      for (const t of row) out.push(t);
      offsets[s + 1] = out.length;
    }
    return new Relatedness(n, offsets, Int32Array.from(out));
  }

  /** Rebuilds from the arrays of another instance (e.g. inside a worker thread). */
  static fromArrays(skillCount: number, offsets: Int32Array, neighbours: Int32Array): Relatedness {
    if (offsets.length !== skillCount + 1 || offsets[skillCount] !== neighbours.length) throw MatchingErrors.invalidOption('relatedness arrays', 'lengths do not match');
    return new Relatedness(skillCount, offsets, neighbours);
  }

  /** No skill related to any other: scores from direct skills only. */
  static none(skillCount: number): Relatedness {
    return new Relatedness(skillCount, new Int32Array(skillCount + 1), new Int32Array(0));
  }

  neighboursOf(skill: number): Int32Array {
    this.assertSkill(skill);
    return this.neighbours.subarray(this.offsets[skill], this.offsets[skill + 1]);
  }

  related(a: number, b: number): boolean {
    this.assertSkill(a);
    this.assertSkill(b);
    let lo = this.offsets[a];
    let hi = this.offsets[a + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.neighbours[mid];
      if (v === b) return true;
      if (v < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  get averageDegree(): number {
    return this.skillCount === 0 ? 0 : this.neighbours.length / this.skillCount;
  }

  assertSkill(skill: number): void {
    if (!Number.isInteger(skill) || skill < 0 || skill >= this.skillCount) throw MatchingErrors.unknownSkill(skill, this.skillCount);
  }
}
