import { TaxonomyImportService } from '@ricarica/taxonomy';
import { ESCO, UNKNOWN_ID } from './support/esco-ids';
import { createTestApp, TestApp } from './support/test-app';

const FORKLIFT = '28cb374e-6261-4133-8371-f9a5470145da';
/** No Italian label anywhere (outside the automotive subset Ricarica translated). */
const INSTRUMENTATION = '722be5b6-9492-46da-aeef-ddd880fdceb1';
/** Added in ESCO v1.1, so without an official Italian label. */
const POWER_ELECTRONICS_ENGINEER = '7f46db3a-754b-4bda-b287-5932fa062ee9';
const WELDING_GROUP = '24a39c1b-b8cc-4210-8b74-b388a90e8f59';


describe('skills and occupations (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Global set-up imports the taxonomy; this is a no-op then, and makes the file runnable alone.
    await t.app.get(TaxonomyImportService).run();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/v1/skills', () => {
    it('finds an Italian alternative label typed with a one-letter typo', async () => {
      const res = await t.request('GET', '/api/v1/skills?q=carellista');

      expect(res.status).toBe(200);
      const forklift = res.body.items.find((i: { skillId: string }) => i.skillId === FORKLIFT);
      expect(forklift).toEqual({
        skillId: FORKLIFT,
        uri: `http://data.europa.eu/esco/skill/${FORKLIFT}`,
        label: 'guidare il carrello elevatore',
        labelEn: 'operate forklift',
        labelIt: 'guidare il carrello elevatore',
        labelSource: 'ricarica',
        altLabels: expect.arrayContaining(['carrellista', 'muletto']),
        skillType: 'skill/competence',
        reuseLevel: 'cross-sector',
        matchedLabel: 'carrellista',
      });
    });

    it('finds an English alternative label typed with a one-letter typo, answering in English', async () => {
      const res = await t.request('GET', '/api/v1/skills?q=inert%20arc%20bondng&lang=en');

      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({
        skillId: ESCO.skill.tigWelding,
        label: 'perform tungsten inert gas welding',
        matchedLabel: 'operate inert arc bonding and welding',
      });
      expect(res.body.items[0].altLabels).toContain('operate inert arc bonding and welding');
    });

    it('finds a prefix of a preferred Italian label', async () => {
      const res = await t.request('GET', '/api/v1/skills?q=eseguire%20la%20saldatura%20a%20gas%20ine');

      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { skillId: string }) => i.skillId)).toContain(ESCO.skill.tigWelding);
    });

    it('falls back to English labels in Italian when a skill has no Italian label', async () => {
      const res = await t.request('GET', '/api/v1/skills?q=electrical%20instrumentation%20engineering&lang=it');

      const hit = res.body.items.find((i: { skillId: string }) => i.skillId === INSTRUMENTATION);
      expect(hit).toMatchObject({ label: 'electrical instrumentation engineering', labelEn: 'electrical instrumentation engineering', labelIt: null, labelSource: null });
      expect(hit.altLabels.length).toBeGreaterThan(0);
    });

    it('takes the language from Accept-Language when ?lang is absent', async () => {
      const res = await t.request('GET', '/api/v1/skills?q=carrellista', undefined, { 'accept-language': 'en-GB,en;q=0.8' });

      const forklift = res.body.items.find((i: { skillId: string }) => i.skillId === FORKLIFT);
      expect(forklift).toMatchObject({ label: 'operate forklift', matchedLabel: 'carrellista' });
    });

    it('returns at most limit items', async () => {
      const res = await t.request('GET', '/api/v1/skills?q=saldatura&limit=3');

      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(3);
    });

    it.each([
      ['a missing q', '/api/v1/skills', 'q'],
      ['a blank q', '/api/v1/skills?q=%20%20', 'q'],
      ['a limit over 50', '/api/v1/skills?q=tig&limit=51', 'limit'],
      ['an unknown language', '/api/v1/skills?q=tig&lang=fr', 'lang'],
    ])('refuses %s with 400', async (_, url, field) => {
      const res = await t.request('GET', url);

      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('GET /api/v1/skills/:id', () => {
    it('returns the skill with its labels and broader concepts', async () => {
      const res = await t.request('GET', `/api/v1/skills/${ESCO.skill.tigWelding}`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        skillId: ESCO.skill.tigWelding,
        uri: `http://data.europa.eu/esco/skill/${ESCO.skill.tigWelding}`,
        label: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno',
        labelEn: 'perform tungsten inert gas welding',
        labelSource: 'ricarica',
        altLabels: expect.arrayContaining(['saldatura TIG']),
        skillType: 'skill/competence',
        reuseLevel: 'sector-specific',
        broader: [
          {
            id: WELDING_GROUP,
            uri: `http://data.europa.eu/esco/skill/${WELDING_GROUP}`,
            type: 'skillGroup',
            label: 'joining parts using soldering, welding or brazing techniques',
          },
        ],
      });
      expect(res.body.description).toEqual(expect.any(String));
    });

    it('answers in English with ?lang=en', async () => {
      const res = await t.request('GET', `/api/v1/skills/${ESCO.skill.tigWelding}?lang=en`);

      expect(res.body).toMatchObject({ label: 'perform tungsten inert gas welding', altLabels: expect.arrayContaining(['operate inert arc bonding and welding']) });
    });

    it('falls back to English when the skill has no Italian label', async () => {
      const res = await t.request('GET', `/api/v1/skills/${INSTRUMENTATION}?lang=it`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ label: 'electrical instrumentation engineering', labelIt: null, labelSource: null });
    });

    it('answers 404 SKILL.NOT_FOUND for an unknown id', async () => {
      const res = await t.request('GET', `/api/v1/skills/${UNKNOWN_ID}`);

      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'SKILL.NOT_FOUND', correlationId: expect.any(String) });
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const res = await t.request('GET', '/api/v1/skills/saldatura-tig');

      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'id', reason: expect.any(String) }] });
    });
  });

  describe('GET /api/v1/occupations', () => {
    it('finds an occupation by its Italian label', async () => {
      const res = await t.request('GET', '/api/v1/occupations?q=saldatore&limit=5');

      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      expect(res.body.items).toContainEqual(
        expect.objectContaining({
          occupationId: ESCO.occupation.welder,
          uri: `http://data.europa.eu/esco/occupation/${ESCO.occupation.welder}`,
          label: 'saldatore/saldatrice',
          labelEn: 'welder',
          iscoGroup: '7212',
          code: '7212.3',
        }),
      );
    });

    it('finds an occupation through an English label with a typo', async () => {
      const res = await t.request('GET', '/api/v1/occupations?q=power%20electronics%20enginer&lang=en');

      expect(res.body.items[0]).toMatchObject({ occupationId: POWER_ELECTRONICS_ENGINEER, label: 'power electronics engineer' });
    });

    it('refuses a missing q with 400', async () => {
      const res = await t.request('GET', '/api/v1/occupations');

      expect(res.status).toBe(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /api/v1/occupations/:id', () => {
    it('returns the occupation with its essential and optional skills', async () => {
      const res = await t.request('GET', `/api/v1/occupations/${ESCO.occupation.welder}`);
      const [{ essential, optional }] = await t.db.query(
        `select count(*) filter (where relation_type = 'essential')::int as essential, count(*) filter (where relation_type = 'optional')::int as optional
           from occupation_skill where occupation_id = $1`,
        [ESCO.occupation.welder],
      );

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ occupationId: ESCO.occupation.welder, label: 'saldatore/saldatrice', labelEn: 'welder', iscoGroup: '7212' });
      expect(res.body.essentialSkills).toHaveLength(essential);
      expect(res.body.optionalSkills).toHaveLength(optional);
      expect(res.body.essentialSkills).toContainEqual({
        skillId: ESCO.skill.tigWelding,
        uri: `http://data.europa.eu/esco/skill/${ESCO.skill.tigWelding}`,
        label: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno',
        labelEn: 'perform tungsten inert gas welding',
        labelIt: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno',
        labelSource: 'ricarica',
        skillType: 'skill/competence',
        reuseLevel: 'sector-specific',
      });
      expect(res.body.essentialSkills.map((s: { skillId: string }) => s.skillId)).toContain(ESCO.skill.magWelding);
    });

    it('falls back to English for an occupation without an Italian label', async () => {
      const res = await t.request('GET', `/api/v1/occupations/${POWER_ELECTRONICS_ENGINEER}?lang=it`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ label: 'power electronics engineer', labelIt: null });
      expect(res.body.essentialSkills.length).toBeGreaterThan(0);
    });

    it('answers 404 OCCUPATION.NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
      const missing = await t.request('GET', `/api/v1/occupations/${UNKNOWN_ID}`);
      const malformed = await t.request('GET', '/api/v1/occupations/7212');

      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('OCCUPATION.NOT_FOUND');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('id');
    });
  });
});
