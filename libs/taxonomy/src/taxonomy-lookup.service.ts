import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Set-based existence checks and inference look-ups that other domains validate against. */
@Injectable()
export class TaxonomyLookupService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ids among `ids` that are not ESCO skills. */
  async missingSkillIds(ids: string[], manager: EntityManager = this.db.manager): Promise<string[]> {
    return this.missing('skill', ids, manager);
  }

  /** The ids among `ids` that are not ESCO occupations. */
  async missingOccupationIds(ids: string[], manager: EntityManager = this.db.manager): Promise<string[]> {
    return this.missing('occupation', ids, manager);
  }

  /** Essential skill ids of the given occupations (deduplicated). */
  async essentialSkillIds(occupationIds: string[], manager: EntityManager = this.db.manager): Promise<string[]> {
    if (occupationIds.length === 0) return [];
    const rows: { skill_id: string }[] = await manager.query(
      `select distinct skill_id from occupation_skill where occupation_id = any($1::uuid[]) and relation_type = 'essential'`,
      [occupationIds],
    );
    return rows.map((r) => r.skill_id);
  }

  private async missing(table: 'skill' | 'occupation', ids: string[], manager: EntityManager): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `select u.id from unnest($1::uuid[]) as u(id) where not exists (select 1 from ${table} t where t.id = u.id)`,
      [unique],
    );
    return rows.map((r) => r.id);
  }
}
