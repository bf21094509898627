import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Relatedness, SkillIndex } from '@ricarica/matching';
import { MatchingPopulationLoader } from './matching-population.loader';

/** How long the API trusts its copy before checking for a newer taxonomy import. */
const CHECK_EVERY_MS = 60_000;

/**
 * The skill index and relatedness for explaining matches in the API process: built once (about a
 * second on full ESCO) and rebuilt only after a new taxonomy import.
 */
@Injectable()
export class TaxonomyRelatednessCache {
  private current?: Promise<{ skills: SkillIndex; relatedness: Relatedness; importId: string }>;
  private checkedAt = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(): Promise<{ skills: SkillIndex; relatedness: Relatedness }> {
    if (this.current && Date.now() - this.checkedAt > CHECK_EVERY_MS) {
      this.checkedAt = Date.now();
      const [cached, latest] = await Promise.all([this.current, this.latestImportId()]);
      if (cached.importId !== latest) this.current = undefined;
    }
    if (!this.current) {
      this.checkedAt = Date.now();
      this.current = this.load().catch((e) => {
        this.current = undefined;
        throw e;
      });
    }
    return this.current;
  }

  private async load() {
    const importId = await this.latestImportId();
    const { skills, relatedness } = await new MatchingPopulationLoader(this.db).taxonomy();
    return { skills, relatedness, importId };
  }

  private async latestImportId(): Promise<string> {
    const [row] = await this.db.query(`select coalesce(max(id), 0)::text as id from taxonomy_import`);
    return row.id;
  }
}
