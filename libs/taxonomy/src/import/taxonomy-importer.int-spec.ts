import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@ricarica/config';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { IndexNames } from '@ricarica/search';
import { TaxonomySearchSync } from '../indexing/taxonomy-search-sync';
import { TaxonomyImporter, TaxonomyImportResult } from './taxonomy-importer';

// Own database and index prefix: other int specs and the demo are never touched.
const DATABASE_URL = process.env.TAXONOMY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica_test_taxonomy';
const FIXTURES = join(__dirname, '__fixtures__', 'data');

const TIG = 'a51adea8-bf02-488a-a0d8-b0961caca5b0';
const FORKLIFT = '28cb374e-6261-4133-8371-f9a5470145da';
const ELECTRICAL = '3e40c7d0-0e36-4b33-bc33-0aa87eda0561';
const WELDER = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';

const phase = (r: TaxonomyImportResult, name: string) => r.phases.find((p) => p.name === name)!;
const changes = (r: TaxonomyImportResult) => r.phases.reduce((n, p) => n + p.inserted + p.updated + p.deleted, 0);

async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}


describe('TaxonomyImporter (PostgreSQL + Meilisearch)', () => {
  const config = loadConfig(process.env);
  const meili = new Meilisearch({ host: config.meili.url, apiKey: config.meili.masterKey });
  const names = new IndexNames(`t_taxo_${randomBytes(3).toString('hex')}_`);
  let db: DataSource;
  let dataDir: string;
  let importer: TaxonomyImporter;

  beforeAll(async () => {
    await dropDatabase(DATABASE_URL);
    await migrate(DATABASE_URL);
    db = await new DataSource(dataSourceOptions(DATABASE_URL)).initialize();
    dataDir = mkdtempSync(join(tmpdir(), 'taxonomy-fixtures-'));
    cpSync(FIXTURES, dataDir, { recursive: true });
    importer = new TaxonomyImporter(db, meili, names);
  });

  afterAll(async () => {
    for (const uid of [names.skills, names.occupations, names.places]) await meili.deleteIndex(uid).waitTask().catch(() => undefined);
    await db?.destroy();
    await dropDatabase(DATABASE_URL);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const edit = (file: string, change: (text: string) => string) => {
    const path = join(dataDir, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };

  it('imports every table from the files, skipping relations of the occupation ESCO does not list', async () => {
    const result = await importer.run({ dataDir });

    expect(result.status).toBe('imported');
    expect(result.counts).toEqual({
      skills: 5,
      skillsItalianEsco: 0,
      skillsItalianRicarica: 3,
      skillGroups: 4,
      skillBroader: 6,
      occupations: 3,
      occupationsItalian: 2,
      occupationSkills: 6,
      municipalities: 8,
    });
    expect(phase(result, 'occupation skills')).toMatchObject({ read: 6, inserted: 6, skipped: 1 });
    expect(phase(result, 'skills')).toMatchObject({ read: 5, inserted: 5, skipped: 1 });
    const [row] = await db.query(`select source_hash, counts from taxonomy_import order by id desc limit 1`);
    expect(row.source_hash).toBe(result.sourceHash);
    expect(row.counts).toMatchObject({ skills: 5, rowsInserted: 32 });
  });

  it('stores trimmed labels, Italian labels with their source, and null for empty values', async () => {
    const [forklift] = await db.query(`select label_it, alt_labels_it, label_it_source from skill where id = $1`, [FORKLIFT]);
    expect(forklift).toEqual({
      label_it: 'guidare il carrello elevatore',
      alt_labels_it: ['carrellista', 'mulettista', 'muletto', 'patentino carrello elevatore'],
      label_it_source: 'ricarica',
    });
    const [electrical] = await db.query(`select label_it, label_it_source, reuse_level from skill where id = $1`, [ELECTRICAL]);
    expect(electrical).toEqual({ label_it: null, label_it_source: null, reuse_level: null });
    const [padded] = await db.query(`select label_en from skill where uri like '%3c84f7d9-7a3e-4343-814f-31de0aa61651'`);
    expect(padded.label_en).toBe('conduct forklift inspections');
    const [broader] = await db.query(`select concept_type, broader_type from skill_broader where concept_uri like '%3c84f7d9%'`);
    expect(broader).toEqual({ concept_type: 'Skill', broader_type: 'Skill' });
  });

  it('feeds the three search indexes', async () => {
    const skills = await meili.index(names.skills).search('carellista');
    expect(skills.hits.map((h) => h.id)).toEqual([FORKLIFT]);
    expect(skills.hits[0]).toMatchObject({ labelIt: 'guidare il carrello elevatore', labelItSource: 'ricarica', skillType: 'skill/competence' });
    const occupations = await meili.index(names.occupations).search('saldatore');
    expect(occupations.hits[0]).toMatchObject({ id: WELDER, iscoGroup: '7212', code: '7212.3' });
    const places = await meili.index(names.places).search('Torno');
    expect(places.hits.map((h) => h.name)).toEqual(expect.arrayContaining(['Torno', 'Torino']));
  });

  it('changes nothing on a second run, and says the taxonomy is current', async () => {
    const before = await db.query(`select id, updated_at from skill order by id`);
    const lines: string[] = [];
    const result = await new TaxonomyImporter(db, meili, names, (l) => lines.push(l)).run({ dataDir });

    expect(result.status).toBe('current');
    expect(result.phases).toEqual([]);
    expect(result.search.map((s) => s.mode)).toEqual(['none', 'none', 'none']);
    expect(lines.join('\n')).toContain('taxonomy is current');
    expect(await db.query(`select id, updated_at from skill order by id`)).toEqual(before);
    expect(Number((await db.query(`select count(*) from taxonomy_import`))[0].count)).toBe(1);
  });

  it('changes no rows when forced over unchanged files, but re-sends every document', async () => {
    const result = await importer.run({ dataDir, force: true });

    expect(result.status).toBe('imported');
    expect(changes(result)).toBe(0);
    expect(result.search.map((s) => s.mode)).toEqual(['full', 'full', 'full']);
  });

  it('updates a changed label in place and re-sends only that document', async () => {
    edit('esco/skills_en.csv', (t) => t.replace(',perform tungsten inert gas welding,', ',perform TIG welding,'));
    const result = await importer.run({ dataDir });

    expect(result.status).toBe('imported');
    expect(phase(result, 'skills')).toMatchObject({ inserted: 0, updated: 1 });
    expect(changes(result)).toBe(1);
    expect(result.search[0]).toMatchObject({ mode: 'changed', sent: 1 });
    const [tig] = await db.query(`select id, label_en from skill where uri like $1`, [`%${TIG}`]);
    expect(tig).toEqual({ id: TIG, label_en: 'perform TIG welding' });
    expect((await meili.index(names.skills).getDocument(TIG)).labelEn).toBe('perform TIG welding');
  });

  it('replaces relations set-wise: removed ones are deleted, changed ones updated', async () => {
    edit('esco/occupationSkillRelations.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !l.includes(`${WELDER},essential,skill/competence,http://data.europa.eu/esco/skill/${TIG}`))
        .join('\n')
        .replace(`${WELDER},optional`, `${WELDER},essential`),
    );
    const result = await importer.run({ dataDir });

    expect(phase(result, 'occupation skills')).toMatchObject({ read: 5, inserted: 0, updated: 1, deleted: 1 });
    const rows = await db.query(`select skill_id, relation_type from occupation_skill where occupation_id = $1 order by skill_id`, [WELDER]);
    expect(rows).toEqual([
      { skill_id: FORKLIFT, relation_type: 'essential' },
      { skill_id: '60ff3eac-7d4d-4e51-87b8-74c3b5d62498', relation_type: 'essential' },
    ]);
  });

  it("lets ESCO's official Italian labels win over Ricarica's translation", async () => {
    writeFileSync(
      join(dataDir, 'esco/it/skills_it.csv'),
      'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels\n' +
        `KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/${FORKLIFT},skill/competence,cross-sector,utilizzare un carrello elevatore,"condurre un carrello elevatore\nguidare un muletto"\n` +
        `KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/${ELECTRICAL},knowledge,cross-sector,ingegneria elettrica,\n`,
    );
    const result = await importer.run({ dataDir });

    expect(phase(result, 'skills')).toMatchObject({ updated: 2 });
    expect(result.counts).toMatchObject({ skillsItalianEsco: 2, skillsItalianRicarica: 2 });
    const rows = await db.query(`select id, label_it, alt_labels_it, label_it_source from skill where id = any($1) order by id`, [[FORKLIFT, ELECTRICAL, TIG]]);
    expect(rows).toEqual([
      { id: FORKLIFT, label_it: 'utilizzare un carrello elevatore', alt_labels_it: ['condurre un carrello elevatore', 'guidare un muletto'], label_it_source: 'esco' },
      { id: ELECTRICAL, label_it: 'ingegneria elettrica', alt_labels_it: [], label_it_source: 'esco' },
      { id: TIG, label_it: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno', alt_labels_it: expect.any(Array), label_it_source: 'ricarica' },
    ]);
    const hits = await meili.index(names.skills).search('ingegneria eletrica');
    expect(hits.hits[0]).toMatchObject({ id: ELECTRICAL, labelItSource: 'esco' });
  });

  it('rebuilds an empty index (a fresh Meilisearch) even when the taxonomy is current', async () => {
    await meili.deleteIndex(names.places).waitTask();
    const result = await importer.run({ dataDir });

    expect(result.status).toBe('current');
    expect(result.search[2]).toMatchObject({ mode: 'full', created: true, sent: 8 });
    expect((await meili.index(names.places).getStats()).numberOfDocuments).toBe(8);
  });

  it('reindexes skills from PostgreSQL, removing documents of skills it does not hold (the reindex job)', async () => {
    const stale = '00000000-0000-4000-8000-0000000000aa';
    await meili.index(names.skills).addDocuments([{ id: stale, uri: 'x', labelEn: 'stale', altLabelsEn: [], labelIt: null, altLabelsIt: [] }]).waitTask();
    const report = await new TaxonomySearchSync(db, meili, names).skills({ full: true });

    expect(report).toMatchObject({ mode: 'full', sent: 5, deleted: 1, documents: 5 });
    expect((await meili.index(names.skills).getStats()).numberOfDocuments).toBe(5);
  });

  it('refuses a malformed file, naming it and the line, and writes nothing', async () => {
    const before = await db.query(`select count(*)::int as n from taxonomy_import`);
    edit('istat/comuni.csv', (t) => t.replace('001272,Torino,L219,001,TO', '1272,Torino,L219,001,TO'));

    await expect(importer.run({ dataDir })).rejects.toThrow(/comuni\.csv:\d+: istat_code "1272"/);
    expect(await db.query(`select count(*)::int as n from taxonomy_import`)).toEqual(before);
  });
});
