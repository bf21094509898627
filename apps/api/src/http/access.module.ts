import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule, RateLimitStore } from '@ricarica/accounts';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { MetricsAccessCheck } from '../metrics/metrics-access';
import { AccessGuard } from './access.guard';
import { AccessRulesCheck } from './access-rules.check';
import { RateLimitGuard, RedisThrottlerStorage } from './rate-limit';

/** The global guards, in order: rate limit per client address, then authentication and access rules. */
@Module({
  imports: [
    AccountsModule,
    DiscoveryModule,
    ThrottlerModule.forRootAsync({
      imports: [AccountsModule],
      inject: [APP_CONFIG, RateLimitStore],
      useFactory: (config: AppConfig, store: RateLimitStore) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
        storage: new RedisThrottlerStorage(store),
        errorMessage: 'too many requests from this address: slow down',
      }),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    MetricsAccessCheck,
    AccessRulesCheck,
  ],
  exports: [AccountsModule, MetricsAccessCheck],
})
export class AccessModule {}
