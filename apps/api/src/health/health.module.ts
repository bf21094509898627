import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { JobsHealthIndicator } from './jobs.health';
import { MeilisearchHealthIndicator } from './meilisearch.health';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, MeilisearchHealthIndicator, JobsHealthIndicator],
})
export class HealthModule {}
