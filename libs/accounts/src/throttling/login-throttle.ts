import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { AuthErrors } from '../account.errors';
import { RateLimitStore } from './rate-limit.store';

/** Redis keys never hold an email: the account is named by a hash of it. */
const accountKey = (email: string) => `login:acct:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/**
 * Slows password guessing: after LOGIN_MAX_FAILURES failed sign-ins for one account, or
 * LOGIN_MAX_FAILURES_PER_IP from one address, within LOGIN_WINDOW_S, sign-in answers 429 with
 * Retry-After until the window ends, even with the right password.
 */
@Injectable()
export class LoginThrottle {
  private readonly limits: AppConfig['auth']['login'];

  constructor(
    private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = config.auth.login;
  }

  /** Throws 429 when either counter is spent. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.store.peek(accountKey(email)), this.store.peek(ipKey(ip))]);
    const blocking = [
      account.count >= this.limits.maxFailures ? account.ttlMs : 0,
      address.count >= this.limits.maxFailuresPerIp ? address.ttlMs : 0,
    ];
    const waitMs = Math.max(...blocking);
    if (waitMs > 0) throw AuthErrors.tooManyAttempts(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const windowMs = this.limits.windowS * 1000;
    await Promise.all([this.store.hit(accountKey(email), windowMs), this.store.hit(ipKey(ip), windowMs)]);
  }

  /** A successful sign-in clears the account's counter (not the address's: one good account must not unlock guessing others). */
  async recordSuccess(email: string): Promise<void> {
    await this.store.reset(accountKey(email));
  }
}
