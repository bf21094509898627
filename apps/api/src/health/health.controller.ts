import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { JobsHealthIndicator } from './jobs.health';
import { MeilisearchHealthIndicator } from './meilisearch.health';
import { Public } from '../http/access.decorator';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly meilisearch: MeilisearchHealthIndicator,
    private readonly jobs: JobsHealthIndicator,
  ) {}

  /** 200 when PostgreSQL, Redis and Meilisearch all answer; 503 naming the one that does not. Also: failed jobs per queue. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 1000 }),
      () => this.redis.check('redis'),
      () => this.meilisearch.check('meilisearch'),
      () => this.jobs.check('jobs'),
    ]);
  }
}
