import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Meilisearch } from 'meilisearch';
import { MEILI_CLIENT } from '@ricarica/search';

@Injectable()
export class MeilisearchHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const result = await Promise.race([
        this.meili.health(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 1000 ms')), 1000).unref()),
      ]);
      return result.status === 'available' ? indicator.up() : indicator.down({ message: result.status });
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }
}
