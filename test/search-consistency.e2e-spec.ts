// PostgreSQL stays the source of truth for the courses and vacancies indexes: deletes and archives
// remove documents, an older update never overwrites a newer one, renames reach every document, and a
// reindex under concurrent writes loses nothing.
import { CatalogIndexer } from '@ricarica/catalog-search';
import { CourseDocument } from '@ricarica/search';
import { ESCO } from './support/esco-ids';
import { eventually, prepareSearchDatabase, SearchStack, session, settle, startSearchStack } from './search-support';

describe('search consistency (e2e)', () => {
  let s: SearchStack;
  let providerId: string;
  let indexer: CatalogIndexer;

  const request = (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => s.t.request(method, `/api/v1/${url}`, body, s.admin);
  const createCourse = async (patch: Record<string, unknown> = {}) => {
    const res = await request('POST', 'courses', {
      providerId, title: 'Manutenzione batterie EV', mode: 'in_person', location: { municipality: 'Torino' }, hours: 120, status: 'published',
      skillsTaught: [{ skillId: ESCO.skill.operateBatteryTestEquipment, targetLevel: 3 }], sessions: [session(30)], ...patch,
    });
    if (res.status !== 201) throw new Error(`course create answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  const indexed = (id: string) => s.meili.index<CourseDocument>(s.names.courses).getDocument(id).catch(() => undefined);
  const searchIds = async (query: string) => (await s.t.request('GET', `/api/v1/search/courses?${query}`)).body.hits.map((h: { id: string }) => h.id);

  beforeAll(async () => {
    await prepareSearchDatabase();
    s = await startSearchStack();
    indexer = s.worker.get(CatalogIndexer);
    providerId = (await request('POST', 'providers', { name: 'Ente Coerenza' })).body.id;
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  });

  it('a deleted course and an archived course are gone from search; a course back to draft too', async () => {
    const deleted = await createCourse({ title: 'Corso da cancellare' });
    const archived = await createCourse({ title: 'Corso da archiviare' });
    const drafted = await createCourse({ title: 'Corso da ritirare' });
    await settle(s);
    expect(await searchIds('q=corso da')).toEqual(expect.arrayContaining([deleted.id, archived.id, drafted.id]));

    expect((await request('DELETE', `courses/${deleted.id}`)).status).toBe(204);
    expect((await request('PATCH', `courses/${archived.id}`, { status: 'archived' })).status).toBe(200);
    expect((await request('PATCH', `courses/${drafted.id}`, { status: 'draft' })).status).toBe(200);
    await settle(s);
    const hits = await searchIds('q=corso da');
    for (const id of [deleted.id, archived.id, drafted.id]) expect(hits).not.toContain(id);
    for (const id of [deleted.id, archived.id, drafted.id]) expect(await indexed(id)).toBeUndefined();

    expect((await request('PATCH', `courses/${archived.id}`, { status: 'published' })).status).toBe(200);
    await settle(s);
    expect(await indexed(archived.id)).toMatchObject({ version: 3 });
  });

  it('an older update arriving after a newer one is ignored', async () => {
    const course = await createCourse({ title: 'Titolo uno' });
    await request('PATCH', `courses/${course.id}`, { title: 'Titolo due' });
    await request('PATCH', `courses/${course.id}`, { title: 'Titolo tre' });
    await settle(s);
    const current = (await indexed(course.id))!;
    expect(current).toMatchObject({ version: 3, title: 'Titolo tre' });

    // A late write carrying version 2 (e.g. a job that read PostgreSQL before the last update): dropped.
    const late = await indexer.writeDocuments('courses', [{ ...current, title: 'Titolo due', version: 2 }], []);
    expect(late).toMatchObject({ written: 0, skippedAsOlder: 1 });
    expect(await indexed(course.id)).toMatchObject({ version: 3, title: 'Titolo tre' });

    // The same version again (a provider rename re-sends documents at the course's version): accepted.
    expect(await indexer.writeDocuments('courses', [current], [])).toMatchObject({ written: 1 });
  });

  it('a write that lost a race to an older one is found and repaired by the check', async () => {
    const course = await createCourse({ title: 'Corsa persa' });
    await request('PATCH', `courses/${course.id}`, { hours: 150 });
    await settle(s);
    const current = (await indexed(course.id))!;
    // Forced in, as if an older write had landed last.
    await indexer.writeDocuments('courses', [{ ...current, hours: 120, version: 1 }], [], { force: true });
    expect(await indexed(course.id)).toMatchObject({ version: 1 });
    const report = await indexer.verify('courses');
    expect(report).toMatchObject({ stale: 1, missing: 0, extra: 0, repaired: 1 });
    expect(await indexed(course.id)).toMatchObject({ version: 2, hours: 150 });
  });

  it('a provider rename reaches every one of its published courses; deleting the provider removes them', async () => {
    const owner = (await request('POST', 'providers', { name: 'Ente Vecchio Nome' })).body.id;
    const courses = [await createCourse({ providerId: owner }), await createCourse({ providerId: owner, mode: 'online', location: null })];
    await settle(s);
    expect((await request('PATCH', `providers/${owner}`, { name: 'Ente Nuovo Nome' })).status).toBe(200);
    await settle(s);
    for (const c of courses) expect(await indexed(c.id)).toMatchObject({ providerName: 'Ente Nuovo Nome', version: 1 });
    expect(await searchIds('q=nuovo nome')).toEqual(expect.arrayContaining(courses.map((c) => c.id)));

    expect((await request('DELETE', `providers/${owner}`)).status).toBe(204);
    await settle(s);
    for (const c of courses) expect(await indexed(c.id)).toBeUndefined();
  });

  it('an employer rename reaches its vacancies; closing one removes it', async () => {
    const employerId = (await request('POST', 'employers', { name: 'Officine Prima', vatNumber: '05556667771' })).body.id;
    const vacancy = (await request('POST', 'vacancies', {
      employerId, title: 'Saldatore', location: { municipality: 'Torino' }, contractType: 'permanent', status: 'open',
      requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }],
    })).body;
    await settle(s);
    await request('PATCH', `employers/${employerId}`, { name: 'Officine Seconde' });
    await settle(s);
    expect(await s.meili.index(s.names.vacancies).getDocument(vacancy.id)).toMatchObject({ employerName: 'Officine Seconde' });
    await request('PATCH', `vacancies/${vacancy.id}`, { status: 'closed' });
    await settle(s);
    await expect(s.meili.index(s.names.vacancies).getDocument(vacancy.id)).rejects.toThrow();
  });

  it('a reindex under concurrent writes loses nothing, and search never answers empty meanwhile', async () => {
    // A few thousand courses written straight to PostgreSQL (no outbox): only the rebuild indexes them.
    await s.t.db.query(
      `with made as (
         insert into course (provider_id, title, description, mode, hours, status, location_lat, location_lng, location_municipality, location_province, location_region)
         select $1, 'Corso di massa ' || g, 'Generato per il test', 'in_person', 40 + g % 200, 'published', 45.07, 7.68, 'Torino', 'TO', 'ITC1'
           from generate_series(1, 4000) g returning id)
       insert into course_skill (course_id, skill_id, target_level) select id, $2, 2 from made`,
      [providerId, ESCO.skill.repairBatteryComponents],
    );
    const before = await createCourse({ title: 'Prima del reindex' });
    await settle(s);

    let emptyAnswers = 0;
    let polls = 0;
    let reindexing = true;
    const poller = (async () => {
      while (reindexing) {
        const res = await s.t.request('GET', '/api/v1/search/courses?limit=1');
        polls++;
        if (res.status !== 200 || res.body.total === 0) emptyAnswers++;
      }
    })();
    const writes: Promise<unknown>[] = [];
    const created: string[] = [];
    const removed: string[] = [];
    let writtenDuringReindex = 0;
    const reindex = indexer.reindex('courses').finally(() => (writtenDuringReindex = created.length + removed.length));
    const writer = (async () => {
      for (let i = 0; i < 15; i++) {
        const c = await createCourse({ title: `Scritto durante il reindex ${i}` });
        created.push(c.id);
        writes.push(request('PATCH', `courses/${c.id}`, { hours: 10 + i }));
        if (i % 3 === 0) {
          const gone = await createCourse({ title: `Cancellato durante il reindex ${i}` });
          writes.push(request('DELETE', `courses/${gone.id}`));
          removed.push(gone.id);
        }
      }
      writes.push(request('PATCH', `courses/${before.id}`, { title: 'Cambiato durante il reindex' }));
    })();
    const report = await reindex;
    await writer;
    await Promise.all(writes);
    reindexing = false;
    await poller;
    await settle(s);

    expect(report.documents).toBeGreaterThanOrEqual(4000);
    // The writes really overlapped the rebuild, and searches ran throughout.
    expect(writtenDuringReindex).toBeGreaterThan(0);
    expect(polls).toBeGreaterThan(0);
    expect(emptyAnswers).toBe(0);
    // Every published course in PostgreSQL is in the index at its current version, and nothing else.
    const dry = await indexer.verify('courses', { repair: false });
    expect(dry).toMatchObject({ missing: 0, stale: 0, extra: 0 });
    expect(dry.inIndex).toBe(dry.inPostgres);
    for (const id of created) expect(await indexed(id)).toMatchObject({ id, version: 2 });
    for (const id of removed) expect(await indexed(id)).toBeUndefined();
    expect(await indexed(before.id)).toMatchObject({ title: 'Cambiato durante il reindex' });
    // The rebuild's own index is gone after the swap.
    await eventually(async () => (await s.meili.getIndexes({ limit: 100 })).results.every((i) => !i.uid.endsWith('__rebuild')), 10_000);
  }, 180_000);
});
