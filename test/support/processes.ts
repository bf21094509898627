import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { eventually } from './worker-app';

const ROOT = path.resolve(__dirname, '..', '..');

/** A Redis of the test's own on `port` (nothing kept on disk), so the test can restart it. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await eventually(async () => {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG' ? true : undefined;
    } finally {
      client.disconnect();
    }
  }, 10000, `redis on ${port}`);
  return child;
}

/** Sends `signal`, and SIGKILL if the process is still there after `graceMs`. */
export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 15000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** The built worker app as its own process (npm test builds first). */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const main = path.join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build (npm test does)`);
  // Its logs go to a file under tmp/ (kept for a failing run to be read), not into the test output.
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const log = openSync(path.join(ROOT, 'tmp', `worker-${Date.now()}.log`), 'a');
  return spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
}
