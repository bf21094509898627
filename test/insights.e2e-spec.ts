import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { InsightsSnapshotService, LONG_HEADER, monthOf, recoverable, SuppressionGroup } from '@ricarica/insights';
import { JobName, QueueName } from '@ricarica/queue';
import { partitaIva } from './support/fixtures';
import { Account, Client, createTestApp, TestApp } from './support/test-app';
import { eventually, startWorkerApp } from './support/worker-app';

// A hand-made population in Molise (ITF2), a region no other spec uses: Campobasso (CB) and Venafro
// (IS, 53 km away, out of reach of Campobasso's vacancies at 30 km). Its skills are unrelated in ESCO
// (no shared broader concept) and used by no other spec, so every score below is exact:
//
//   W1-W6  CB displaced, past baker, bake goods 3 + operate forklift 3
//   W7-W8  CB at risk,   past baker, bake goods 2
//   W9     CB employed,  operate forklift 2
//   W10-12 IS displaced, past forklift operator, operate forklift 2
//   W13    IS unemployed, bake goods 1
//   V1 CB forklift operator, 3 openings: forklift essential ≥2          → W1-W6 score 1.0 (W9 too, employed)
//   V2 CB warehouse worker, 2 openings: inventory ess ≥2, spreadsheets ess ≥2, forklift opt ≥2
//                                                                       → W1-W6 (and W9) score 1·24/(24·5) = 0.2
//   V3 IS baker, 1 opening: dairy essential ≥1                          → nobody
//   C1 in person in Campobasso, inventory to 3, 40 h, 12 seats in 30 days (+50 in 120 days: outside the window)
//   C2 online, spreadsheets to 2, 30 h, 20 seats in 60 days
// W1 and W2 apply to V1; W1 is hired.
const SKILL = {
  bake: '5626b3b1-5415-47f6-acf1-b573d457d180',
  forklift: '28cb374e-6261-4133-8371-f9a5470145da',
  dairy: '1316577b-31f7-437f-97ce-27c408b87a55',
  inventory: 'ab6265f2-a9bf-49e8-a9a5-67cbab4de38b',
  spreadsheets: '1973c966-f236-40c9-b2d4-5d71a89019be',
};
const OCC = {
  baker: '1aadb308-432a-4d01-b54b-b4f7f76dd419',
  forkliftOperator: 'eeac6251-1974-42f5-91ed-513c6c883755',
  warehouseWorker: 'bea705fe-06ac-4147-b8e0-6e8ac1208d8f',
};
const MOLISE = 'ITF2';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

/** A tiny RFC 4180 reader for the exports (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && body[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('regional insights (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let admin: Client;
  let adminAccount: Account;
  const month = monthOf(new Date());
  const ids = { workers: [] as string[], vacancies: {} as Record<'v1' | 'v2' | 'v3', string>, courses: {} as Record<'c1' | 'c2', string> };

  const clear = async () => {
    await t.db.query(`delete from course where id in (select course_id from course_skill where skill_id = any($1::uuid[]))`, [Object.values(SKILL)]);
    await t.db.query(`delete from vacancy where location_region = $1 or id in (select vacancy_id from vacancy_requirement where skill_id = any($2::uuid[]))`, [MOLISE, Object.values(SKILL)]);
    await t.db.query(`delete from worker where home_region = $1 or id in (select worker_id from worker_skill where skill_id = any($2::uuid[]))`, [MOLISE, Object.values(SKILL)]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    adminAccount = await t.admin();
    admin = t.as(adminAccount);
    await clear();

    const person = (i: number, municipality: string, employmentStatus: string, skills: [string, number][], occupation?: string) => ({
      name: `Insights Molise ${i}`,
      email: `insights-${i}-${Date.now()}-${Math.random()}@example.it`,
      home: { municipality },
      mobilityRadiusKm: 30,
      employmentStatus,
      previousOccupations: occupation ? [{ occupationId: occupation, years: 5 }] : [],
      skills: skills.map(([skillId, level]) => ({ skillId, level })),
    });
    const specs = [
      ...[1, 2, 3, 4, 5, 6].map((i) => person(i, 'Campobasso', 'displaced', [[SKILL.bake, 3], [SKILL.forklift, 3]], OCC.baker)),
      ...[7, 8].map((i) => person(i, 'Campobasso', 'at_risk', [[SKILL.bake, 2]], OCC.baker)),
      person(9, 'Campobasso', 'employed', [[SKILL.forklift, 2]]),
      ...[10, 11, 12].map((i) => person(i, 'Venafro', 'displaced', [[SKILL.forklift, 2]], OCC.forkliftOperator)),
      person(13, 'Venafro', 'unemployed', [[SKILL.bake, 1]]),
    ];
    // W1 and W2 have accounts (to apply); the rest are profiles made by staff.
    const applicants = [await t.withRecord('worker', specs[0]), await t.withRecord('worker', specs[1])];
    ids.workers.push(applicants[0].recordId!, applicants[1].recordId!);
    for (const spec of specs.slice(2)) {
      const res = await admin.request('POST', '/api/v1/workers', spec);
      expect(res.status).toBe(201);
      ids.workers.push(res.body.id);
    }
    // A past occupation adds its ESCO essential skills: put back exactly the hand-made skills.
    for (const [i, spec] of specs.entries()) {
      const res = await admin.request('PUT', `/api/v1/workers/${ids.workers[i]}/skills`, { skills: spec.skills });
      expect(res.status).toBe(200);
    }

    const employer = t.as(await t.withRecord('employer', { name: 'Logistica Molisana S.r.l.', vatNumber: partitaIva() }));
    const employerId = employer.account.recordId!;
    const vacancy = async (municipality: string, occupationId: string, openings: number, requirements: unknown[]) => {
      const res = await employer.request('POST', '/api/v1/vacancies', {
        employerId, title: 'Insights Molise', location: { municipality }, occupationId, openings, contractType: 'permanent', status: 'open', expiresAt: inDays(200), requirements,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    ids.vacancies.v1 = await vacancy('Campobasso', OCC.forkliftOperator, 3, [{ skillId: SKILL.forklift, importance: 'essential', minLevel: 2 }]);
    ids.vacancies.v2 = await vacancy('Campobasso', OCC.warehouseWorker, 2, [
      { skillId: SKILL.inventory, importance: 'essential', minLevel: 2 },
      { skillId: SKILL.spreadsheets, importance: 'essential', minLevel: 2 },
      { skillId: SKILL.forklift, importance: 'optional', minLevel: 2 },
    ]);
    ids.vacancies.v3 = await vacancy('Venafro', OCC.baker, 1, [{ skillId: SKILL.dairy, importance: 'essential', minLevel: 1 }]);

    const provider = t.as(await t.withRecord('provider', { name: 'Formazione Molise' }));
    const course = async (body: Record<string, unknown>) => {
      const res = await provider.request('POST', '/api/v1/courses', { providerId: provider.account.recordId, status: 'published', ...body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    ids.courses.c1 = await course({
      title: 'Gestione del magazzino', mode: 'in_person', location: { municipality: 'Campobasso' }, hours: 40,
      skillsTaught: [{ skillId: SKILL.inventory, targetLevel: 3 }],
      sessions: [{ startsAt: inDays(30), endsAt: inDays(45), seats: 12 }, { startsAt: inDays(120), endsAt: inDays(130), seats: 50 }],
    });
    ids.courses.c2 = await course({
      title: 'Fogli di calcolo', mode: 'online', hours: 30, skillsTaught: [{ skillId: SKILL.spreadsheets, targetLevel: 2 }],
      sessions: [{ startsAt: inDays(60), endsAt: inDays(70), seats: 20 }],
    });

    const apply = async (a: Account) => {
      const res = await t.as(a).request('POST', `/api/v1/vacancies/${ids.vacancies.v1}/applications`);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const hired = await apply(applicants[0]);
    await apply(applicants[1]);
    for (const status of ['shortlisted', 'hired']) expect((await employer.request('PATCH', `/api/v1/applications/${hired}`, { status })).status).toBe(200);

    // The matching worker stores the lists the figures read: W1-W6 and W9 × {V1, V2}.
    worker = await startWorkerApp(t.env);
    let stored = 0;
    await eventually(async () => {
      const [{ n }] = await t.db.query(`select count(*)::int as n from worker_match where worker_id = any($1::uuid[]) and vacancy_id = any($2::uuid[])`, [
        ids.workers,
        Object.values(ids.vacancies),
      ]);
      stored = n;
      return n === 14 ? n : undefined;
    }, 240_000, 'match lists of the Molise workers').catch((e: Error) => {
      throw new Error(`${e.message} (${stored} of 14 pairs stored)`);
    });
    await worker.get(InsightsSnapshotService).compute(month);
  }, 400_000);

  afterAll(async () => {
    if (t) await clear();
    await worker?.close();
    await t?.close();
  });

  const get = (path: string, as?: Client) => (as ? as.request('GET', path) : t.request('GET', path));

  it('stores the match scores the figures are computed from', async () => {
    const rows: { worker_id: string; vacancy_id: string; score: string }[] = await t.db.query(
      `select worker_id, vacancy_id, score from worker_match where worker_id = any($1::uuid[])`,
      [ids.workers],
    );
    const score = (w: number, v: string) => Number(rows.find((r) => r.worker_id === ids.workers[w - 1] && r.vacancy_id === v)?.score);
    for (let w = 1; w <= 6; w++) {
      expect(score(w, ids.vacancies.v1)).toBe(1);
      expect(score(w, ids.vacancies.v2)).toBe(0.2);
    }
    expect(score(9, ids.vacancies.v1)).toBe(1);
    expect(score(9, ids.vacancies.v2)).toBe(0.2);
  });

  it('gives admins the region figures exactly as counted by hand', async () => {
    const res = await get(`/api/v1/insights/regions/${MOLISE}?month=${month}&lang=en`, admin);
    expect(res.status).toBe(200);
    const v = res.body;
    const c = (value: number) => ({ value, suppressed: false });
    expect(v.snapshot).toMatchObject({ month, suppressionApplied: false, threshold: 5 });
    expect(v.area).toEqual({ level: 'region', code: MOLISE, name: 'Molise', region: { code: MOLISE, name: 'Molise' } });
    expect(v.headline).toEqual({
      workers: c(13),
      byStatus: { displaced: c(9), at_risk: c(2), employed: c(1), unemployed: c(1) },
      vacancies: 3,
      openings: 6,
      matchRate: c(0.6667),
    });
    const bySkill = (list: any[]) => Object.fromEntries(list.map((s) => [s.skill.id, s]));
    const supply = bySkill(v.supply.skills);
    expect(Object.keys(supply).sort()).toEqual([SKILL.bake, SKILL.forklift].sort());
    expect(supply[SKILL.bake].workers).toEqual(c(8));
    expect(supply[SKILL.forklift].workers).toEqual(c(9));
    expect(v.supply.occupations.map((o: any) => [o.occupation.id, o.workers.value])).toEqual([[OCC.baker, 8], [OCC.forkliftOperator, 3]]);

    // Skill groups: every ESCO group of bake goods counts W1-W8, of forklift W1-W6 and W10-W12.
    const groups: { skill_id: string; gid: string }[] = await t.db.query(
      `select k.id::text as skill_id, g.id as gid from skill k join skill_broader b on b.concept_uri = k.uri and b.broader_type = 'SkillGroup'
         join skill_group g on g.uri = b.broader_uri where k.id = any($1::uuid[])`,
      [[SKILL.bake, SKILL.forklift]],
    );
    const expectedGroups = new Map<string, number>();
    for (const gid of new Set(groups.map((g) => g.gid))) {
      const has = (s: string) => groups.some((g) => g.gid === gid && g.skill_id === s);
      expectedGroups.set(gid, (has(SKILL.bake) && has(SKILL.forklift) ? 11 : 0) || (has(SKILL.bake) ? 8 : 9));
    }
    expect(new Map(v.supply.skillGroups.map((g: any) => [g.group.id, g.workers.value]))).toEqual(expectedGroups);

    const demand = bySkill(v.demand.skills);
    expect(demand[SKILL.forklift]).toMatchObject({ essential: 3, optional: 2 });
    expect(demand[SKILL.inventory]).toMatchObject({ essential: 2, optional: 0 });
    expect(demand[SKILL.spreadsheets]).toMatchObject({ essential: 2, optional: 0 });
    expect(demand[SKILL.dairy]).toMatchObject({ essential: 1, optional: 0 });
    expect(v.demand.occupations.map((o: any) => [o.occupation.id, o.openings])).toEqual([[OCC.forkliftOperator, 3], [OCC.warehouseWorker, 2], [OCC.baker, 1]]);

    const [inv, spr] = [SKILL.inventory, SKILL.spreadsheets].sort();
    expect(v.gap.shortages.map((g: any) => [g.skill.id, g.gap.value])).toEqual([[inv, 2], [spr, 2], [SKILL.dairy, 1]]);
    expect(v.gap.surpluses.map((g: any) => [g.skill.id, g.supply.value, g.gap.value])).toEqual([[SKILL.bake, 8, -8], [SKILL.forklift, 9, -4]]);

    const transitions = Object.fromEntries(v.transitions.map((x: any) => [`${x.from.id}>${x.to.id}`, [x.now.value, x.withPathway.value, x.total.value]]));
    expect(transitions).toEqual({ [`${OCC.baker}>${OCC.forkliftOperator}`]: [6, 0, 6], [`${OCC.baker}>${OCC.warehouseWorker}`]: [0, 6, 6] });

    const training = bySkill(v.training.shortageSkills);
    expect(training[SKILL.inventory]).toMatchObject({ courses: 1, seatsNext90Days: 12, workersInNeed: c(6), seatsPerWorkerInNeed: c(2) });
    expect(training[SKILL.spreadsheets]).toMatchObject({ courses: 1, seatsNext90Days: 20, workersInNeed: c(6), seatsPerWorkerInNeed: c(3.33) });
    expect(training[SKILL.dairy]).toMatchObject({ courses: 0, seatsNext90Days: 0, workersInNeed: c(0) });
    expect(v.training.untaughtShortageSkills.map((g: any) => g.skill.id)).toEqual([SKILL.dairy]);

    // Best pathway of W1-W6: V2 from 0.2 to 1.0 with C1 + C2 (70 h): 0.8 / 70 per hour.
    expect(v.outcomes).toEqual({ displacedMatched: c(6), matchRate: c(0.6667), medianGainPerTrainingHour: c(0.011429), applications: c(2), hires: c(1) });
    expect(v.trend.find((p: any) => p.month === month)).toEqual({ month, workers: c(13), displaced: c(9), atRisk: c(2), vacancies: 3, openings: 6, matchRate: c(0.6667) });
  });

  it('gives the provinces their own figures, adding up to the region', async () => {
    const [cb, is] = await Promise.all([get(`/api/v1/insights/provinces/CB?month=${month}`, admin), get(`/api/v1/insights/provinces/IS?month=${month}`, admin)]);
    expect(cb.status).toBe(200);
    expect(cb.body.area).toMatchObject({ level: 'province', code: 'CB', name: 'Campobasso', region: { code: MOLISE } });
    expect(cb.body.headline.workers.value).toBe(9);
    expect(is.body.headline.workers.value).toBe(4);
    expect(cb.body.headline.byStatus.displaced.value + is.body.headline.byStatus.displaced.value).toBe(9);
    expect(is.body.headline).toMatchObject({ vacancies: 1, openings: 1, matchRate: { value: 0, suppressed: false } });
    expect(cb.body.outcomes.displacedMatched.value).toBe(6);
    expect(is.body.transitions).toEqual([]);
  });

  it('suppresses small counts for the public, and the cells that would give them back', async () => {
    const [region, cb, is] = await Promise.all([
      get(`/api/v1/insights/regions/${MOLISE}?month=${month}`),
      get(`/api/v1/insights/provinces/CB?month=${month}`),
      get(`/api/v1/insights/provinces/IS?month=${month}`),
    ]);
    const hidden = { value: null, suppressed: true };
    expect(region.body.snapshot.suppressionApplied).toBe(true);
    // Primary: fewer than 5.
    expect(region.body.headline.byStatus.at_risk).toEqual(hidden);
    expect(region.body.headline.byStatus.employed).toEqual(hidden);
    expect(is.body.headline.byStatus.displaced).toEqual(hidden);
    expect(region.body.outcomes.applications).toEqual(hidden);
    expect(region.body.outcomes.hires).toEqual(hidden);
    // Complementary: region displaced (9) − Campobasso displaced would give Venafro's 3, so Campobasso's 6 is hidden too.
    expect(region.body.headline.byStatus.displaced).toEqual({ value: 9, suppressed: false });
    expect(cb.body.headline.byStatus.displaced).toEqual(hidden);
    // 9 displaced = 6 matched + 3 unmatched: the 6 is hidden with the 3, and the rate with them.
    expect(region.body.outcomes.displacedMatched).toEqual(hidden);
    expect(region.body.headline.matchRate).toEqual(hidden);
    // Baker → forklift operator: 6 today + 0 with a pathway = 6; the 0 is hidden, so the 6 is too.
    const t1 = region.body.transitions.find((x: any) => x.to.id === OCC.forkliftOperator);
    expect(t1).toMatchObject({ now: hidden, withPathway: hidden, total: { value: 6, suppressed: false } });
    // Counts that are not about people stay.
    expect(region.body.headline).toMatchObject({ vacancies: 3, openings: 6 });
    // Gap uses a hidden supply: hidden too (demand − gap would give it back).
    const forkliftInIs = await get(`/api/v1/insights/skills/${SKILL.forklift}?region=${MOLISE}&month=${month}`);
    const areas = Object.fromEntries(forkliftInIs.body.areas.map((a: any) => [a.area.code, a]));
    expect(areas[MOLISE].supply).toEqual({ value: 9, suppressed: false });
    expect(areas.IS.supply).toEqual(hidden);
    expect(areas.IS.gap).toEqual(hidden);
    expect(areas.CB.supply).toEqual(hidden);
  });

  it('leaves no suppressed cell recoverable from the published totals and parts', async () => {
    const paths = { R: `/api/v1/insights/regions/${MOLISE}?month=${month}`, CB: `/api/v1/insights/provinces/CB?month=${month}`, IS: `/api/v1/insights/provinces/IS?month=${month}` };
    const pub: Record<string, any> = {};
    const full: Record<string, any> = {};
    for (const [k, p] of Object.entries(paths)) {
      pub[k] = (await get(p)).body;
      full[k] = (await get(p, admin)).body;
    }
    // Every equation a reader can write from the three tables: statuses add up to the workers,
    // matched + unmatched displaced to the displaced, provinces to the region.
    const values = new Map<string, number>();
    const published = new Set<string>();
    const statuses = ['displaced', 'at_risk', 'employed', 'unemployed'];
    for (const area of ['R', 'CB', 'IS']) {
      const put = (key: string, pubCell: any, fullCell: any) => {
        values.set(`${area}:${key}`, fullCell.value);
        if (!pubCell.suppressed) {
          published.add(`${area}:${key}`);
          expect(pubCell.value).toBe(fullCell.value);
        } else expect(pubCell.value).toBeNull();
      };
      put('workers', pub[area].headline.workers, full[area].headline.workers);
      for (const s of statuses) put(s, pub[area].headline.byStatus[s], full[area].headline.byStatus[s]);
      put('matched', pub[area].outcomes.displacedMatched, full[area].outcomes.displacedMatched);
      // Never published, but implied: displaced − matched.
      values.set(`${area}:unmatched`, full[area].headline.byStatus.displaced.value - full[area].outcomes.displacedMatched.value);
    }
    const groups: SuppressionGroup[] = [];
    for (const a of ['R', 'CB', 'IS']) groups.push({ total: `${a}:workers`, parts: statuses.map((s) => `${a}:${s}`) });
    for (const a of ['R', 'CB', 'IS']) groups.push({ total: `${a}:displaced`, parts: [`${a}:matched`, `${a}:unmatched`] });
    for (const k of ['workers', ...statuses, 'matched', 'unmatched']) groups.push({ total: `R:${k}`, parts: [`CB:${k}`, `IS:${k}`] });
    const hiddenKeys = new Set([...values.keys()].filter((k) => !published.has(k)));
    expect(hiddenKeys.has('IS:displaced')).toBe(true);
    // The attack: region displaced − Campobasso displaced. Campobasso's is hidden, so it gives nothing.
    expect(pub.R.headline.byStatus.displaced.value - (pub.CB.headline.byStatus.displaced.value ?? NaN)).toBeNaN();
    // And no chain of such subtractions recovers any hidden cell.
    const recovered = recoverable(values, groups, hiddenKeys);
    expect([...recovered.keys()]).toEqual([]);
    // Without complementary suppression the same attack would have worked.
    const primaryOnly = new Set([...values.keys()].filter((k) => values.get(k)! < 5));
    expect(recoverable(values, groups, primaryOnly).get('IS:displaced')).toBe(3);
  });

  it('lists every region with headline figures, and exports them as CSV with the right columns', async () => {
    const res = await get(`/api/v1/insights/regions?month=${month}`, admin);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(21);
    const molise = res.body.items.find((i: any) => i.region.code === MOLISE);
    expect(molise.headline.workers.value).toBe(13);
    expect(molise.topShortages.map((s: any) => s.gap.value)).toEqual([2, 2, 1]);

    const csv = await get(`/api/v1/insights/regions?month=${month}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.headers['content-disposition'])).toBe(`attachment; filename="insights-regions-${month}.csv"`);
    const rows = parseCsv(csv.body);
    expect(rows[0].slice(0, 5)).toEqual(['month', 'region_code', 'region_name', 'workers', 'workers_suppressed']);
    expect(rows).toHaveLength(22);
    const m = rows.find((r) => r[1] === MOLISE)!;
    const col = (name: string) => m[rows[0].indexOf(name)];
    expect([col('region_name'), col('workers'), col('displaced'), col('at_risk'), col('at_risk_suppressed'), col('vacancies'), col('openings')]).toEqual(['Molise', '13', '9', '', 'true', '3', '6']);
  });

  it('exports a region as a long CSV table, one figure per row', async () => {
    const res = await get(`/api/v1/insights/regions/${MOLISE}?month=${month}&format=csv&lang=en`, admin);
    expect(res.status).toBe(200);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([...LONG_HEADER]);
    expect(rows.every((r) => r.length === LONG_HEADER.length)).toBe(true);
    const find = (section: string, measure: string, item = '') => rows.find((r) => r[4] === section && r[9] === measure && r[5] === item);
    expect(find('headline', 'workers')!.slice(10)).toEqual(['13', 'false']);
    expect(find('supply_skills', 'workers', SKILL.bake)!.slice(6)).toEqual(['bake goods', '', '', 'workers', '8', 'false']);
    expect(find('training', 'seats_next_90_days', SKILL.inventory)![10]).toBe('12');
  });

  it('ranks training demand by the workers a course would help, with the courses that exist', async () => {
    const res = await get(`/api/v1/insights/training-demand?region=${MOLISE}&month=${month}`, admin);
    expect(res.status).toBe(200);
    const items = res.body.items;
    expect(items.map((i: any) => [i.skill.id, i.workersWhoWouldGain.value, i.demand, i.gap.value, i.seatsNext90Days]).sort()).toEqual(
      [[SKILL.inventory, 6, 2, 2, 12], [SKILL.spreadsheets, 6, 2, 2, 20]].sort(),
    );
    const inv = items.find((i: any) => i.skill.id === SKILL.inventory);
    expect(inv.courses).toEqual([{ id: ids.courses.c1, title: 'Gestione del magazzino', provider: 'Formazione Molise', mode: 'in_person', hours: 40, seatsNext90Days: 12 }]);
    const isOnly = await get(`/api/v1/insights/training-demand?province=IS&month=${month}`, admin);
    expect(isOnly.body.items).toEqual([]);
    const csv = await get(`/api/v1/insights/training-demand?region=${MOLISE}&province=CB&month=${month}&format=csv`);
    expect(parseCsv(csv.body)[0]).toContain('workers_who_would_gain_suppressed');
  });

  it('computes snapshots through the worker job, keeps ended months unchanged and refuses months to come', async () => {
    const queue = worker!.get<Queue>(getQueueToken(QueueName.Maintenance), { strict: false });
    const [before] = await t.db.query(`select computed_at from insight_snapshot where month = $1::date`, [`${month}-01`]);
    await queue.add(JobName.InsightsSnapshot, { month });
    await eventually(async () => {
      const [after] = await t.db.query(`select computed_at from insight_snapshot where month = $1::date`, [`${month}-01`]);
      return after.computed_at > before.computed_at ? true : undefined;
    }, 60_000, 'the job to recompute the snapshot');

    const service = worker!.get(InsightsSnapshotService);
    const [y, m] = month.split('-').map(Number);
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const first = await service.compute(previous);
    const again = await service.compute(previous);
    expect(again).toMatchObject({ month: previous, frozen: true, cells: first.cells });
    // Records made this month are not in last month's snapshot.
    const old = await get(`/api/v1/insights/regions/${MOLISE}?month=${previous}`, admin);
    expect(old.body.headline.workers).toEqual({ value: 0, suppressed: false });

    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await expect(service.compute(next)).rejects.toMatchObject({ code: 'INSIGHTS.MONTH_IN_FUTURE' });
    const none = await get(`/api/v1/insights/regions/${MOLISE}?month=${next}`);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('INSIGHTS.SNAPSHOT_NOT_FOUND');
  });

  it.each([
    ['/api/v1/insights/regions/XX1', 'code'],
    ['/api/v1/insights/regions/ITF2?month=2026-13', 'month'],
    ['/api/v1/insights/regions?format=xml', 'format'],
    ['/api/v1/insights/provinces/cb', 'code'],
    ['/api/v1/insights/skills/not-a-uuid', 'skillId'],
    ['/api/v1/insights/regions/ITF2?limit=0', 'limit'],
    ['/api/v1/insights/training-demand', 'region'],
    ['/api/v1/insights/training-demand?region=ITF2&province=TO', 'province'],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
  });

  it('answers 404 for a region or province that does not exist', async () => {
    expect((await get('/api/v1/insights/regions/ITZ9')).status).toBe(404);
    expect((await get('/api/v1/insights/provinces/ZZ')).status).toBe(404);
    expect((await get('/api/v1/insights/skills/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
