// Generates the benchmark's catalog from the ESCO data in PostgreSQL: courses and vacancies on real
// occupations and their essential/optional skills, in the automotive regions' municipalities.
// Deterministic for a given seed (ids aside). Written straight to PostgreSQL in large batches.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { DataSource } from 'typeorm';

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

interface Occupation {
  id: string;
  labelIt: string | null;
  labelEn: string;
  essential: string[];
  optional: string[];
}

interface Municipality {
  code: string;
  name: string;
  province: string;
  region: string;
  lat: number;
  lng: number;
}

export interface GenerateReport {
  providers: number;
  employers: number;
  courses: number;
  publishedCourses: number;
  vacancies: number;
  openVacancies: number;
  courseSkills: number;
  requirements: number;
  sessions: number;
  ms: number;
}

/** Automotive regions (NUTS-2) and their hubs, where most of the generated offers are. */
const HUBS: { region: string; city: string }[] = [
  { region: 'ITC1', city: 'Torino' }, { region: 'ITC4', city: 'Milano' }, { region: 'ITH5', city: 'Modena' }, { region: 'ITH5', city: 'Bologna' },
  { region: 'ITF3', city: 'Napoli' }, { region: 'ITF5', city: 'Melfi' }, { region: 'ITI4', city: 'Cassino' }, { region: 'ITF1', city: 'Chieti' },
  { region: 'ITH3', city: 'Verona' }, { region: 'ITC4', city: 'Brescia' },
];
const FUNDING = ['GOL', 'FSE+', 'fondi_interprofessionali', 'regional', 'employer'] as const;
const PROVIDER_WORDS = ['Enaip', 'CIOFS-FP', 'Engim', 'CNOS-FAP', 'Fondazione ITS', 'Afol', 'Galdus', 'Scuola Camerana', 'Cisita', 'IAL', 'Ecipa', 'Formedil'];
const COMPANY_STEMS = ['Meccanica', 'Componenti', 'Elettronica', 'Automazione', 'Batterie', 'Stampaggio', 'Powertrain', 'Cablaggi', 'Semiconduttori', 'Logistica'];
const COMPANY_PLACES = ['Subalpina', 'Canavese', 'del Po', 'Lombarda', 'Brianza', 'Padana', 'Emiliana', 'Partenopea', 'Lucana', 'Ciociara', 'Frentana', 'Scaligera'];
const COURSE_TITLES_IT = ['Corso per {o}', 'Diventare {o}', 'Riqualificazione: {o}', '{s}: corso pratico', '{s} – livello avanzato', 'Percorso {o}'];
const COURSE_TITLES_EN = ['{S} course', 'Training for {O}', '{S}: hands-on'];
const CONTRACTS = ['permanent', 'permanent', 'permanent', 'fixed_term', 'fixed_term', 'apprenticeship', 'temporary'] as const;

/** "saldatore/saldatrice" → "saldatore". */
const firstForm = (label: string) => label.split('/')[0].trim();
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

async function automotiveOccupationIds(dataDir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const parser = createReadStream(path.join(dataDir, 'esco', 'automotive', 'occupations.csv.gz')).pipe(createGunzip()).pipe(parse({ columns: true, bom: true }));
  for await (const row of parser) ids.add(String((row as { conceptUri: string }).conceptUri).split('/').pop()!);
  return ids;
}

async function loadTaxonomy(db: DataSource) {
  const occupations: Occupation[] = (
    await db.query(`
      select o.id, o.label_it, o.label_en,
             array_agg(os.skill_id) filter (where os.relation_type = 'essential') as essential,
             coalesce(array_agg(os.skill_id) filter (where os.relation_type = 'optional'), '{}') as optional
        from occupation o join occupation_skill os on os.occupation_id = o.id
       group by o.id having count(*) filter (where os.relation_type = 'essential') >= 3`)
  ).map((r: { id: string; label_it: string | null; label_en: string; essential: string[]; optional: string[] }) => ({
    id: r.id, labelIt: r.label_it, labelEn: r.label_en, essential: r.essential, optional: r.optional,
  }));
  const skills = new Map<string, { it: string | null; en: string }>(
    (await db.query(`select id, label_it, label_en from skill`)).map((r: { id: string; label_it: string | null; label_en: string }) => [r.id, { it: r.label_it, en: r.label_en }]),
  );
  const municipalities: Municipality[] = (
    await db.query(`select istat_code, name, province, region, lat, lng from municipality where region = any($1)`, [[...new Set(HUBS.map((h) => h.region))]])
  ).map((r: { istat_code: string; name: string; province: string; region: string; lat: number; lng: number }) => ({
    code: r.istat_code, name: r.name, province: r.province, region: r.region, lat: r.lat, lng: r.lng,
  }));
  return { occupations, skills, municipalities };
}

async function insertBatches(db: DataSource, rows: unknown[][], sql: string, batch = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = rows[0].length;
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    const params = Array.from({ length: columns }, (_, c) => slice.map((r) => r[c]));
    await db.query(sql, params);
  }
}

/** Empties the catalog, then writes `courses` courses and `vacancies` vacancies. */
export async function generateCatalog(db: DataSource, dataDir: string, sizes: { courses: number; vacancies: number }, seed = 20261123): Promise<GenerateReport> {
  const started = Date.now();
  const rng = new Rng(seed);
  const { occupations, skills, municipalities } = await loadTaxonomy(db);
  const automotive = await automotiveOccupationIds(dataDir);
  const auto = occupations.filter((o) => automotive.has(o.id));
  const byName = new Map(municipalities.map((m) => [m.name, m]));
  const hubs = HUBS.map((h) => byName.get(h.city)).filter((m): m is Municipality => !!m);
  const place = () => (rng.chance(0.35) ? rng.pick(hubs) : rng.pick(municipalities));
  const occupation = () => (rng.chance(0.6) ? rng.pick(auto) : rng.pick(occupations));
  const label = (id: string, lang: 'it' | 'en') => (lang === 'it' ? (skills.get(id)?.it ?? skills.get(id)!.en) : skills.get(id)!.en);
  const day = 86_400_000;
  const now = Date.now();

  await db.query(`truncate provider, employer, outbox cascade`);

  const providers = Array.from({ length: Math.max(1, Math.round(sizes.courses / 60)) }, (_, i) => {
    const site = place();
    return [randomUUID(), `${rng.pick(PROVIDER_WORDS)} ${site.name} ${i + 1}`, JSON.stringify([{ name: 'Sede', lat: site.lat, lng: site.lng, municipality: site.name, municipalityCode: site.code, province: site.province, region: site.region }])];
  });
  await insertBatches(db, providers, `insert into provider (id, name, sites) select * from unnest($1::uuid[], $2::text[], $3::jsonb[])`);

  const courseRows: unknown[][] = [];
  const courseSkills: unknown[][] = [];
  const sessions: unknown[][] = [];
  let published = 0;
  for (let i = 0; i < sizes.courses; i++) {
    const o = occupation();
    const id = randomUUID();
    const taught = rng.sample(o.essential, rng.int(3, 6));
    const english = rng.chance(0.15);
    const occ = english ? o.labelEn : firstForm(o.labelIt ?? o.labelEn);
    const template = english ? rng.pick(COURSE_TITLES_EN) : rng.pick(COURSE_TITLES_IT);
    const title = cap(template.replace('{o}', occ).replace('{O}', occ).replace('{s}', label(taught[0], english ? 'en' : 'it')).replace('{S}', cap(label(taught[0], 'en')))).slice(0, 200);
    const mode = rng.pick(['in_person', 'in_person', 'in_person', 'blended', 'online'] as const);
    const at = mode === 'online' ? null : place();
    const hours = rng.pick([24, 40, 60, 80, 120, 160, 200, 300, 400]);
    const funded = rng.chance(0.7);
    const status = rng.chance(0.95) ? 'published' : 'draft';
    if (status === 'published') published++;
    const description = english
      ? `Training towards ${o.labelEn}: ${taught.map((s) => label(s, 'en')).join(', ')}.`
      : `Percorso formativo verso ${occ}: ${taught.map((s) => label(s, 'it')).join(', ')}.${at ? ` Sede: ${at.name}.` : ' Interamente online.'}`;
    courseRows.push([
      id, rng.pick(providers)[0], title, description, english ? 'en' : 'it', mode, hours, funded ? 0 : rng.int(3, 40) * 50,
      `{${funded ? rng.sample(FUNDING, rng.int(1, 2)).map((f) => `"${f}"`).join(',') : '"none"'}}`, rng.int(2, 6), status,
      at?.lat ?? null, at?.lng ?? null, at?.name ?? null, at?.code ?? null, at?.province ?? null, at?.region ?? null,
    ]);
    for (const [k, s] of taught.entries()) courseSkills.push([id, s, k === 0 ? 3 : rng.int(1, 3)]);
    for (let n = rng.int(0, 3), k = 0; k < n; k++) {
      const start = now + (rng.int(3, 240) + k * 45) * day;
      sessions.push([id, new Date(start), new Date(start + Math.ceil(hours / 20) * 7 * day), rng.int(8, 25)]);
    }
  }
  await insertBatches(
    db,
    courseRows,
    `insert into course (id, provider_id, title, description, language, mode, hours, cost_eur, funding, eqf_level, status,
                         location_lat, location_lng, location_municipality, location_municipality_code, location_province, location_region)
     select id, p, t, d, l, m, h, c, f::varchar[], e, s, la, ln, mu, mc, pr, rg
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::numeric[], $9::text[], $10::smallint[],
                   $11::text[], $12::float8[], $13::float8[], $14::text[], $15::text[], $16::text[], $17::text[])
         as t(id, p, t, d, l, m, h, c, f, e, s, la, ln, mu, mc, pr, rg)`,
  );
  await insertBatches(db, courseSkills, `insert into course_skill (course_id, skill_id, target_level) select * from unnest($1::uuid[], $2::uuid[], $3::smallint[])`, 20000);
  await insertBatches(db, sessions, `insert into course_session (course_id, starts_at, ends_at, seats) select * from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::int[])`, 20000);

  const employers = Array.from({ length: Math.max(1, Math.round(sizes.vacancies / 40)) }, (_, i) => [
    randomUUID(), `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_PLACES)} ${i + 1} ${rng.pick(['S.p.A.', 'S.r.l.'])}`, `BENCH${String(i).padStart(9, '0')}`,
  ]);
  await insertBatches(db, employers, `insert into employer (id, name, vat_number) select * from unnest($1::uuid[], $2::text[], $3::text[])`);

  const vacancyRows: unknown[][] = [];
  const requirements: unknown[][] = [];
  let open = 0;
  for (let i = 0; i < sizes.vacancies; i++) {
    const o = occupation();
    const id = randomUUID();
    const employer = rng.pick(employers);
    const essential = rng.sample(o.essential, rng.int(4, 8));
    const optional = rng.sample(o.optional.filter((s) => !essential.includes(s)), rng.int(0, 3));
    const english = rng.chance(0.2);
    const title = cap(english ? o.labelEn : firstForm(o.labelIt ?? o.labelEn)).slice(0, 200);
    const remote = rng.chance(0.06);
    const at = remote && rng.chance(0.5) ? null : place();
    const salary = rng.chance(0.8) ? rng.int(22, 45) * 1000 : null;
    const status = rng.chance(0.95) ? 'open' : rng.pick(['draft', 'closed']);
    if (status === 'open') open++;
    vacancyRows.push([
      id, employer[0], title,
      `${employer[1]} cerca ${firstForm(o.labelIt ?? o.labelEn)}${at ? ` per il sito di ${at.name}` : ' da remoto'}. Requisiti: ${essential.map((s) => label(s, 'it')).join(', ')}.`,
      o.id, remote, rng.pick(CONTRACTS), salary, salary === null ? null : salary + rng.int(2, 12) * 1000, rng.int(1, 6), status,
      rng.chance(0.8) ? new Date(now + rng.int(10, 180) * day) : null,
      at?.lat ?? null, at?.lng ?? null, at?.name ?? null, at?.code ?? null, at?.province ?? null, at?.region ?? null,
    ]);
    for (const s of essential) requirements.push([id, s, 'essential', rng.pick([1, 2, 2, 2, 3])]);
    for (const s of optional) requirements.push([id, s, 'optional', rng.int(1, 2)]);
  }
  await insertBatches(
    db,
    vacancyRows,
    `insert into vacancy (id, employer_id, title, description, occupation_id, remote, contract_type, salary_min_eur, salary_max_eur, openings, status, expires_at,
                          location_lat, location_lng, location_municipality, location_municipality_code, location_province, location_region)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::bool[], $7::text[], $8::int[], $9::int[], $10::int[], $11::text[],
                          $12::timestamptz[], $13::float8[], $14::float8[], $15::text[], $16::text[], $17::text[], $18::text[])`,
  );
  await insertBatches(db, requirements, `insert into vacancy_requirement (vacancy_id, skill_id, importance, min_level) select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[])`, 20000);
  await db.query(`analyze course; analyze course_skill; analyze course_session; analyze vacancy; analyze vacancy_requirement`);

  return {
    providers: providers.length,
    employers: employers.length,
    courses: courseRows.length,
    publishedCourses: published,
    vacancies: vacancyRows.length,
    openVacancies: open,
    courseSkills: courseSkills.length,
    requirements: requirements.length,
    sessions: sessions.length,
    ms: Date.now() - started,
  };
}
