// `node dist/scripts/search-synonyms-report.js`: how much the ESCO synonyms add to course and vacancy search,
// measured on the demo data set (scripts/demo). Loads the demo courses and vacancies through the API (in
// process) into a database of its own (ricarica_synonyms), builds the indexes, copies each into a twin
// without synonyms, and for a few queries counts the relevant documents found with and without them.
// A document is relevant when one of its skills (taught or required) or its occupation has a label, in
// either language, preferred or alternative, matching the query's topic. Cleans up after itself.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AccountsService } from '@ricarica/accounts';
import { CatalogIndexer, readConceptLabels } from '@ricarica/catalog-search';
import { dataSourceOptions, migrate } from '@ricarica/database';
import { buildSynonyms, DEFAULT_SYNONYM_OPTIONS, IndexNames } from '@ricarica/search';
import { hashFiles, locateFiles, TaxonomyImporter } from '@ricarica/taxonomy';
import { createApiApp } from '../apps/api/src/api-app';
import { buildDemoPopulation } from './demo/demo-population';
import { readDemoOccupations, readMunicipalities } from './demo/demo-source';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const ROOT = findRoot(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMeilisearch, freePort } = require(path.join(ROOT, 'scripts', 'meilisearch.js')) as typeof import('./meilisearch');

interface Example {
  index: 'courses' | 'vacancies';
  q: string;
  /** The topic, as a pattern over skill and occupation labels of both languages. */
  topic: RegExp;
}

const EXAMPLES: Example[] = [
  { index: 'courses', q: 'saldatura', topic: /weld|sald|solder|brasat/i },
  { index: 'courses', q: 'welding', topic: /weld|sald|solder|brasat/i },
  { index: 'courses', q: 'batterie', topic: /batter/i },
  { index: 'courses', q: 'battery', topic: /batter/i },
  { index: 'courses', q: 'meccatronica', topic: /mechatron|meccatron/i },
  { index: 'courses', q: 'mechatronics', topic: /mechatron|meccatron/i },
  { index: 'vacancies', q: 'saldatore', topic: /weld|sald/i },
  { index: 'vacancies', q: 'welder', topic: /weld|sald/i },
  { index: 'vacancies', q: 'elettricista', topic: /electric|elettric/i },
  { index: 'vacancies', q: 'manutenzione', topic: /mainten|manuten/i },
];

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica');
  databaseUrl.pathname = '/ricarica_synonyms';
  const url = databaseUrl.toString();
  const masterKey = `syn-${randomBytes(12).toString('hex')}`;
  const dataDir = path.join(ROOT, 'tmp', 'meili-synonyms');
  const meiliProcess = await startMeilisearch({ dataDir, masterKey, port: await freePort(), logFile: `${dataDir}.log` });
  const meili = new Meilisearch({ host: meiliProcess.url, apiKey: masterKey, timeout: 120_000 });
  const names = new IndexNames('syn_');
  let db: DataSource | undefined;
  try {
    await migrate(url);
    db = new DataSource(dataSourceOptions(url));
    await db.initialize();
    const [last] = await db.query(`select source_hash from taxonomy_import order by id desc limit 1`);
    if (last?.source_hash !== (await hashFiles(locateFiles(path.join(ROOT, 'data'))))) {
      console.log('importing the ESCO taxonomy (once)…');
      await new TaxonomyImporter(db, meili, names, () => undefined).run({ dataDir: path.join(ROOT, 'data') });
    }
    await db.query(`truncate provider, employer, worker, outbox cascade`);

    const env = {
      DATABASE_URL: url, MEILI_URL: meiliProcess.url, MEILI_MASTER_KEY: masterKey, MEILI_INDEX_PREFIX: 'syn_', LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `rsyn${randomBytes(3).toString('hex')}`, RATE_LIMIT_PER_MINUTE: '1000000', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1',
    };
    const app = await createApiApp(env);
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const email = `synonyms-${randomBytes(4).toString('hex')}@example.it`;
    const password = `Synonyms-${randomBytes(8).toString('hex')}`;
    await app.get(AccountsService).createAdmin({ email, password, displayName: 'Synonyms report' });
    const login = await fastify.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const headers = { authorization: `Bearer ${JSON.parse(login.body).accessToken}` };
    const post = async (route: string, body: unknown) => {
      const res = await fastify.inject({ method: 'POST', url: `/api/v1/${route}`, payload: body as never, headers });
      if (res.statusCode !== 201) throw new Error(`POST ${route}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body) as { id: string };
    };
    const population = buildDemoPopulation(await readDemoOccupations(path.join(ROOT, 'data')), await readMunicipalities(path.join(ROOT, 'data')), new Date());
    for (const { vacancies, ...employer } of population.employers) {
      const { id } = await post('employers', employer);
      for (const v of vacancies) await post('vacancies', { ...v, employerId: id });
    }
    for (const { courses, ...provider } of population.providers) {
      const { id } = await post('providers', provider);
      for (const c of courses) await post('courses', { ...c, providerId: id });
    }
    await app.close();

    const indexer = new CatalogIndexer(db, meili, names);
    const concepts = await readConceptLabels(db);
    const variants: Record<string, Record<string, string[]>> = {
      default: buildSynonyms(concepts),
      loose: buildSynonyms(concepts, { ...DEFAULT_SYNONYM_OPTIONS, minSupport: 1 }),
      none: {},
    };
    const counts: Record<string, number> = {};
    for (const index of ['courses', 'vacancies'] as const) {
      const report = await indexer.reindex(index);
      counts[index] = report.documents;
      // Twins: same settings and documents, other synonyms.
      const spec = await indexer.spec(index);
      const docs = (await meili.index(spec.uid).getDocuments({ limit: 10_000 })).results;
      for (const [variant, synonyms] of Object.entries(variants)) {
        const twin = `${spec.uid}_${variant}`;
        await meili.tasks.waitForTask((await meili.createIndex(twin, { primaryKey: 'id' })).taskUid);
        await meili.tasks.waitForTask((await meili.index(twin).updateSettings({ ...spec.settings, synonyms })).taskUid, { timeout: 120_000 });
        await meili.tasks.waitForTask((await meili.index(twin).addDocuments(docs, { primaryKey: 'id' })).taskUid, { timeout: 120_000 });
      }
    }

    console.log(`demo data: ${counts.courses} published courses, ${counts.vacancies} open vacancies`);
    console.log(`synonym terms: default ${Object.keys(variants.default).length}, loose (one concept is enough) ${Object.keys(variants.loose).length}\n`);
    console.log('| Query | Index | Relevant | Default synonyms: relevant / found | Loose synonyms | No synonyms | Default synonyms of the query |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
    for (const ex of EXAMPLES) {
      const labelsOf: { id: string; labels: string }[] = await db.query(
        ex.index === 'courses'
          ? `select c.id, string_agg(concat_ws(' ', s.label_en, s.label_it, array_to_string(s.alt_labels_en, ' '), array_to_string(s.alt_labels_it, ' ')), ' ') as labels
               from course c join course_skill cs on cs.course_id = c.id join skill s on s.id = cs.skill_id where c.status = 'published' group by c.id`
          : `select v.id, concat_ws(' ', string_agg(concat_ws(' ', s.label_en, s.label_it, array_to_string(s.alt_labels_en, ' '), array_to_string(s.alt_labels_it, ' ')), ' '),
                    max(concat_ws(' ', o.label_en, o.label_it, array_to_string(o.alt_labels_en, ' '), array_to_string(o.alt_labels_it, ' ')))) as labels
               from vacancy v join vacancy_requirement r on r.vacancy_id = v.id join skill s on s.id = r.skill_id left join occupation o on o.id = v.occupation_id
              where v.status = 'open' group by v.id`,
      );
      const relevant = new Set(labelsOf.filter((r) => ex.topic.test(r.labels)).map((r) => r.id));
      const cell = async (variant: string) => {
        const ids = (await meili.index(`${names[ex.index]}_${variant}`).search(ex.q, { limit: 1000, attributesToRetrieve: ['id'] })).hits.map((h) => String(h.id));
        return `${ids.filter((id) => relevant.has(id)).length} / ${ids.length}`;
      };
      console.log(
        `| ${ex.q} | ${ex.index} | ${relevant.size} | ${await cell('default')} | ${await cell('loose')} | ${await cell('none')} | ${(variants.default[ex.q] ?? []).join(', ') || '—'} |`,
      );
    }
  } finally {
    await db?.destroy();
    await meiliProcess.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.log`, { force: true });
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`drop database if exists ricarica_synonyms with (force)`).finally(() => client.end());
  }
}

main().catch((e: Error) => {
  console.error(`synonyms report failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
