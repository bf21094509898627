// Course and vacancy search over the real Meilisearch, fed by the real outbox → BullMQ → worker path:
// typos, both languages, every filter and facet, geo, highlight, the personal recommendation, 400s.
import { CatalogIndexer } from '@ricarica/catalog-search';
import { ESCO } from './support/esco-ids';
import { prepareSearchDatabase, SearchStack, session, settle, startSearchStack } from './search-support';

/** ESCO skill labelled in English only ("weld underwater", alt. "underwater welding"): reached from Italian through synonyms. */
const WELD_UNDERWATER = 'c3e54923-0fd7-4024-840f-8add2d85d08c';
const TORINO = { lat: 45.0703, lng: 7.6869 };
const MONCALIERI = { lat: 44.9996, lng: 7.6826 };

describe('search (e2e)', () => {
  let s: SearchStack;
  const ids: Record<string, string> = {};
  let workerId: string;

  const post = async (route: string, body: unknown) => {
    const res = await s.t.request('POST', `/api/v1/${route}`, body, s.admin);
    if (res.status !== 201) throw new Error(`POST ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = (url: string) => s.t.request('GET', url);
  const courses = async (query: string) => {
    const res = await get(`/api/v1/search/courses?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const courseIds = async (query: string) => (await courses(query)).hits.map((h: { id: string }) => h.id);
  const vacancyIds = async (query: string) => {
    const res = await get(`/api/v1/search/vacancies?${query}`);
    expect(res.status).toBe(200);
    return res.body.hits.map((h: { id: string }) => h.id);
  };
  const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort();
  const asSet = (list: string[]) => [...list].sort();

  beforeAll(async () => {
    await prepareSearchDatabase();
    s = await startSearchStack();
    const p1 = (await post('providers', { name: 'Ente Saldatura Piemonte' })).id;
    const p2 = (await post('providers', { name: 'Formazione Lombarda' })).id;
    const course = async (key: string, body: Record<string, unknown>) => {
      ids[key] = (await post('courses', { providerId: p1, language: 'it', status: 'published', hours: 80, ...body })).id;
    };
    await course('tig', {
      title: 'Saldatura TIG e MAG', description: 'Teoria e pratica in officina.', mode: 'in_person', location: { municipality: 'Torino' },
      funding: ['GOL'], eqfLevel: 3, hours: 120, costEur: 0, sessions: [session(20)],
      skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 3 }, { skillId: ESCO.skill.magWelding, targetLevel: 2 }],
    });
    await course('underwater', {
      title: 'Corso per operatori subacquei', description: 'Lavori in immersione.', mode: 'online', funding: ['FSE+'], eqfLevel: 4, hours: 40,
      costEur: 300, sessions: [session(10)], skillsTaught: [{ skillId: WELD_UNDERWATER, targetLevel: 2 }],
    });
    await course('battery', {
      providerId: p2, title: 'Electric vehicle battery repair', description: 'High-voltage safety and diagnostics.', language: 'en', mode: 'blended',
      location: { municipality: 'Milano' }, funding: ['regional'], eqfLevel: 5, hours: 200, costEur: 1500, sessions: [session(60)],
      skillsTaught: [{ skillId: ESCO.skill.repairBatteryComponents, targetLevel: 3 }, { skillId: ESCO.skill.batteryChemistry, targetLevel: 2 }],
    });
    await course('drawing', {
      title: 'Disegno tecnico', description: 'Lettura di disegni per la saldatura e il montaggio di carpenterie.', mode: 'in_person',
      location: { municipality: 'Moncalieri' }, funding: ['GOL', 'FSE+'], eqfLevel: 3, hours: 60, costEur: 0, sessions: [session(5), session(100)],
      skillsTaught: [{ skillId: ESCO.skill.readEngineeringDrawings, targetLevel: 3 }],
    });
    await course('cad', {
      title: 'Corso di saldatura e CAD', description: 'Progettare i giunti al computer.', mode: 'in_person', location: { municipality: 'Torino' },
      funding: [], eqfLevel: null, hours: 90, costEur: 0, skillsTaught: [{ skillId: ESCO.skill.useCadSoftware, targetLevel: 2 }],
    });
    await course('draft', { title: 'Saldatura in bozza', mode: 'online', status: 'draft', skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }] });
    await course('magMilano', {
      providerId: p2, title: 'MAG avanzato', mode: 'in_person', location: { municipality: 'Milano' }, funding: ['GOL'],
      skillsTaught: [{ skillId: ESCO.skill.magWelding, targetLevel: 3 }],
    });
    await course('tigOnline', { title: 'TIG a distanza', mode: 'online', funding: ['GOL'], skillsTaught: [{ skillId: ESCO.skill.tigWelding, targetLevel: 2 }] });

    const e1 = (await post('employers', { name: 'Carrozzerie Subalpine', vatNumber: '01234567897' })).id;
    const e2 = (await post('employers', { name: 'Batterie Padane', vatNumber: '09876543217' })).id;
    const vacancy = async (key: string, body: Record<string, unknown>) => {
      ids[key] = (await post('vacancies', { employerId: e1, status: 'open', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), ...body })).id;
    };
    await vacancy('welder', {
      title: 'Saldatore TIG', occupationId: ESCO.occupation.welder, location: { municipality: 'Torino' }, contractType: 'permanent',
      salaryMinEur: 26000, salaryMaxEur: 32000,
      requirements: [
        { skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 2 },
        { skillId: ESCO.skill.magWelding, importance: 'optional', minLevel: 1 },
        { skillId: ESCO.skill.readEngineeringDrawings, importance: 'essential', minLevel: 2 },
      ],
    });
    await vacancy('batteryTech', {
      employerId: e2, title: 'Tecnico batterie', occupationId: ESCO.occupation.automotiveBatteryTechnician, remote: true, contractType: 'fixed_term',
      salaryMinEur: 30000, salaryMaxEur: 40000, requirements: [{ skillId: ESCO.skill.repairBatteryComponents, importance: 'essential' }],
    });
    await vacancy('draughts', {
      title: 'Addetto disegno tecnico', location: { municipality: 'Milano' }, contractType: 'apprenticeship',
      requirements: [{ skillId: ESCO.skill.readEngineeringDrawings, importance: 'essential', minLevel: 4 }, { skillId: ESCO.skill.useCadSoftware, importance: 'essential' }],
    });
    await vacancy('closed', { title: 'Saldatore chiuso', location: { municipality: 'Torino' }, contractType: 'permanent', status: 'closed', requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }] });

    workerId = (await post('workers', {
      name: 'Giulia Ferrero', email: 'giulia.ferrero@example.it', home: { municipality: 'Torino' }, mobilityRadiusKm: 30, employmentStatus: 'displaced',
      skills: [{ skillId: ESCO.skill.readEngineeringDrawings, level: 3 }],
    })).id;
    await settle(s);
  }, 180_000);

  afterAll(async () => {
    await s?.close();
  });

  describe('GET /api/v1/search/courses', () => {
    it('finds published courses only, with a typo ("saldatira")', async () => {
      const hits = await courseIds('q=saldatira');
      expect(hits).toContain(ids.tig);
      expect(hits).not.toContain(ids.draft);
    });

    it('finds an English-labelled skill from Italian ("saldatura" → "underwater welding") through the ESCO synonyms', async () => {
      const body = await courses('q=saldatura');
      const hit = body.hits.find((h: { id: string }) => h.id === ids.underwater);
      expect(hit).toBeDefined();
      expect(hit.skills).toEqual([{ skillId: WELD_UNDERWATER, label: 'weld underwater' }]);
    });

    it('finds an Italian-only course from English ("welding" → "saldatura")', async () => {
      expect(await courseIds('q=welding')).toEqual(expect.arrayContaining([ids.cad, ids.tig]));
    });

    it('ranks title and skill-label hits above a description-only hit', async () => {
      const hits = await courseIds('q=saldatura');
      expect(hits).toContain(ids.drawing);
      const at = (key: string) => hits.indexOf(ids[key]);
      for (const key of ['tig', 'cad', 'underwater']) expect(at(key)).toBeLessThan(at('drawing'));
    });

    it('highlights the match in the title, the description crop and the skill labels', async () => {
      const body = await courses('q=saldatura');
      const tig = body.hits.find((h: { id: string }) => h.id === ids.tig);
      expect(tig.highlight.title).toBe('<mark>Saldatura</mark> TIG e MAG');
      expect(tig.highlight.skills.join(' ')).toMatch(/<mark>saldatura<\/mark>/i);
      const drawing = body.hits.find((h: { id: string }) => h.id === ids.drawing);
      expect(drawing.highlight.description).toContain('<mark>saldatura</mark>');
      expect(body.processingTimeMs).toEqual(expect.any(Number));
    });

    it('counts facets for mode, funding, region, province, language and eqfLevel over every match', async () => {
      const body = await courses('');
      expect(Object.keys(body).sort()).toEqual(['facets', 'hits', 'limit', 'page', 'processingTimeMs', 'total', 'totalPages']);
      expect(body.total).toBe(7);
      expect(body.facets).toEqual({
        mode: { in_person: 4, online: 2, blended: 1 },
        funding: { GOL: 4, 'FSE+': 2, regional: 1 },
        region: { ITC1: 3, ITC4: 2 },
        province: { TO: 3, MI: 2 },
        language: { it: 6, en: 1 },
        eqfLevel: { '3': 2, '4': 1, '5': 1 },
      });
    });

    it.each([
      ['skills', `skills=${ESCO.skill.tigWelding}`, ['tig', 'tigOnline']],
      ['region', 'region=ITC4', ['battery', 'magMilano']],
      ['province', 'province=to', ['tig', 'drawing', 'cad']],
      ['mode (several)', 'mode=online,blended', ['underwater', 'battery', 'tigOnline']],
      ['funding', `funding=${encodeURIComponent('FSE+')}`, ['underwater', 'drawing']],
      ['language', 'language=en', ['battery']],
      ['eqfLevel', 'eqfLevel=3,5', ['tig', 'drawing', 'battery']],
      ['maxHours', 'maxHours=60', ['underwater', 'drawing']],
      ['maxCostEur', 'maxCostEur=0&mode=in_person', ['tig', 'drawing', 'cad', 'magMilano']],
      ['startsAfter', `startsAfter=${new Date(Date.now() + 30 * 86_400_000).toISOString()}`, ['battery', 'drawing']],
      ['startsBefore', `startsBefore=${new Date(Date.now() + 15 * 86_400_000).toISOString()}`, ['underwater', 'drawing']],
      // One session in the window: "drawing" has sessions at +5 and +100 days, neither inside.
      ['a start window', `startsAfter=${new Date(Date.now() + 50 * 86_400_000).toISOString()}&startsBefore=${new Date(Date.now() + 70 * 86_400_000).toISOString()}`, ['battery']],
      ['text and filters together', 'q=saldatura&region=ITC1&maxCostEur=0', ['tig', 'drawing', 'cad']],
    ])('filters by %s', async (_label, query, expected) => {
      expect(asSet(await courseIds(query))).toEqual(sorted(...expected));
    });

    it('filters by a geo radius and gives the distance of each hit', async () => {
      const body = await courses(`near=${TORINO.lat},${TORINO.lng}&radiusKm=20`);
      expect(asSet(body.hits.map((h: { id: string }) => h.id))).toEqual(sorted('tig', 'drawing', 'cad'));
      const drawing = body.hits.find((h: { id: string }) => h.id === ids.drawing);
      expect(drawing.distanceKm).toBeGreaterThan(5);
      expect(drawing.distanceKm).toBeLessThan(12);
    });

    it('sorts by distance, nearest first, online courses last and without a distance', async () => {
      const body = await courses(`near=${MONCALIERI.lat},${MONCALIERI.lng}&sort=distance`);
      const hits = body.hits as { id: string; distanceKm?: number; mode: string }[];
      expect(hits[0].id).toBe(ids.drawing);
      const located = hits.filter((h) => h.distanceKm !== undefined).map((h) => h.distanceKm!);
      expect(located).toEqual([...located].sort((a, b) => a - b));
      expect(hits.slice(located.length).every((h) => h.mode === 'online')).toBe(true);
    });

    it('sorts by next session start, courses without sessions last; by hours; by cost', async () => {
      expect((await courseIds('sort=startsAt')).slice(0, 4)).toEqual([ids.drawing, ids.underwater, ids.tig, ids.battery]);
      const byHours = (await courses('sort=hours')).hits.map((h: { hours: number }) => h.hours);
      expect(byHours).toEqual([...byHours].sort((a, b) => a - b));
      const byCost = (await courses('sort=costEur')).hits.map((h: { costEur: number }) => h.costEur);
      expect(byCost).toEqual([...byCost].sort((a, b) => a - b));
    });

    it('pages with exact totals', async () => {
      const first = await courses('limit=3&page=1&sort=hours');
      const third = await courses('limit=3&page=3&sort=hours');
      expect(first).toMatchObject({ total: 7, totalPages: 3, page: 1, limit: 3 });
      expect(first.hits).toHaveLength(3);
      expect(third.hits).toHaveLength(1);
    });

    it('labels skills in English on request', async () => {
      const body = await courses(`skills=${ESCO.skill.tigWelding}&lang=en`);
      expect(body.hits[0].skills.map((x: { label: string }) => x.label)).toContain('perform tungsten inert gas welding');
    });

    it.each([
      ['radiusKm without near', 'radiusKm=10', 'radiusKm'],
      ['an unknown sort', 'sort=popularity', 'sort'],
      ['distance sort without near', 'sort=distance', 'sort'],
      ['a negative number', 'maxHours=-5', 'maxHours'],
      ['a negative cost', 'maxCostEur=-1', 'maxCostEur'],
      ['limit over 100', 'limit=101', 'limit'],
      ['a malformed coordinate', 'near=45.07;7.68', 'near'],
      ['a coordinate out of range', 'near=95,7', 'near'],
      ['an unknown funding source', 'funding=bank', 'funding'],
      ['a malformed skill id', 'skills=welding', 'skills'],
      ['a start window the wrong way round', 'startsAfter=2031-05-01&startsBefore=2031-04-01', 'startsBefore'],
      ['a page beyond reach', 'page=60&limit=20', 'page'],
      ['an unknown parameter', 'teacher=Rossi', 'teacher'],
    ])('rejects %s with 400 naming %s', async (_label, query, field) => {
      const res = await get(`/api/v1/search/courses?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('GET /api/v1/search/vacancies', () => {
    it('finds open vacancies by title, occupation label in either language and skill label', async () => {
      expect(await vacancyIds('q=saldatore')).toEqual([ids.welder]);
      expect(await vacancyIds('q=welder')).toEqual([ids.welder]);
      expect(await vacancyIds('q=batterie')).toEqual([ids.batteryTech]);
    });

    it.each([
      ['contractType', 'contractType=permanent,apprenticeship', ['welder', 'draughts']],
      ['remote', 'remote=true', ['batteryTech']],
      ['on site', 'remote=false', ['welder', 'draughts']],
      ['salary minimum', 'salaryMin=35000', ['batteryTech']],
      ['a lower salary minimum', 'salaryMin=30000', ['welder', 'batteryTech']],
      ['skills', `skills=${ESCO.skill.readEngineeringDrawings}`, ['welder', 'draughts']],
      ['region', 'region=ITC4', ['draughts']],
      ['a geo radius', `near=${TORINO.lat},${TORINO.lng}&radiusKm=30`, ['welder']],
    ])('filters by %s', async (_label, query, expected) => {
      expect(asSet(await vacancyIds(query))).toEqual(sorted(...expected));
    });

    it('counts facets for contract type, remote, region and province, and highlights', async () => {
      const res = await get('/api/v1/search/vacancies?q=saldatore');
      expect(res.body.hits[0].highlight.title).toBe('<mark>Saldatore</mark> TIG');
      const all = await get('/api/v1/search/vacancies');
      expect(all.body.facets).toEqual({
        contractType: { permanent: 1, fixed_term: 1, apprenticeship: 1 },
        remote: { true: 1, false: 2 },
        region: { ITC1: 1, ITC4: 1 },
        province: { TO: 1, MI: 1 },
      });
    });

    it('sorts by distance and salary', async () => {
      const byDistance = await get(`/api/v1/search/vacancies?near=${TORINO.lat},${TORINO.lng}&sort=distance`);
      expect(byDistance.body.hits.map((h: { id: string }) => h.id).slice(0, 2)).toEqual([ids.welder, ids.draughts]);
      expect(byDistance.body.hits[0].distanceKm).toBeLessThan(1);
      expect(await vacancyIds('sort=salary')).toEqual([ids.batteryTech, ids.welder, ids.draughts]);
    });

    it('hides a vacancy that expires without any write, and the check then removes it', async () => {
      const employerId = (await get(`/api/v1/vacancies/${ids.welder}`)).body.employer.id;
      const expiresAt = new Date(Date.now() + 6000);
      const soon = await post('vacancies', {
        employerId, title: 'Saldatore stagionale', location: { municipality: 'Torino' }, contractType: 'temporary', status: 'open',
        expiresAt: expiresAt.toISOString(), requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential' }],
      });
      await settle(s);
      await new Promise((r) => setTimeout(r, Math.max(0, expiresAt.getTime() + 1000 - Date.now())));
      // Still in the index, but past its expiry: searches filter it out.
      await expect(s.meili.index(s.names.vacancies).getDocument(soon.id)).resolves.toMatchObject({ id: soon.id });
      expect(await vacancyIds('q=saldatore')).toEqual([ids.welder]);
      const report = await s.worker.get(CatalogIndexer).verify('vacancies');
      expect(report).toMatchObject({ extra: 1, repaired: 1 });
      await expect(s.meili.index(s.names.vacancies).getDocument(soon.id)).rejects.toThrow();
    });

    it.each([
      ['remote not a boolean', 'remote=maybe', 'remote'],
      ['a negative salary', 'salaryMin=-5', 'salaryMin'],
      ['an unknown contract type', 'contractType=freelance', 'contractType'],
      ['an unknown sort', 'sort=popularity', 'sort'],
    ])('rejects %s with 400 naming %s', async (_label, query, field) => {
      const res = await get(`/api/v1/search/vacancies?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('GET /api/v1/workers/:id/courses/recommended', () => {
    const recommended = async (query = '') => {
      const res = await s.t.request('GET', `/api/v1/workers/${workerId}/courses/recommended?${query}`, undefined, s.admin);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('without stored matches: the gap against open vacancies within the radius, courses there or online, most of the gap first', async () => {
      await s.t.db.query(`do $$ begin if to_regclass('worker_match') is not null then delete from worker_match; end if; end $$`);
      const body = await recommended();
      expect(body.basis).toBe('nearby-vacancies');
      // The welder vacancy in Torino: TIG (essential, 2) and MAG (optional, 1); drawings are covered (level 3 ≥ 2).
      expect(body.gap.map((g: { skillId: string; weight: number }) => [g.skillId, g.weight])).toEqual([
        [ESCO.skill.tigWelding, 2],
        [ESCO.skill.magWelding, 1],
      ]);
      expect(body.area).toMatchObject({ radiusKm: 30 });
      // MAG in Milano is out of the radius; the drawing course closes nothing.
      expect(body.hits.map((h: { id: string }) => h.id)).toEqual([ids.tig, ids.tigOnline]);
      expect(body.hits[0].closes.map((c: { skillId: string }) => c.skillId).sort()).toEqual([ESCO.skill.magWelding, ESCO.skill.tigWelding].sort());
      expect(body.hits[0].distanceKm).toBeLessThan(1);
    });

    it('with stored top matches: the gap of those vacancies', async () => {
      const [{ present }] = await s.t.db.query(`select to_regclass('worker_match') is not null as present`);
      if (!present) return; // worker_match arrives with the matching migration
      await s.t.db.query(
        `insert into worker_match (worker_id, vacancy_id, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
         values ($1, $2, 0.5, 1, 2, 120, 1, now())`,
        [workerId, ids.draughts],
      );
      try {
        const body = await recommended();
        expect(body.basis).toBe('top-matches');
        expect(body.gap.map((g: { skillId: string }) => g.skillId).sort()).toEqual([ESCO.skill.readEngineeringDrawings, ESCO.skill.useCadSoftware].sort());
        expect(asSet(body.hits.map((h: { id: string }) => h.id))).toEqual(sorted('drawing', 'cad'));
      } finally {
        await s.t.db.query(`delete from worker_match where worker_id = $1`, [workerId]);
      }
    });

    it('takes the text query and filters of the course search', async () => {
      expect((await recommended('mode=online')).hits.map((h: { id: string }) => h.id)).toEqual([ids.tigOnline]);
      expect((await recommended('q=saldatura&limit=1')).hits).toHaveLength(1);
    });

    it('answers 404 for an unknown worker and 400 for a point of its own', async () => {
      const missing = await s.t.request('GET', `/api/v1/workers/00000000-0000-4000-8000-000000000000/courses/recommended`, undefined, s.admin);
      expect(missing.status).toBe(404);
      const near = await s.t.request('GET', `/api/v1/workers/${workerId}/courses/recommended?near=45,7`, undefined, s.admin);
      expect(near.status).toBe(400);
      expect(near.body.errors.map((e: { field: string }) => e.field)).toContain('near');
    });
  });
});
