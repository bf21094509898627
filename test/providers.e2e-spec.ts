import { randomUUID } from 'node:crypto';
import { Client, createTestApp, TestApp } from './support/test-app';
import { ESCO, UNKNOWN_ID } from './support/esco-ids';

describe('providers (e2e)', () => {
  let t: TestApp;
  /** These specs are about the records; who may touch them is test/access-matrix.e2e-spec.ts. */
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
  });

  afterAll(async () => {
    await t.close();
  });

  const countProviders = async () => Number((await t.db.query(`select count(*) from provider`))[0].count);
  const createProvider = async (patch: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/v1/providers', { name: 'Ente Formazione Test', ...patch });
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('POST /api/v1/providers', () => {
    it('creates a provider with its accreditation and resolved sites', async () => {
      const res = await admin.request('POST', '/api/v1/providers', {
        name: 'CNOS-FAP Piemonte',
        accreditation: 'Regione Piemonte, accreditamento n. 123/001',
        sites: [{ name: 'Sede di Torino', municipality: '001272' }, { lat: 41.03458, lng: 15.64153 }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        name: 'CNOS-FAP Piemonte',
        accreditation: 'Regione Piemonte, accreditamento n. 123/001',
        sites: [
          { name: 'Sede di Torino', municipality: 'Torino', province: 'TO', region: 'ITC1' },
          { name: null, lat: 41.03458, lng: 15.64153, municipality: 'Melfi', province: 'PZ', region: 'ITF5' },
        ],
      });
    });

    it('needs only a name', async () => {
      const res = await admin.request('POST', '/api/v1/providers', { name: 'Solo Nome' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ accreditation: null, sites: [] });
    });

    it.each([
      ['a missing name', { name: undefined }, 'name'],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
      ['an accreditation over 200 characters', { accreditation: 'x'.repeat(201) }, 'accreditation'],
      ['an unknown municipality', { sites: [{ municipality: 'Atlantide' }] }, 'sites[0].municipality'],
      ['an ambiguous municipality', { sites: [{ municipality: 'Torino' }, { municipality: 'Samone' }] }, 'sites[1].municipality'],
      ['a site without a place', { sites: [{}] }, 'sites[0]'],
      ['too many sites', { sites: Array.from({ length: 51 }, () => ({ municipality: 'Torino' })) }, 'sites'],
      ['an unknown field', { website: 'https://example.it' }, 'website'],
    ])('rejects %s with 400 naming %s, writing nothing', async (_label, patch, field) => {
      const before = await countProviders();
      const res = await admin.request('POST', '/api/v1/providers', { name: 'Bad Input', ...patch });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), correlationId: expect.any(String) });
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect(await countProviders()).toBe(before);
    });
  });

  describe('GET, PATCH, DELETE /api/v1/providers/:id', () => {
    it('reads a provider', async () => {
      const created = await createProvider({ sites: [{ municipality: 'Modena' }] });
      const res = await admin.request('GET', `/api/v1/providers/${created.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    });

    it('answers 404 PROVIDER.NOT_FOUND for an unknown id and 400 naming id for a malformed one', async () => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const payload = method === 'PATCH' ? { name: 'X' } : undefined;
        const missing = await admin.request(method, `/api/v1/providers/${UNKNOWN_ID}`, payload);
        expect(missing.status).toBe(404);
        expect(missing.body.code).toBe('PROVIDER.NOT_FOUND');
        const malformed = await admin.request(method, '/api/v1/providers/abc', payload);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
      }
    });

    it('patches the name, clears the accreditation with null and replaces the sites', async () => {
      const created = await createProvider({ accreditation: 'n. 1', sites: [{ municipality: 'Torino' }] });
      const res = await admin.request('PATCH', `/api/v1/providers/${created.id}`, { name: 'Rinominato', accreditation: null, sites: [{ municipality: 'Milano' }, { municipality: 'Cassino' }] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Rinominato', accreditation: null });
      expect(res.body.sites.map((s: any) => s.region)).toEqual(['ITC4', 'ITI4']);
    });

    it('rejects a bad patch with 400 and changes nothing', async () => {
      const created = await createProvider({ sites: [{ municipality: 'Torino' }] });
      for (const body of [{ name: null }, { name: 'Changed', sites: [{ municipality: 'Atlantide' }] }, { sites: null }]) {
        expect((await admin.request('PATCH', `/api/v1/providers/${created.id}`, body)).status).toBe(400);
      }
      expect((await admin.request('GET', `/api/v1/providers/${created.id}`)).body).toEqual(created);
    });

    it('deletes a provider together with its courses', async () => {
      const provider = await createProvider();
      const course = await admin.request('POST', '/api/v1/courses', {
        providerId: provider.id, title: 'Saldatura', mode: 'online', hours: 40,
        skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }],
        sessions: [{ startsAt: '2031-01-10T09:00:00Z', endsAt: '2031-02-10T17:00:00Z', seats: 10 }],
      });
      expect(course.status).toBe(201);
      expect((await admin.request('DELETE', `/api/v1/providers/${provider.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/api/v1/providers/${provider.id}`)).status).toBe(404);
      expect((await admin.request('GET', `/api/v1/courses/${course.body.id}`)).status).toBe(404);
      expect(await t.db.query(`select 1 from course_session where course_id = $1`, [course.body.id])).toEqual([]);
      expect((await admin.request('DELETE', `/api/v1/providers/${provider.id}`)).status).toBe(404);
    });
  });

  describe('GET /api/v1/providers (list)', () => {
    it('pages with a cursor and filters by name and by the region of any site', async () => {
      const tag = `Tag${randomUUID().slice(0, 8)}`;
      const made = [];
      for (const sites of [[{ municipality: 'Torino' }], [{ municipality: 'Modena' }], [{ municipality: 'Milano' }, { municipality: 'Torino' }]]) {
        made.push(await createProvider({ name: `Ente ${tag} ${made.length}`, sites }));
      }
      const first = await admin.request('GET', `/api/v1/providers?q=${tag}&limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((p: any) => p.id)).toEqual([made[2].id, made[1].id]);
      const second = await admin.request('GET', `/api/v1/providers?q=${tag}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body).toEqual({ items: [made[0]], nextCursor: null });
      const piedmont = await admin.request('GET', `/api/v1/providers?q=${tag.toUpperCase()}&region=ITC1`);
      expect(piedmont.body.items.map((p: any) => p.id)).toEqual([made[2].id, made[0].id]);
    });

    it('rejects a malformed region and a forged cursor', async () => {
      expect((await admin.request('GET', '/api/v1/providers?region=itc1')).body.errors[0].field).toBe('region');
      expect((await admin.request('GET', '/api/v1/providers?cursor=zzz')).body.errors[0].field).toBe('cursor');
    });
  });
});
