import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Paths the API owns: an unknown one answers the API's JSON 404, never the web app. */
const API_PREFIXES = ['/api/', '/docs', '/metrics', '/admin/queues'];

/** The repository root: the nearest folder above this file with a package.json (source or dist/ layout). */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const WEB_DIST = path.join(repositoryRoot(__dirname), 'dist', 'web');

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(root, full) : ['/' + path.relative(root, full).split(path.sep).join('/')];
  });
}

/**
 * Serves the built web app (dist/web, from `npm run build:web`) at /: its files as they are (hashed
 * assets cached for a year), and index.html for every other path outside the API, so that the app's
 * own routes (/corsi/…) load on a refresh. One route, GET /*, public. Without a build it answers 503
 * with the command that makes one.
 */
export async function mountWebApp(fastify: FastifyInstance, root = WEB_DIST): Promise<void> {
  const built = existsSync(path.join(root, 'index.html'));
  const files = new Set(built ? listFiles(root) : []);
  if (built) await fastify.register(fastifyStatic, { root, serve: false });

  fastify.get('/*', async (req: FastifyRequest, reply: FastifyReply) => {
    const url = req.url.split('?')[0];
    if (API_PREFIXES.some((p) => url === p.replace(/\/$/, '') || url.startsWith(p))) return reply.callNotFound();
    if (!built) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:web`, then restart the API.\n');
    }
    let file = '/index.html';
    try {
      const decoded = decodeURIComponent(url);
      if (files.has(decoded)) file = decoded;
    } catch {
      // a malformed escape is not one of our files
    }
    if (file.startsWith('/assets/')) void reply.header('cache-control', 'public, max-age=31536000, immutable');
    else void reply.header('cache-control', 'no-cache');
    return reply.sendFile(file.slice(1), { cacheControl: false });
  });
}
