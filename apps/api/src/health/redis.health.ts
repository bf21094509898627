import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { Inject } from '@nestjs/common';
import { redisOptions } from '@ricarica/queue';

/** Its own connection, failing fast: the queue connections wait forever for Redis by design. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.client = new Redis({
      ...redisOptions(config.redisUrl),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      connectTimeout: 1000,
      commandTimeout: 1000,
      retryStrategy: () => 1000,
    });
    this.client.on('error', () => undefined);
  }

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect();
      await this.client.ping();
      return indicator.up();
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
