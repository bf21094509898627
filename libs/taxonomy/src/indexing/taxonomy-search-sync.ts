import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { placeDocumentSource } from '@ricarica/places';
import { IndexNames, occupationsIndexSpec, placesIndexSpec, skillsIndexSpec, SyncOptions, SyncReport, syncIndex } from '@ricarica/search';
import { occupationDocumentSource, skillDocumentSource } from './taxonomy-documents';

/** Feeds the skills, occupations and places indexes from PostgreSQL (used by the importer and the reindex job). */
export class TaxonomySearchSync {
  constructor(
    private readonly db: DataSource,
    private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  skills(options: SyncOptions = {}): Promise<SyncReport> {
    return syncIndex(this.meili, skillsIndexSpec(this.names), skillDocumentSource(this.db), options);
  }

  occupations(options: SyncOptions = {}): Promise<SyncReport> {
    return syncIndex(this.meili, occupationsIndexSpec(this.names), occupationDocumentSource(this.db), options);
  }

  places(options: SyncOptions = {}): Promise<SyncReport> {
    return syncIndex(this.meili, placesIndexSpec(this.names), placeDocumentSource(this.db), options);
  }

  /** Ids of skills or occupations written after `since` (all of them when `since` is null). */
  async changedSince(table: 'skill' | 'occupation', since: Date | null): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`select id from ${table} where $1::timestamptz is null or updated_at > $1`, [since]);
    return rows.map((r) => r.id);
  }
}
