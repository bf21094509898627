import { randomInt, randomUUID } from 'node:crypto';
import { Client, createTestApp, TestApp } from './support/test-app';
import { ESCO, UNKNOWN_ID } from './support/esco-ids';

/** A random partita IVA with a right check digit, so that every run registers new companies. */
function partitaIva(): string {
  const digits = Array.from({ length: 10 }, () => randomInt(10));
  digits[0] = 1 + randomInt(9);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

/** The same number with its check digit off by one. */
const withWrongCheckDigit = (vat: string) => `${vat.slice(0, 10)}${(Number(vat[10]) + 1) % 10}`;

describe('employers (e2e)', () => {
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

  const countEmployers = async () => Number((await t.db.query(`select count(*) from employer`))[0].count);
  const createEmployer = async (patch: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/v1/employers', { name: 'Componenti Auto Test', vatNumber: partitaIva(), ...patch });
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('POST /api/v1/employers', () => {
    it('creates an employer, resolving each site and dropping the IT prefix of the VAT number', async () => {
      const vat = partitaIva();
      const res = await admin.request('POST', '/api/v1/employers', {
        name: 'Brembo Componenti S.r.l.',
        vatNumber: `IT${vat}`,
        naceCode: '29.32',
        sites: [{ name: 'Stabilimento di Curno', municipality: 'Curno' }, { lat: 45.0717, lng: 7.67794 }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        name: 'Brembo Componenti S.r.l.',
        vatNumber: vat,
        naceCode: '29.32',
        sites: [
          { name: 'Stabilimento di Curno', municipality: 'Curno', municipalityCode: '016089', province: 'BG', region: 'ITC4' },
          { name: null, lat: 45.0717, lng: 7.67794, municipality: 'Torino', province: 'TO', region: 'ITC1' },
        ],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body.sites[0].lat).toBeCloseTo(45.69, 1);
    });

    it('accepts an EU VAT number of another member state and no sites', async () => {
      const vat = `DE${randomInt(100000000, 999999999)}`;
      const res = await admin.request('POST', '/api/v1/employers', { name: 'Zulieferer GmbH', vatNumber: vat.toLowerCase() });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ vatNumber: vat, naceCode: null, sites: [] });
    });

    it.each([
      ['a partita IVA with a wrong check digit', () => ({ vatNumber: withWrongCheckDigit(partitaIva()) }), 'vatNumber'],
      ['a VAT number with an unknown country prefix', () => ({ vatNumber: 'US123456789' }), 'vatNumber'],
      ['an IT prefix on something that is not a partita IVA', () => ({ vatNumber: 'IT12345' }), 'vatNumber'],
      ['a missing VAT number', () => ({ vatNumber: undefined }), 'vatNumber'],
      ['a malformed NACE code', () => ({ naceCode: '2932' }), 'naceCode'],
      ['an empty name', () => ({ name: '' }), 'name'],
      ['a null name', () => ({ name: null }), 'name'],
      ['an unknown municipality in the second site', () => ({ sites: [{ municipality: 'Torino' }, { municipality: 'Atlantide' }] }), 'sites[1].municipality'],
      ['a site with neither municipality nor coordinates', () => ({ sites: [{ name: 'Magazzino' }] }), 'sites[0]'],
      ['a site latitude out of range', () => ({ sites: [{ lat: 91, lng: 7 }] }), 'sites[0].lat'],
      ['sites that are not a list', () => ({ sites: { municipality: 'Torino' } }), 'sites'],
      ['an unknown field', () => ({ ownerName: 'Mario' }), 'ownerName'],
    ])('rejects %s with 400 naming %s, writing nothing', async (_label, patch, field) => {
      const before = await countEmployers();
      const res = await admin.request('POST', '/api/v1/employers', { name: 'Bad Input S.p.A.', vatNumber: partitaIva(), ...patch() });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), correlationId: expect.any(String) });
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect(await countEmployers()).toBe(before);
    });

    it('refuses a VAT number already registered, in any spelling, with 409 EMPLOYER.VAT_TAKEN', async () => {
      const vat = partitaIva();
      await createEmployer({ vatNumber: vat });
      const before = await countEmployers();
      const again = await admin.request('POST', '/api/v1/employers', { name: 'Altra S.r.l.', vatNumber: `it ${vat}` });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'EMPLOYER.VAT_TAKEN', errors: [{ field: 'vatNumber', reason: expect.any(String) }] });
      expect(await countEmployers()).toBe(before);
    });
  });

  describe('GET, PATCH, DELETE /api/v1/employers/:id', () => {
    it('reads an employer', async () => {
      const created = await createEmployer({ sites: [{ municipality: 'Melfi' }] });
      const res = await admin.request('GET', `/api/v1/employers/${created.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    });

    it('answers 404 EMPLOYER.NOT_FOUND for an unknown id and 400 naming id for a malformed one', async () => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const missing = await admin.request(method, `/api/v1/employers/${UNKNOWN_ID}`, method === 'PATCH' ? { name: 'X' } : undefined);
        expect(missing.status).toBe(404);
        expect(missing.body.code).toBe('EMPLOYER.NOT_FOUND');
        const malformed = await admin.request(method, '/api/v1/employers/not-a-uuid', method === 'PATCH' ? { name: 'X' } : undefined);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
      }
    });

    it('patches the given fields, replaces the sites, clears the NACE code with null and leaves the rest alone', async () => {
      const created = await createEmployer({ naceCode: '29.3', sites: [{ municipality: 'Torino' }, { municipality: 'Milano' }] });
      const res = await admin.request('PATCH', `/api/v1/employers/${created.id}`, { name: 'Nuovo Nome S.p.A.', naceCode: null, sites: [{ municipality: 'Cassino', name: 'Cassino' }] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: created.id, name: 'Nuovo Nome S.p.A.', vatNumber: created.vatNumber, naceCode: null });
      expect(res.body.sites).toEqual([expect.objectContaining({ name: 'Cassino', province: 'FR', region: 'ITI4' })]);
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(created.updatedAt).getTime());
    });

    it('rejects a bad patch with 400 and changes nothing', async () => {
      const created = await createEmployer();
      for (const body of [{ name: 'Changed', vatNumber: '123' }, { name: 'Changed', sites: [{ municipality: 'Atlantide' }] }, { name: null }]) {
        const res = await admin.request('PATCH', `/api/v1/employers/${created.id}`, body);
        expect(res.status).toBe(400);
      }
      expect((await admin.request('GET', `/api/v1/employers/${created.id}`)).body).toEqual(created);
    });

    it('refuses to take the VAT number of another employer with 409', async () => {
      const first = await createEmployer();
      const second = await createEmployer();
      const res = await admin.request('PATCH', `/api/v1/employers/${second.id}`, { vatNumber: first.vatNumber });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('EMPLOYER.VAT_TAKEN');
      const own = await admin.request('PATCH', `/api/v1/employers/${second.id}`, { vatNumber: `IT${second.vatNumber}` });
      expect(own.status).toBe(200);
    });

    it('deletes an employer together with its vacancies', async () => {
      const employer = await createEmployer();
      const vacancy = await admin.request('POST', '/api/v1/vacancies', {
        employerId: employer.id,
        title: 'Saldatore',
        location: { municipality: 'Torino' },
        contractType: 'permanent',
        requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }],
      });
      expect(vacancy.status).toBe(201);
      expect((await admin.request('DELETE', `/api/v1/employers/${employer.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/api/v1/employers/${employer.id}`)).status).toBe(404);
      expect((await admin.request('GET', `/api/v1/vacancies/${vacancy.body.id}`)).status).toBe(404);
      expect(await t.db.query(`select 1 from vacancy_requirement where vacancy_id = $1`, [vacancy.body.id])).toEqual([]);
      expect((await admin.request('DELETE', `/api/v1/employers/${employer.id}`)).status).toBe(404);
    });
  });

  describe('GET /api/v1/employers (list)', () => {
    it('pages with a cursor, newest first, and filters by name and by the region of any site', async () => {
      const tag = `Tag${randomUUID().slice(0, 8)}`;
      const made = [];
      for (const sites of [[{ municipality: 'Torino' }], [{ municipality: 'Cassino' }, { municipality: 'Milano' }], [{ municipality: 'Milano' }]]) {
        made.push(await createEmployer({ name: `Officine ${tag} ${made.length}`, sites }));
      }
      const first = await admin.request('GET', `/api/v1/employers?limit=2&q=${tag.toLowerCase()}`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((e: any) => e.id)).toEqual([made[2].id, made[1].id]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await admin.request('GET', `/api/v1/employers?limit=2&q=${tag}&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((e: any) => e.id)).toEqual([made[0].id]);
      expect(second.body.nextCursor).toBeNull();

      const lombardy = await admin.request('GET', `/api/v1/employers?q=${tag}&region=ITC4`);
      expect(lombardy.body.items.map((e: any) => e.id)).toEqual([made[2].id, made[1].id]);
      const lazio = await admin.request('GET', `/api/v1/employers?q=${tag}&region=ITI4`);
      expect(lazio.body.items.map((e: any) => e.id)).toEqual([made[1].id]);
    });

    it('treats % and _ in q as plain characters', async () => {
      const res = await admin.request('GET', `/api/v1/employers?q=${encodeURIComponent('%_%')}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    });

    it('rejects a malformed region, a limit over 100 and a forged cursor', async () => {
      expect((await admin.request('GET', '/api/v1/employers?region=Piemonte')).body.errors[0].field).toBe('region');
      expect((await admin.request('GET', '/api/v1/employers?limit=101')).body.errors[0].field).toBe('limit');
      const forged = await admin.request('GET', '/api/v1/employers?cursor=garbage');
      expect(forged.status).toBe(400);
      expect(forged.body.errors[0].field).toBe('cursor');
    });
  });
});
