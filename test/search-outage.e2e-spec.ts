// Meilisearch stopped: search routes answer 503 with a clear body while writes keep working; restarted:
// the changes made meanwhile reach the index by themselves (outbox → BullMQ retries), nothing lost.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ESCO } from './support/esco-ids';
import { eventually, prepareSearchDatabase, SearchStack, session, settle, startSearchStack } from './search-support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMeilisearch, freePort } = require('../scripts/meilisearch.js') as typeof import('../scripts/meilisearch');

describe('search with Meilisearch down (e2e)', () => {
  const dataDir = join(__dirname, '..', 'tmp', `meili-outage-${process.pid}`);
  const masterKey = 'ricarica-outage-test-master-key';
  let port: number;
  let meili: Awaited<ReturnType<typeof startMeilisearch>>;
  let s: SearchStack;
  let providerId: string;

  const request = (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => s.t.request(method, `/api/v1/${url}`, body, s.admin);
  const course = (title: string) => ({
    providerId, title, mode: 'in_person', location: { municipality: 'Torino' }, hours: 80, status: 'published',
    skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }], sessions: [session(15)],
  });
  const searchHits = async (q: string): Promise<{ id: string; title: string }[] | undefined> => {
    const res = await s.t.request('GET', `/api/v1/search/courses?q=${encodeURIComponent(q)}`);
    return res.status === 200 ? res.body.hits : undefined;
  };
  const searchIds = async (q: string) => (await searchHits(q))?.map((h) => h.id);

  beforeAll(async () => {
    await prepareSearchDatabase();
    port = await freePort();
    meili = await startMeilisearch({ dataDir, masterKey, port, logFile: `${dataDir}.log` });
    s = await startSearchStack({ MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey });
    providerId = (await request('POST', 'providers', { name: 'Ente Resiliente' })).body.id;
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    await meili?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.log`, { force: true });
  });

  it('answers 503 on search and keeps writes working; after the restart the index converges by itself', async () => {
    const kept = (await request('POST', 'courses', course('Saldatura prima del guasto'))).body;
    const changed = (await request('POST', 'courses', course('Saldatura da rinominare'))).body;
    const doomed = (await request('POST', 'courses', course('Saldatura da togliere'))).body;
    await settle(s);
    expect(await searchIds('saldatura')).toEqual(expect.arrayContaining([kept.id, changed.id, doomed.id]));

    await meili.stop();

    for (const url of ['/api/v1/search/courses?q=saldatura', '/api/v1/search/vacancies?q=saldatore']) {
      const res = await s.t.request('GET', url);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'SEARCH.UNAVAILABLE', errors: [], correlationId: expect.any(String) });
      expect(res.body.message).toMatch(/^Search is unavailable: index rts_\w+_(courses|vacancies) cannot be searched/);
    }

    const created = await request('POST', 'courses', course('Saldatura durante il guasto'));
    expect(created.status).toBe(201);
    expect((await request('PATCH', `courses/${changed.id}`, { title: 'Brasatura rinominata durante il guasto' })).status).toBe(200);
    expect((await request('DELETE', `courses/${doomed.id}`)).status).toBe(204);

    // The jobs fail and wait for their retry; the outbox rows are relayed all the same.
    await eventually(async () => {
      const failed = await s.t.db.query(`select count(*)::int as n from outbox where sent_at is null`);
      return failed[0].n === 0;
    }, 10_000, 'outbox relayed');
    await new Promise((r) => setTimeout(r, 2500));

    meili = await startMeilisearch({ dataDir, masterKey, port, logFile: `${dataDir}.log` });

    // No manual step: the retried jobs bring the index up to date.
    const hits = await eventually(async () => {
      const ids = await searchIds('saldatura');
      return ids?.includes(created.body.id) && !ids.includes(doomed.id) ? ids : undefined;
    }, 60_000, 'created course found after the restart');
    expect(hits).toContain(kept.id);
    const renamed = await eventually(async () => (await searchHits('saldatura'))?.find((h) => h.id === changed.id && h.title.startsWith('Brasatura')), 30_000);
    expect(renamed.title).toBe('Brasatura rinominata durante il guasto');
    await settle(s);
  }, 120_000);
});
