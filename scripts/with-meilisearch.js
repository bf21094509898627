#!/usr/bin/env node
// Runs a command with MEILI_URL pointing at a Meilisearch: the one configured, or one started here
// (data under tmp/, removed afterwards). Usage: node scripts/with-meilisearch.js <command> [args...]
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startMeilisearch } = require('./meilisearch');

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) throw new Error('usage: with-meilisearch.js <command> [args...]');
  let meili;
  const env = { ...process.env };
  if (!env.MEILI_URL) {
    const dataDir = path.resolve(__dirname, '..', 'tmp', `meili-test-${process.pid}`);
    env.MEILI_MASTER_KEY = env.MEILI_MASTER_KEY || 'ricarica-test-master-key';
    meili = await startMeilisearch({ dataDir, masterKey: env.MEILI_MASTER_KEY, logFile: `${dataDir}.log` });
    env.MEILI_URL = meili.url;
    env.MEILI_DATA_DIR = dataDir;
    env.MEILI_PID = String(meili.pid);
  }
  const child = spawn(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  if (meili) {
    await meili.stop();
    fs.rmSync(env.MEILI_DATA_DIR, { recursive: true, force: true });
    fs.rmSync(`${env.MEILI_DATA_DIR}.log`, { force: true });
  }
  process.exit(code);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
