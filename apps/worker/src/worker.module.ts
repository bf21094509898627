import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogIndexingModule } from '@ricarica/catalog-search';
import { CohortsModule } from '@ricarica/cohorts';
import { APP_CONFIG, AppConfig, ConfigModule } from '@ricarica/config';
import { DatabaseModule } from '@ricarica/database';
import { InsightsWorkerModule } from '@ricarica/insights';
import { MatchesModule } from '@ricarica/matches';
import { LoggerModule } from '@ricarica/observability';
import { QueueModule } from '@ricarica/queue';
import { SearchModule } from '@ricarica/search';
import { TaxonomyModule } from '@ricarica/taxonomy';
import { OutboxRelayRunner } from './outbox/outbox-relay.runner';
import { CohortsProcessor } from './processors/cohorts.processor';
import { assertEveryJobHandledOnce } from './processors/job-handlers';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { MatchingProcessor } from './processors/matching.processor';
import { SearchProcessor } from './processors/search.processor';
import { WorkerHealthServer } from './worker-health.server';
import { workerMetricsProviders } from './worker-metrics';

const PROCESSORS = [MaintenanceProcessor, MatchingProcessor, SearchProcessor, CohortsProcessor];

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    private readonly maintenance: MaintenanceProcessor,
    private readonly matching: MatchingProcessor,
    private readonly search: SearchProcessor,
    private readonly cohorts: CohortsProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `env` overrides process.env (tests run the worker in-process with their own prefixes). */
  static forRoot(env: Record<string, string> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(env), LoggerModule, DatabaseModule, QueueModule, SearchModule, TaxonomyModule, MatchesModule, CatalogIndexingModule, InsightsWorkerModule, CohortsModule],
      providers: [...PROCESSORS, ...workerMetricsProviders, OutboxRelayRunner, WorkerHealthServer],
    };
  }

  onApplicationBootstrap(): void {
    const processors = [this.maintenance, this.matching, this.search, this.cohorts];
    assertEveryJobHandledOnce(processors);
    // Matching runs one job at a time by design; the others take the configured concurrency.
    for (const p of [this.maintenance, this.cohorts]) p.worker.concurrency = this.config.worker.concurrency;
    // Search jobs mostly wait on Meilisearch and coalesce into shared writes: many at once (see SearchProcessor).
    this.search.worker.concurrency = SearchProcessor.concurrency(this.config.worker.concurrency);
  }
}
