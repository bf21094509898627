import type { components } from './schema';

type Auth = components['schemas']['AuthResponseDto'];
export type Account = components['schemas']['AccountResponseDto'];

interface Stored {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  account: Account;
}

const KEY = 'ricarica.session';

/**
 * The signed-in session: tokens in localStorage (the refresh token is single-use and rotated by the API),
 * the access token renewed shortly before it expires, one refresh at a time.
 */
class SessionStore {
  private current: Stored | null = read();
  private refreshing: Promise<string | null> | null = null;
  private listeners = new Set<() => void>();

  get account(): Account | null {
    return this.current?.account ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signedIn(auth: Auth): void {
    this.save({ accessToken: auth.accessToken, accessExpiresAt: Date.now() + auth.expiresIn * 1000, refreshToken: auth.refreshToken, account: auth.account });
  }

  updateAccount(account: Account): void {
    if (this.current) this.save({ ...this.current, account });
  }

  signedOut(): void {
    this.save(null);
  }

  /** The API said 401: the session is over. */
  expired(): void {
    if (this.current && this.current.accessExpiresAt < Date.now()) this.save(null);
  }

  get refreshToken(): string | null {
    return this.current?.refreshToken ?? null;
  }

  async accessToken(): Promise<string | null> {
    const s = this.current;
    if (!s) return null;
    if (s.accessExpiresAt - 20_000 > Date.now()) return s.accessToken;
    this.refreshing ??= this.refresh(s.refreshToken).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<string | null> {
    const res = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
    if (!res.ok) {
      this.save(null);
      return null;
    }
    const auth = (await res.json()) as Auth;
    this.signedIn(auth);
    return auth.accessToken;
  }

  private save(value: Stored | null): void {
    this.current = value;
    if (value) localStorage.setItem(KEY, JSON.stringify(value));
    else localStorage.removeItem(KEY);
    for (const l of this.listeners) l();
  }
}

function read(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export const session = new SessionStore();
