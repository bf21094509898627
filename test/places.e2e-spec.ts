import { TaxonomyImportService } from '@ricarica/taxonomy';
import { createTestApp, TestApp } from './support/test-app';


describe('places (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Global set-up imports the taxonomy (municipalities included); a no-op then.
    await t.app.get(TaxonomyImportService).run();
  });

  afterAll(async () => {
    await t.close();
  });

  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

  it('completes a prefix: "Moncalier" finds Moncalieri with its province, region and centroid', async () => {
    const res = await t.request('GET', '/api/v1/places?q=Moncalier');

    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      istatCode: '001156',
      name: 'Moncalieri',
      province: 'TO',
      provinceName: 'Torino',
      region: 'ITC1',
      regionName: 'Piemonte',
      lat: expect.closeTo(44.988, 2),
      lng: expect.closeTo(7.703, 2),
    });
  });

  it('tolerates a typo: "Torno" finds Torino as well as the town called Torno', async () => {
    const res = await t.request('GET', '/api/v1/places?q=Torno');

    expect(res.status).toBe(200);
    expect(names(res.body).slice(0, 5)).toEqual(expect.arrayContaining(['Torno', 'Torino']));
    expect(res.body.items.find((i: { name: string }) => i.name === 'Torino')).toMatchObject({ istatCode: '001272', province: 'TO', region: 'ITC1' });
  });

  it('ignores accents: "cirie" finds Ciriè', async () => {
    const res = await t.request('GET', '/api/v1/places?q=cirie');

    expect(res.body.items[0]).toMatchObject({ name: 'Ciriè', province: 'TO' });
  });

  it('returns at most limit items', async () => {
    const res = await t.request('GET', '/api/v1/places?q=San&limit=4');

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(4);
  });

  it('answers 503 SEARCH.UNAVAILABLE while the places index does not exist', async () => {
    const fresh = await createTestApp({ MEILI_INDEX_PREFIX: `rt_missing_${Date.now()}_` });
    try {
      const res = await fresh.request('GET', '/api/v1/places?q=Torino');

      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'SEARCH.UNAVAILABLE' });
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['a missing q', '/api/v1/places', 'q'],
    ['a limit of 0', '/api/v1/places?q=Torino&limit=0', 'limit'],
    ['an unknown parameter', '/api/v1/places?q=Torino&region=ITC1', 'region'],
  ])('refuses %s with 400', async (_, url, field) => {
    const res = await t.request('GET', url);

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.INVALID');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
