// `npm run demo [-- --empty]`: the whole product on this machine with its demo data.
// Migrates, imports ESCO (once), loads the demo data set (unless --empty), starts Meilisearch if
// needed, the API and the worker, and prints the URLs. Ctrl-C stops everything it started.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '@ricarica/config';
import { migrate } from '@ricarica/database';
import { DEMO_COHORT_EMPLOYER_EMAIL, DEMO_COHORT_NAME, demoCohortId, seedDemoCohort } from './demo/demo-cohort';
import { isLoopbackSmtp, LocalMailSink } from './demo/demo-mail-sink';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, isSeeded, seedDemo } from './demo/demo-seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMeilisearch } = require('../../scripts/meilisearch.js') as typeof import('./meilisearch');

const ROOT = path.resolve(__dirname, '..', '..');

async function meiliHealthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
}

function run(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const empty = process.argv.includes('--empty');
  const env: NodeJS.ProcessEnv = { ...process.env };
  const config = loadConfig(env);
  const stops: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];

  const shutdown = async (code: number) => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    for (const stop of stops.reverse()) await stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  if (!process.env.MEILI_URL && !(await meiliHealthy(config.meili.url))) {
    const port = Number(new URL(config.meili.url).port || 7700);
    const dataDir = path.join(ROOT, 'tmp', 'meili-demo');
    console.log(`starting Meilisearch on 127.0.0.1:${port} (data in tmp/meili-demo)`);
    const meili = await startMeilisearch({ dataDir, masterKey: config.meili.masterKey, port, logFile: path.join(ROOT, 'tmp', 'meili-demo.log') });
    stops.push(meili.stop);
  }

  const applied = await migrate(config.databaseUrl);
  console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'database schema is current');
  await run('dist/scripts/taxonomy-import.js', env);

  // Invitation mail never leaves the machine: a local sink keeps it in tmp/demo-mail/ (unless SMTP_URL names a server here).
  const mailDir = path.join(ROOT, 'tmp', 'demo-mail');
  if (!isLoopbackSmtp(process.env.SMTP_URL)) {
    if (process.env.SMTP_URL) console.log('SMTP_URL points off this machine: the demo keeps its mail in tmp/demo-mail instead');
    const sink = new LocalMailSink(mailDir);
    env.SMTP_URL = await sink.start();
    stops.push(() => sink.stop());
  }
  env.PUBLIC_APP_URL ??= `http://localhost:${config.port}`;

  const start = (name: string, script: string) => {
    const child = spawn(process.execPath, [path.join(ROOT, script)], { env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGTERM') {
        console.error(`${name} stopped (${code ?? signal}); stopping the demo`);
        void shutdown(1);
      }
    });
    children.push(child);
  };
  start('api', 'dist/apps/api/src/main.js');
  start('worker', 'dist/apps/worker/src/main.js');

  const base = `http://localhost:${config.port}`;
  for (let i = 0; i < 100 && !(await fetch(`${base}/api/v1/health`).then((r) => r.ok).catch(() => false)); i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!empty && !(await isSeeded(config.databaseUrl))) {
    console.log('loading the demo data set through the API…');
    const report = await seedDemo(base, path.join(ROOT, 'data'));
    console.log(`demo data: ${report.workers} workers, ${report.employers} employers with ${report.vacancies} vacancies, ${report.providers} training bodies with ${report.courses} courses (${(report.ms / 1000).toFixed(1)} s)`);
  }
  let cohortId = empty ? null : await demoCohortId(config.databaseUrl);
  if (!empty && !cohortId) {
    console.log('loading the demo cohort (a components plant near Turin closing: 300 workers) through the API…');
    const cohort = await seedDemoCohort(base, path.join(ROOT, 'data'), DEMO_PASSWORD);
    cohortId = cohort.id;
    console.log(`demo cohort: ${cohort.members} members, ${cohort.rejected} rows rejected, report ${cohort.reportReady ? 'ready' : 'still being computed'} (${(cohort.ms / 1000).toFixed(1)} s)`);
  }
  const cohortLines = cohortId
    ? `  Cohort      ${DEMO_COHORT_NAME}: ${base}/api/v1/cohorts/${cohortId}\n  Its report  ${base}/api/v1/cohorts/${cohortId}/report?format=html (bearer token of ${DEMO_ADMIN_EMAIL}: full; of ${DEMO_COHORT_EMPLOYER_EMAIL}: public)\n  Mail        ${isLoopbackSmtp(process.env.SMTP_URL) ? process.env.SMTP_URL : `${mailDir} (invitations as .eml files)`}\n`
    : '';
  console.log(`\nRicarica is running${empty ? ' (no demo data)' : ''}:\n  Web app     ${base}/\n  API         ${base}/api/v1\n  Swagger UI  ${base}/docs\n  OpenAPI     ${base}/docs-json\n  Health      ${base}/api/v1/health\n  Metrics     ${base}/metrics\n${cohortLines}Ctrl-C stops everything.\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
