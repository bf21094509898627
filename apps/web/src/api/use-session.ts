import { useSyncExternalStore } from 'react';
import { type Account, session } from './session-store';

/** The signed-in account, re-rendering on sign-in, sign-out and profile creation. */
export function useAccount(): Account | null {
  return useSyncExternalStore(
    (l) => session.subscribe(l),
    () => session.account,
  );
}
