import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { redisOptions } from '@ricarica/queue';

export interface Hits {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

// Count a hit and start the window on the first one, atomically.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('PTTL', KEYS[1]) }`;

/**
 * Fixed-window counters in Redis, shared by every API instance: the global rate limit and failed
 * sign-ins. Keys carry the QUEUE_PREFIX so that instances sharing a Redis stay apart. When Redis does
 * not answer, requests pass (logged): an outage must not lock everybody out.
 */
@Injectable()
export class RateLimitStore implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStore.name);
  private readonly client: Redis;
  private readonly prefix: string;
  private lastWarning = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.queuePrefix}:rl:`;
    this.client = new Redis({
      ...redisOptions(config.redisUrl),
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: 1000,
      commandTimeout: 500,
    });
    this.client.on('error', () => undefined);
  }

  /** Counts one hit on `key` in a window of `windowMs`. */
  async hit(key: string, windowMs: number): Promise<Hits> {
    try {
      const [count, ttl] = (await this.client.eval(HIT, 1, this.prefix + key, String(windowMs))) as [number, number];
      return { count, ttlMs: ttl > 0 ? ttl : windowMs };
    } catch (e) {
      this.warn(e);
      return { count: 0, ttlMs: 0 };
    }
  }

  /** Hits so far in the current window, without counting one. */
  async peek(key: string): Promise<Hits> {
    try {
      const [count, ttl] = await Promise.all([this.client.get(this.prefix + key), this.client.pttl(this.prefix + key)]);
      return { count: Number(count ?? 0), ttlMs: Math.max(0, ttl) };
    } catch (e) {
      this.warn(e);
      return { count: 0, ttlMs: 0 };
    }
  }

  async reset(key: string): Promise<void> {
    try {
      await this.client.del(this.prefix + key);
    } catch (e) {
      this.warn(e);
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }

  private warn(e: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`rate limiting skipped, Redis did not answer: ${(e as Error).message}`);
  }
}
