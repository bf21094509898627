import { MatchingErrors } from './matching.errors';

/** Maps skill keys (ESCO URIs or database UUIDs) to the dense integer indexes the engine works with. */
export class SkillIndex {
  private readonly byKey = new Map<string, number>();
  private readonly keys: string[] = [];

  static of(keys: Iterable<string>): SkillIndex {
    const index = new SkillIndex();
    for (const key of keys) {
      if (index.byKey.has(key)) throw MatchingErrors.duplicateKey(key);
      index.byKey.set(key, index.keys.length);
      index.keys.push(key);
    }
    return index;
  }

  get size(): number {
    return this.keys.length;
  }

  indexOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Like indexOf, but an unknown key is an error. */
  require(key: string): number {
    const i = this.byKey.get(key);
    if (i === undefined) throw MatchingErrors.unknownKey(key);
    return i;
  }

  keyOf(index: number): string {
    const key = this.keys[index];
    if (key === undefined) throw MatchingErrors.unknownSkill(index, this.keys.length);
    return key;
  }
}
