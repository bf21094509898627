import type { Account } from '../../api/session-store';

/** Where an account lands after signing in: its own area, or the page it was sent from. */
export function homeOf(account: Account, next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  switch (account.role) {
    case 'worker':
      return account.workerId ? '/lavoratore/opportunita' : '/lavoratore/profilo';
    case 'employer':
      return '/azienda';
    case 'provider':
      return '/ente';
    default:
      return '/regione';
  }
}
