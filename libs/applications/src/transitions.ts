import type { TransitionSide } from '@ricarica/accounts';

/** From each status, where each side may move it. */
export type Moves<S extends string> = Record<Exclude<TransitionSide, 'admin'>, Partial<Record<S, readonly S[]>>>;

export type MoveCheck = 'ok' | 'forbidden' | 'invalid';

/**
 * `forbidden` when the target is never the caller's side to set (a worker hiring themselves),
 * `invalid` when it is, but not from the current status. Admins may make either side's moves.
 */
export function checkMove<S extends string>(moves: Moves<S>, side: TransitionSide, from: S, to: S): MoveCheck {
  const sides = side === 'admin' ? (['worker', 'organisation'] as const) : [side];
  const vocabulary = new Set(sides.flatMap((s) => Object.values(moves[s]).flat() as S[]));
  if (!vocabulary.has(to)) return 'forbidden';
  return sides.some((s) => (moves[s][from] ?? []).includes(to)) ? 'ok' : 'invalid';
}
