import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { buildDemoPopulation, DEMO_EMAIL_DOMAIN, DemoPopulation } from './demo-population';
import { readDemoOccupations, readMunicipalities } from './demo-source';

/** Every demo account signs in with this password (README, "Demo logins"). */
export const DEMO_PASSWORD = 'ricarica-demo-2026';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;
export const demoEmployerEmail = (i: number) => `employer-${String(i + 1).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN}`;
export const demoProviderEmail = (i: number) => `provider-${String(i + 1).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN}`;

/** Counts of what the seed wrote. */
export interface SeedReport {
  accounts: number;
  workers: number;
  employers: number;
  vacancies: number;
  providers: number;
  courses: number;
  ms: number;
}

async function post(base: string, route: string, body: unknown, token?: string): Promise<{ id: string; accessToken?: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/api/v1/${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await res.json()) as { id: string; accessToken?: string; message?: string };
  if (res.status !== 201) throw new Error(`POST /${route} answered ${res.status}: ${json.message}`);
  return json;
}

/** Registers an account; its access token makes the account's record. */
async function register(base: string, email: string, role: 'worker' | 'employer' | 'provider', displayName: string): Promise<string> {
  const { accessToken } = await post(base, 'auth/register', { email, password: DEMO_PASSWORD, role, displayName });
  return accessToken as string;
}

/** Runs `fn` over `items` with at most `limit` requests in flight. */
async function inParallel<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** The admin, made as staff would make one: with the CLI (registration refuses the role). */
function createAdmin(): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = path.join(__dirname, '..', 'create-admin.js');
    const child = spawn(process.execPath, [cli, '--email', DEMO_ADMIN_EMAIL, '--name', 'Agenzia Piemonte Lavoro (demo)'], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.stdin.end(`${DEMO_PASSWORD}\n`);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`create-admin exited with ${code}`))));
  });
}

/** True when the demo workers are already there (the seed ran before on this database). */
export async function isSeeded(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select exists (select 1 from worker where email like $1) as seeded`, [`%@${DEMO_EMAIL_DOMAIN}`]);
    return rows[0].seeded as boolean;
  } finally {
    await client.end();
  }
}

/**
 * Loads the demo data set through the public API, so it passes the same validation, inference,
 * access rules and outbox path as any user's data: one account per worker, employer and training
 * body, each making its own record with its own token, and an admin. Argon2 hashing dominates;
 * the API spreads it over libuv's thread pool, so registrations run several at a time.
 */
export async function seedDemo(base: string, dataDir: string, now = new Date()): Promise<SeedReport> {
  const started = Date.now();
  const population: DemoPopulation = buildDemoPopulation(await readDemoOccupations(dataDir), await readMunicipalities(dataDir), now);
  const report: SeedReport = { accounts: 0, workers: 0, employers: 0, vacancies: 0, providers: 0, courses: 0, ms: 0 };
  await createAdmin();
  report.accounts++;
  await inParallel(population.employers, 4, async ({ vacancies, ...employer }, i) => {
    const token = await register(base, demoEmployerEmail(i), 'employer', `Risorse umane, ${employer.name}`);
    report.accounts++;
    const { id } = await post(base, 'employers', employer, token);
    report.employers++;
    for (const vacancy of vacancies) {
      await post(base, 'vacancies', { ...vacancy, employerId: id }, token);
      report.vacancies++;
    }
  });
  await inParallel(population.providers, 4, async ({ courses, ...provider }, i) => {
    const token = await register(base, demoProviderEmail(i), 'provider', `Segreteria, ${provider.name}`);
    report.accounts++;
    const { id } = await post(base, 'providers', provider, token);
    report.providers++;
    for (const course of courses) {
      await post(base, 'courses', { ...course, providerId: id }, token);
      report.courses++;
    }
  });
  await inParallel(population.workers, 8, async (worker) => {
    const token = await register(base, worker.email, 'worker', worker.name);
    report.accounts++;
    await post(base, 'workers', worker, token);
    report.workers++;
  });
  report.ms = Date.now() - started;
  return report;
}
