/**
 * Statistical disclosure control for published counts of workers. Pure: no Nest, no database.
 *
 * Primary suppression hides every cell counting fewer than `threshold` workers. Complementary
 * suppression then makes sure no hidden cell can be worked out again by subtraction: in every group
 * of parts that add up to a published total, either no part is hidden or at least two are (a total
 * minus the visible parts then only gives the sum of the hidden ones); and a hidden total never has
 * all of its parts visible (their sum would give it back). Cells sit in several groups at once (a
 * province's displaced workers are a part of the province's status breakdown and of the region's
 * displaced workers), so the rules are applied until nothing changes.
 */

export interface SuppressionGroup {
  /** The cell holding the parts' sum, when it is published; null for a breakdown without a total. */
  total: string | null;
  /** Cells that add up exactly to the total. */
  parts: readonly string[];
}

export const DEFAULT_THRESHOLD = 5;

/**
 * The keys of the cells to hide. `values` holds every cell that counts workers (key → count); groups
 * may name keys that are absent from `values` (a breakdown with no row for a part counts 0 there and
 * shows it as absent, which reveals nothing), and such keys are ignored.
 */
export function suppressCells(values: ReadonlyMap<string, number>, groups: readonly SuppressionGroup[], threshold = DEFAULT_THRESHOLD): Set<string> {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a positive integer, got ${threshold}`);
  const hidden = new Set<string>();
  for (const [key, value] of values) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`cell ${key} must count 0 or more workers, got ${value}`);
    if (value < threshold) hidden.add(key);
  }
  const usable = groups
    .map((g) => ({ total: g.total !== null && values.has(g.total) ? g.total : null, parts: [...new Set(g.parts)].filter((p) => values.has(p)) }))
    .filter((g) => g.parts.length > 0);

  // The smallest visible part (ties: lowest key) costs the least information to hide.
  const cheapestVisible = (parts: string[]): string | undefined => {
    let best: string | undefined;
    for (const p of parts) {
      if (hidden.has(p)) continue;
      if (best === undefined || values.get(p)! < values.get(best)! || (values.get(p) === values.get(best) && p < best)) best = p;
    }
    return best;
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (const g of usable) {
      const hiddenParts = g.parts.filter((p) => hidden.has(p)).length;
      if (g.total === null) continue;
      if (!hidden.has(g.total) && hiddenParts === 1) {
        // total − visible parts = the one hidden part: hide another part, or the total when there is none.
        const next = cheapestVisible(g.parts) ?? g.total;
        hidden.add(next);
        changed = true;
      } else if (hidden.has(g.total) && hiddenParts === 0) {
        // Σ visible parts = the hidden total: hide one part.
        hidden.add(cheapestVisible(g.parts)!);
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * What an attacker can work out from the published cells: every cell whose value follows from one
 * group's equation (total = Σ parts) with exactly one unknown, repeated until nothing more follows.
 * Used by the tests to show that suppressed cells stay unknown.
 */
export function recoverable(values: ReadonlyMap<string, number>, groups: readonly SuppressionGroup[], hidden: ReadonlySet<string>): Map<string, number> {
  const known = new Map<string, number>();
  for (const [k, v] of values) if (!hidden.has(k)) known.set(k, v);
  const recovered = new Map<string, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      if (g.total === null || !values.has(g.total)) continue;
      const parts = [...new Set(g.parts)].filter((p) => values.has(p));
      const unknown = [g.total, ...parts].filter((k) => !known.has(k));
      if (unknown.length !== 1) continue;
      const [u] = unknown;
      const value = u === g.total ? parts.reduce((s, p) => s + known.get(p)!, 0) : known.get(g.total)! - parts.filter((p) => p !== u).reduce((s, p) => s + known.get(p)!, 0);
      known.set(u, value);
      recovered.set(u, value);
      changed = true;
    }
  }
  return recovered;
}
