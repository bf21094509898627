import { Meilisearch } from 'meilisearch';
import { DataSource, EntityManager } from 'typeorm';
import { COMUNI_COLUMNS, MUNICIPALITY_TABLE, MunicipalityRecord, parseComuneRow } from '@ricarica/places';
import { IndexNames, SyncReport } from '@ricarica/search';
import { TaxonomySearchSync } from '../indexing/taxonomy-search-sync';
import { BulkTable, replaceRows, upsertRows, WriteCounts } from './bulk-write';
import { ImportDataError, readCsv } from './csv-file';
import {
  BROADER_COLUMNS,
  BroaderRecord,
  ITALIAN_OCCUPATION_COLUMNS,
  ITALIAN_SKILL_COLUMNS,
  ItalianLabels,
  OCCUPATION_COLUMNS,
  OccupationRecord,
  OccupationSkillRecord,
  parseBroaderRow,
  parseItalianLabels,
  parseOccupationRow,
  parseRelationRow,
  parseSkillGroupRow,
  parseSkillRow,
  RELATION_COLUMNS,
  SKILL_COLUMNS,
  SKILL_GROUP_COLUMNS,
  SkillGroupRecord,
  SkillRecord,
} from './esco-rows';
import { defaultDataDir, hashFiles, locateFiles, TaxonomyFiles } from './taxonomy-files';

export interface TaxonomyImportOptions {
  /** Folder holding esco/ and istat/; defaults to the repository's data/. */
  dataDir?: string;
  /** Re-import and re-send every search document even when the files are unchanged. */
  force?: boolean;
}

export interface ImportPhase {
  name: string;
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  skipped: number;
  ms: number;
}

export interface TaxonomyImportResult {
  /** `current`: the files were already imported, only the search indexes were checked. */
  status: 'imported' | 'current';
  sourceHash: string;
  phases: ImportPhase[];
  search: SyncReport[];
  /** Rows per table after the run, and Italian skill labels per source. */
  counts: Record<string, number>;
  durationMs: number;
}

const SKILL_TABLE: BulkTable = {
  table: 'skill',
  columns: [
    { property: 'id', type: 'uuid' },
    { property: 'uri', type: 'text' },
    { property: 'skillType', type: 'varchar(32)' },
    { property: 'reuseLevel', type: 'varchar(32)' },
    { property: 'labelEn', type: 'text' },
    { property: 'altLabelsEn', type: 'text[]' },
    { property: 'labelIt', type: 'text' },
    { property: 'altLabelsIt', type: 'text[]' },
    { property: 'labelItSource', type: 'varchar(16)' },
    { property: 'description', type: 'text' },
    { property: 'sourceHash', type: 'varchar(32)' },
  ],
  key: ['id'],
  compare: ['sourceHash'],
  touch: 'updatedAt',
};

const SKILL_GROUP_TABLE: BulkTable = {
  table: 'skill_group',
  columns: [
    { property: 'id', type: 'varchar(64)' },
    { property: 'uri', type: 'text' },
    { property: 'code', type: 'varchar(32)' },
    { property: 'labelEn', type: 'text' },
    { property: 'sourceHash', type: 'varchar(32)' },
  ],
  key: ['id'],
  compare: ['sourceHash'],
};

const BROADER_TABLE: BulkTable = {
  table: 'skill_broader',
  columns: [
    { property: 'conceptUri', type: 'text' },
    { property: 'broaderUri', type: 'text' },
    { property: 'conceptType', type: 'varchar(16)' },
    { property: 'broaderType', type: 'varchar(16)' },
  ],
  key: ['conceptUri', 'broaderUri'],
  compare: ['conceptType', 'broaderType'],
};

const OCCUPATION_TABLE: BulkTable = {
  table: 'occupation',
  columns: [
    { property: 'id', type: 'uuid' },
    { property: 'uri', type: 'text' },
    { property: 'iscoGroup', type: 'varchar(8)' },
    { property: 'code', type: 'varchar(32)' },
    { property: 'labelEn', type: 'text' },
    { property: 'altLabelsEn', type: 'text[]' },
    { property: 'labelIt', type: 'text' },
    { property: 'altLabelsIt', type: 'text[]' },
    { property: 'description', type: 'text' },
    { property: 'sourceHash', type: 'varchar(32)' },
  ],
  key: ['id'],
  compare: ['sourceHash'],
  touch: 'updatedAt',
};

const OCCUPATION_SKILL_TABLE: BulkTable = {
  table: 'occupation_skill',
  columns: [
    { property: 'occupationId', type: 'uuid' },
    { property: 'skillId', type: 'uuid' },
    { property: 'relationType', type: 'varchar(16)' },
  ],
  key: ['occupationId', 'skillId'],
  compare: ['relationType'],
};

/** Everything read from the files, validated, before the database is touched. */
interface ParsedTaxonomy {
  skills: SkillRecord[];
  skillGroups: SkillGroupRecord[];
  broader: BroaderRecord[];
  occupations: OccupationRecord[];
  relations: OccupationSkillRecord[];
  municipalities: MunicipalityRecord[];
  skipped: { italianLabels: number; relations: number };
  readMs: Record<string, number>;
}

const LOCK_KEY = "hashtext('ricarica.taxonomy_import')";

/**
 * Loads ESCO (skills, groups, skill pillar, occupations and their skills) and ISTAT municipalities into
 * PostgreSQL in bulk, idempotently, then brings the search indexes in line.
 *
 * Concepts missing from newer files are kept (workers, vacancies and courses reference them); relations
 * and municipalities are replaced set-wise. A run whose files hash like the last recorded import skips the
 * database and only checks the indexes.
 */
export class TaxonomyImporter {
  private readonly search: TaxonomySearchSync;

  constructor(
    private readonly db: DataSource,
    meili: Meilisearch,
    names: IndexNames,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.search = new TaxonomySearchSync(db, meili, names);
  }

  async run(options: TaxonomyImportOptions = {}): Promise<TaxonomyImportResult> {
    const started = Date.now();
    const dataDir = options.dataDir ?? defaultDataDir();
    const files = locateFiles(dataDir);
    const sourceHash = await hashFiles(files);
    const last = await this.lastImport(this.db.manager);
    const phases: ImportPhase[] = [];
    let status: TaxonomyImportResult['status'] = 'current';
    let placesChanged: string[] = [];
    let placesDeleted = 0;

    if (options.force || last?.sourceHash !== sourceHash) {
      this.log(`reading ${dataDir}${options.force ? ' (forced)' : ''}`);
      const parsed = await this.parse(files);
      const written = await this.db.transaction(async (manager) => {
        await manager.query(`select pg_advisory_xact_lock(${LOCK_KEY})`);
        // Another process may have imported the same files while this one was parsing.
        const latest = await this.lastImport(manager);
        if (!options.force && latest?.sourceHash === sourceHash) return undefined;
        return this.write(manager, parsed);
      });
      if (written) {
        status = 'imported';
        phases.push(...written.phases);
        placesChanged = written.places.changedKeys;
        placesDeleted = written.places.deleted;
      }
    }
    if (status === 'current') this.log(`taxonomy is current (import of ${last?.createdAt.toISOString() ?? '?'}, hash ${sourceHash.slice(0, 12)}); checking search indexes`);

    const search = await this.syncSearch(options.force === true, last?.createdAt ?? null, placesChanged, placesDeleted);
    const counts = await this.counts();
    const durationMs = Date.now() - started;
    if (status === 'imported') {
      const changes = { rowsInserted: sum(phases, 'inserted'), rowsUpdated: sum(phases, 'updated'), rowsDeleted: sum(phases, 'deleted') };
      await this.db.query('insert into taxonomy_import (source_hash, counts, duration_ms) values ($1, $2, $3)', [sourceHash, JSON.stringify({ ...counts, ...changes }), durationMs]);
    }
    this.log(
      `${status === 'imported' ? 'imported' : 'taxonomy is current'} in ${durationMs} ms: ` +
        Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );
    return { status, sourceHash, phases, search, counts, durationMs };
  }

  private async lastImport(manager: EntityManager): Promise<{ sourceHash: string; createdAt: Date } | undefined> {
    const rows: { source_hash: string; created_at: Date }[] = await manager.query('select source_hash, created_at from taxonomy_import order by id desc limit 1');
    return rows[0] ? { sourceHash: rows[0].source_hash, createdAt: rows[0].created_at } : undefined;
  }

  private async parse(files: TaxonomyFiles): Promise<ParsedTaxonomy> {
    const readMs: Record<string, number> = {};
    const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const t = Date.now();
      const out = await fn();
      readMs[name] = Date.now() - t;
      return out;
    };

    const official = files.skillsItOfficial ? await timed('skillsIt', () => this.italianLabels(files.skillsItOfficial!)) : new Map<string, ItalianLabels>();
    const ricarica = files.skillsItRicarica ? await timed('skillsItRicarica', () => this.italianLabels(files.skillsItRicarica!)) : new Map<string, ItalianLabels>();
    const skills = await timed('skills', () => collect(files.skills, SKILL_COLUMNS, (r) => parseSkillRow(r, official.get(r.conceptUri.trim()), ricarica.get(r.conceptUri.trim()))));
    const skillUris = new Set(skills.map((s) => s.uri));
    const italianLabels = [...new Set([...official.keys(), ...ricarica.keys()])].filter((uri) => !skillUris.has(uri)).length;

    const skillGroups = await timed('skillGroups', () => collect(files.skillGroups, SKILL_GROUP_COLUMNS, parseSkillGroupRow));
    const broader = await timed('broader', () => collect(files.broader, BROADER_COLUMNS, parseBroaderRow));

    const occupationsIt = new Map<string, Record<string, string>>();
    if (files.occupationsIt) {
      await timed('occupationsIt', async () => {
        for await (const { values } of readCsv(files.occupationsIt!, ITALIAN_OCCUPATION_COLUMNS)) occupationsIt.set(values.conceptUri.trim(), values);
      });
    }
    const occupations = await timed('occupations', () => collect(files.occupations, OCCUPATION_COLUMNS, (r) => parseOccupationRow(r, occupationsIt.get(r.conceptUri.trim()))));

    // ESCO v1.1.1 relates skills to one occupation it does not list (see data/esco/README.md): skipped.
    const occupationIds = new Set(occupations.map((o) => o.id));
    const skillIds = new Set(skills.map((s) => s.id));
    const allRelations = await timed('relations', () => collect(files.relations, RELATION_COLUMNS, parseRelationRow));
    const relations = allRelations.filter((r) => occupationIds.has(r.occupationId) && skillIds.has(r.skillId));

    const municipalities = await timed('municipalities', () => collect(files.comuni, COMUNI_COLUMNS, parseComuneRow));
    return {
      skills,
      skillGroups,
      broader,
      occupations,
      relations,
      municipalities,
      skipped: { italianLabels, relations: allRelations.length - relations.length },
      readMs,
    };
  }

  private async italianLabels(file: string): Promise<Map<string, ItalianLabels>> {
    const rows = await collect(file, ITALIAN_SKILL_COLUMNS, parseItalianLabels);
    return new Map(rows.map((r) => [r.uri, r]));
  }

  private async write(manager: EntityManager, parsed: ParsedTaxonomy): Promise<{ phases: ImportPhase[]; places: WriteCounts }> {
    const phases: ImportPhase[] = [];
    const phase = async (name: string, readMs: number, skipped: number, fn: () => Promise<WriteCounts>): Promise<WriteCounts> => {
      const t = Date.now();
      const c = await fn();
      const p: ImportPhase = { name, read: c.read, inserted: c.inserted, updated: c.updated, deleted: c.deleted, skipped, ms: readMs + Date.now() - t };
      phases.push(p);
      this.log(
        `${name.padEnd(18)} read ${String(p.read).padStart(6)}  inserted ${String(p.inserted).padStart(6)}  updated ${String(p.updated).padStart(6)}  ` +
          `deleted ${String(p.deleted).padStart(5)}${skipped ? `  skipped ${skipped}` : ''}  ${p.ms} ms`,
      );
      return c;
    };
    const ms = parsed.readMs;
    await phase('skill groups', ms.skillGroups, 0, () => upsertRows(manager, SKILL_GROUP_TABLE, parsed.skillGroups));
    await phase('skills', ms.skills + (ms.skillsIt ?? 0) + (ms.skillsItRicarica ?? 0), parsed.skipped.italianLabels, () => upsertRows(manager, SKILL_TABLE, parsed.skills));
    await phase('skill broader', ms.broader, 0, () => replaceRows(manager, BROADER_TABLE, parsed.broader));
    await phase('occupations', ms.occupations + (ms.occupationsIt ?? 0), 0, () => upsertRows(manager, OCCUPATION_TABLE, parsed.occupations));
    await phase('occupation skills', ms.relations, parsed.skipped.relations, () => replaceRows(manager, OCCUPATION_SKILL_TABLE, parsed.relations));
    const places = await phase('municipalities', ms.municipalities, 0, () => replaceRows(manager, MUNICIPALITY_TABLE, parsed.municipalities));
    return { phases, places };
  }

  private async syncSearch(full: boolean, since: Date | null, placesChanged: string[], placesDeleted: number): Promise<SyncReport[]> {
    const [skillIds, occupationIds] = await Promise.all([this.search.changedSince('skill', since), this.search.changedSince('occupation', since)]);
    const reports = [
      await this.search.skills({ full, changedIds: skillIds }),
      await this.search.occupations({ full, changedIds: occupationIds }),
      await this.search.places({ full: full || placesDeleted > 0, changedIds: placesChanged }),
    ];
    for (const r of reports) {
      this.log(
        `search ${r.uid.padEnd(24)} ${r.mode.padEnd(7)} sent ${String(r.sent).padStart(6)}  deleted ${String(r.deleted).padStart(4)}  documents ${r.documents}` +
          `${r.created ? '  (created)' : ''}${r.settingsUpdated ? '  (settings updated)' : ''}  ${r.ms} ms`,
      );
    }
    return reports;
  }

  private async counts(): Promise<Record<string, number>> {
    const [row] = await this.db.query(`
      select (select count(*) from skill)::int as skills,
             (select count(*) from skill where label_it_source = 'esco')::int as "skillsItalianEsco",
             (select count(*) from skill where label_it_source = 'ricarica')::int as "skillsItalianRicarica",
             (select count(*) from skill_group)::int as "skillGroups",
             (select count(*) from skill_broader)::int as "skillBroader",
             (select count(*) from occupation)::int as occupations,
             (select count(*) from occupation where label_it is not null)::int as "occupationsItalian",
             (select count(*) from occupation_skill)::int as "occupationSkills",
             (select count(*) from municipality)::int as municipalities`);
    return row;
  }
}

function sum(phases: ImportPhase[], key: 'inserted' | 'updated' | 'deleted'): number {
  return phases.reduce((n, p) => n + p[key], 0);
}

/** Reads a whole file through `parse`, naming the file and line of the first bad row. */
async function collect<T>(file: string, columns: readonly string[], parse: (row: Record<string, string>) => T): Promise<T[]> {
  const out: T[] = [];
  for await (const { values, line } of readCsv(file, columns)) {
    try {
      out.push(parse(values));
    } catch (e) {
      throw new ImportDataError(`${file}:${line}: ${(e as Error).message}`);
    }
  }
  return out;
}
