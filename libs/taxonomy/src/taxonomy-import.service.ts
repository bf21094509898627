import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { IndexNames, MEILI_CLIENT, SyncReport } from '@ricarica/search';
import { TaxonomyImporter, TaxonomyImportOptions, TaxonomyImportResult } from './import/taxonomy-importer';
import { TaxonomySearchSync } from './indexing/taxonomy-search-sync';

/** The importer and the search index feeds, for the apps (the CLI script uses TaxonomyImporter directly). */
@Injectable()
export class TaxonomyImportService {
  private readonly logger = new Logger(TaxonomyImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly names: IndexNames,
    private readonly sync: TaxonomySearchSync,
  ) {}

  /** Imports the data folder (skipped when unchanged since the last import) and syncs the indexes. */
  run(options: TaxonomyImportOptions = {}): Promise<TaxonomyImportResult> {
    return new TaxonomyImporter(this.db, this.meili, this.names, (line) => this.logger.log(line)).run(options);
  }

  /** Re-sends every skill from PostgreSQL to the skills index (the `taxonomy.reindex-skills` job). */
  async reindexSkills(): Promise<SyncReport> {
    const report = await this.sync.skills({ full: true });
    this.logger.log(`reindexed ${report.sent} skills into ${report.uid} (${report.deleted} stale removed) in ${report.ms} ms`);
    return report;
  }

  /**
   * Makes the skills, occupations and places indexes match PostgreSQL where their document counts differ
   * (a fresh Meilisearch or index prefix); cheap when they already match.
   */
  async ensureIndexes(): Promise<SyncReport[]> {
    return [await this.sync.skills(), await this.sync.occupations(), await this.sync.places()];
  }
}
