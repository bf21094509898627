import { Client } from 'pg';
import { DEMO_EMAIL_DOMAIN, partitaIva } from './demo-population';
import { DemoMunicipality, readMunicipalities } from './demo-source';
import { Rng } from './rng';

// The demo's whole-plant intake: a components plant near Turin closing, its workforce as the plant's
// HR office would export it (Italian headers, semicolons, payslip job titles), uploaded through the API.
// The member generator is shared with `npm run bench:intake`, which uploads 5,000 of them.

export const DEMO_COHORT_NAME = 'Chiusura stabilimento di Rivalta – Sangone Componenti';
/** The plant's HR office: an employer account that made the cohort (demo password). */
export const DEMO_COHORT_EMPLOYER_EMAIL = `personale.sangone@${DEMO_EMAIL_DOMAIN}`;

const PLANT = { municipality: 'Rivalta di Torino', province: 'TO', name: 'Stabilimento di Rivalta (sospensioni e componenti freno)' };

/**
 * Job titles of a chassis and powertrain components supplier as payslips write them, by department, with
 * their weight in the workforce. Most map to an ESCO occupation with confidence; some ("manutentore
 * elettromeccanico", "capoturno di produzione", "sbavatore") are left for a person to confirm, as in real exports.
 */
const PLANT_ROLES: readonly (readonly [readonly string[], number])[] = [
  [['addetto al montaggio componenti auto', 'montatore componenti veicoli', 'assemblatore meccanico', 'montatore metalmeccanico', 'operatore catena di montaggio automatizzata'], 26],
  [['operaio saldatore', 'saldatore a filo', 'saldatore TIG acciaio inox', 'saldatrice MIG/MAG', 'addetta alla saldatura a punti'], 13],
  [['operatore saldatura robotizzata', 'conduttore di impianti robotizzati'], 7],
  [['operatore macchine CNC', 'operatrice CNC', 'tornitrice CNC', 'operatore fresatrice', 'operatore rettificatrice', 'tornitore'], 14],
  [['operatore pressa stampatrice', 'addetto alle presse per metalli', 'lamierista', 'costruttore di stampi'], 9],
  [['carrellista', 'operatore muletto', 'operatrice carrelli elevatori'], 6],
  [['magazziniere', 'magazziniera', 'magazziniere addetto alla preparazione degli ordini'], 5],
  [['manutentore elettromeccanico', 'manutentore meccanico macchinari industriali', 'elettricista industriale', 'meccanico industriale'], 6],
  [['addetto controllo qualità prodotti', 'operatrice controllo qualità', 'ispettrice controllo qualità prodotti di metallo', 'tecnico della qualità', 'tecnico di metrologia'], 6],
  [['collaudatore motori', 'tecnico taratore', 'ispettore assemblaggio veicoli'], 3],
  [['addetta alla verniciatura carrozzerie', 'verniciatore industriale mezzi di trasporto'], 2],
  [['addetto ai trattamenti termici', 'operatore galvanica', 'sbavatore'], 2],
  [['capoturno di produzione', 'tecnico di produzione', 'ingegnere di processo', 'disegnatore meccanico', 'perito meccanico'], 3],
];

/** How HR exports decorate titles (shift, grade, contract): the suggester's normaliser drops these words. */
const DECORATIONS = ['', '', '', '', ' turnista', ' secondo turno', ' terzo turno', ' specializzato', ' (tempo indeterminato)', ' senior'];

const FIRST = ['marco', 'giulia', 'luca', 'francesca', 'andrea', 'sara', 'davide', 'elena', 'paolo', 'chiara', 'stefano', 'silvia', 'matteo', 'roberta', 'giuseppe', 'anna', 'youssef', 'ioana', 'mihai', 'fatima', 'salvatore', 'rosa', 'domenico', 'antonella'];
const LAST = ['rossi', 'ferrero', 'bosio', 'gribaudo', 'giordano', 'rinaldi', 'bianco', 'costa', 'gallo', 'russo', 'esposito', 'bruno', 'barbero', 'allasia', 'popescu', 'el amrani', 'greco', 'lombardo', 'vietti', 'chiabrando'];

export interface CohortMemberRow {
  employeeRef: string;
  municipality: string;
  province: string;
  jobTitle: string;
  years: number;
  email: string | null;
}

function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * `count` members of a plant's workforce: homes in municipalities within `radiusKm` of the plant (nearer
 * ones and Turin more often), years in the role, an email for about 45% of them. Deterministic for a seed.
 */
export function buildCohortMembers(
  municipalities: DemoMunicipality[],
  plant: { lat: number; lng: number },
  count: number,
  options: { seed: number; emailDomain: string; refPrefix: string; radiusKm?: number },
): CohortMemberRow[] {
  const rng = new Rng(options.seed);
  const radius = options.radiusKm ?? 25;
  const near = municipalities.filter((m) => m.province === 'TO' && km(m, plant) <= radius);
  if (near.length === 0) throw new Error('no municipality near the plant: is data/istat/comuni.csv.gz there?');
  // Nearer towns weigh more; Turin itself, the big city next door, weighs most.
  const homes = near.map((m) => [m, m.name === 'Torino' ? 40 : 8 / (1 + km(m, plant) / 4)] as const);
  const roles = PLANT_ROLES.map(([titles, weight]) => [titles, weight] as const);
  const rows: CohortMemberRow[] = [];
  for (let i = 0; i < count; i++) {
    const home = rng.weighted(homes);
    let title = rng.pick(rng.weighted(roles)) + rng.pick(DECORATIONS);
    if (rng.chance(0.2)) title = title.toUpperCase();
    const years = rng.chance(0.1) ? rng.int(1, 3) / 2 : rng.int(1, 34);
    let email: string | null = null;
    if (rng.chance(0.45)) email = `${rng.pick(FIRST)}.${rng.pick(LAST).replace(/\s+/g, '')}${i + 1}@${options.emailDomain}`;
    rows.push({ employeeRef: `${options.refPrefix}${String(i + 1).padStart(5, '0')}`, municipality: home.name, province: home.province, jobTitle: title, years, email });
  }
  return rows;
}

/** The file as an Italian HR office exports it: Italian headers, semicolon separated. */
export function memberCsv(rows: CohortMemberRow[]): string {
  const cell = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['matricola;comune;provincia;mansione;anni;email'];
  for (const r of rows) lines.push([r.employeeRef, r.municipality, r.province, r.jobTitle, String(r.years), r.email ?? ''].map(cell).join(';'));
  return `${lines.join('\n')}\n`;
}

async function call(base: string, method: 'GET' | 'POST', route: string, body: unknown, headers: Record<string, string>, expected: number): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/api/v1/${route}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== expected) throw new Error(`${method} /${route} answered ${res.status}: ${String(json.message)}`);
  return json;
}

export interface DemoCohortReport {
  id: string;
  members: number;
  rejected: number;
  reportReady: boolean;
  ms: number;
}

/**
 * The plant's employer signs up, makes its record and the cohort, and uploads its 300 workers as CSV,
 * all through the API; then waits (up to `waitMs`) for the worker to map titles, make pre-profiles,
 * match them and compute the report, so the report is there when the demo says it runs.
 */
export async function seedDemoCohort(
  base: string,
  dataDir: string,
  password: string,
  now = new Date(),
  waitMs = 180_000,
): Promise<DemoCohortReport> {
  const started = Date.now();
  const municipalities = await readMunicipalities(dataDir);
  const site = municipalities.find((m) => m.name === PLANT.municipality && m.province === PLANT.province);
  if (!site) throw new Error(`${PLANT.municipality} is not in data/istat/comuni.csv.gz`);
  const json = { 'content-type': 'application/json' };
  const { accessToken } = await call(base, 'POST', 'auth/register', { email: DEMO_COHORT_EMPLOYER_EMAIL, password, role: 'employer', displayName: 'Ufficio personale, Sangone Componenti' }, json, 201);
  const auth = { authorization: `Bearer ${String(accessToken)}` };
  const employer = await call(base, 'POST', 'employers', {
    name: 'Sangone Componenti S.p.A.',
    vatNumber: partitaIva(new Rng(20261124)),
    naceCode: '29.32',
    sites: [{ name: 'Stabilimento di Rivalta', municipality: PLANT.municipality }, { name: 'Sede amministrativa', municipality: 'Orbassano' }],
  }, { ...json, ...auth }, 201);
  const announcedOn = new Date(now.getTime() - 21 * 86_400_000).toISOString().slice(0, 10);
  const cohort = await call(base, 'POST', 'cohorts', {
    name: DEMO_COHORT_NAME, employerId: employer.id, plant: PLANT, reason: 'closure', announcedOn, titleLang: 'it',
  }, { ...json, ...auth }, 201);
  const id = String(cohort.id);
  const rows = buildCohortMembers(municipalities, site, 300, { seed: 20261125, emailDomain: 'posta.demo.ricarica.it', refPrefix: 'SC' });
  const upload = await call(base, 'POST', `cohorts/${id}/members`, memberCsv(rows), { 'content-type': 'text/csv', ...auth }, 202);
  const deadline = Date.now() + waitMs;
  let reportReady = false;
  while (!reportReady && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const view = (await call(base, 'GET', `cohorts/${id}`, undefined, auth, 200)) as { report: { stale: boolean } | null };
    reportReady = view.report !== null && !view.report.stale;
  }
  return { id, members: Number(upload.created), rejected: (upload.rejected as unknown[]).length, reportReady, ms: Date.now() - started };
}

/** The demo cohort's id, when an earlier run made it. */
export async function demoCohortId(databaseUrl: string): Promise<string | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select id from cohort where name = $1 order by created_at limit 1`, [DEMO_COHORT_NAME]);
    return (rows[0]?.id as string | undefined) ?? null;
  } finally {
    await client.end();
  }
}
