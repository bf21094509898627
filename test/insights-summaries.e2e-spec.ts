import { InsightsSnapshotService, monthOf, PROVINCES_HEADER } from '@ricarica/insights';
import { ESCO } from './support/esco-ids';
import { partitaIva } from './support/fixtures';
import { Client, createTestApp, TestApp } from './support/test-app';

// The summaries behind the regional staff's maps: the provinces of a region and the shortage
// intensity of regions and provinces, and the list of snapshot months. A hand-made population in
// Umbria (ITI2), a region no other spec uses: Perugia (PG) and Terni (TR). No match lists are needed
// (shortages are openings − holders), so no matching worker runs.
//
//   W1-W6 PG displaced, MAG welding 3          W7-W8 TR at risk, MAG welding 3
//   V1 PG, 10 openings: MAG welding essential ≥2, battery chemistry essential ≥2
//   V2 TR, 4 openings: battery chemistry essential ≥2
//
// Gaps (openings − holders), positive ones summed:
//   PG: MAG 10 − 6 = 4, chemistry 10 − 0 = 10 → 14 per 6 at-risk workers → 233.3 per 100
//   TR: chemistry 4 − 0 = 4 (MAG has no demand there) → 4 per 2 → 200 per 100
//   ITI2: MAG 10 − 8 = 2, chemistry 14 → 16 per 8 → 200 per 100
// Public: TR's 2 MAG holders are hidden (< 5), so PG's 6 are too (the region's 8 would give them
// back); PG's sum depends on that hidden supply and is hidden, TR's does not (no demand for MAG there).
const REGION = 'ITI2';
const SKILL = { mag: ESCO.skill.magWelding, chemistry: ESCO.skill.batteryChemistry };
const WELDER = ESCO.occupation.welder;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const hidden = { value: null, suppressed: true };
const c = (value: number) => ({ value, suppressed: false });

describe('insights summaries for maps (e2e)', () => {
  let t: TestApp;
  let admin: Client;
  const month = monthOf(new Date());

  const clear = async () => {
    await t.db.query(`delete from vacancy where location_region = $1`, [REGION]);
    await t.db.query(`delete from worker where home_region = $1`, [REGION]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    await clear();
    const person = (i: number, municipality: string, employmentStatus: string) => ({
      name: `Insights Umbria ${i}`,
      email: `insights-umbria-${i}-${Date.now()}@example.it`,
      home: { municipality },
      mobilityRadiusKm: 30,
      employmentStatus,
      previousOccupations: [],
      skills: [{ skillId: SKILL.mag, level: 3 }],
    });
    const specs = [...[1, 2, 3, 4, 5, 6].map((i) => person(i, 'Perugia', 'displaced')), ...[7, 8].map((i) => person(i, 'Terni', 'at_risk'))];
    for (const spec of specs) expect((await admin.request('POST', '/api/v1/workers', spec)).status).toBe(201);

    const employer = t.as(await t.withRecord('employer', { name: 'Carpenterie Umbre S.r.l.', vatNumber: partitaIva() }));
    const vacancy = async (municipality: string, openings: number, skills: string[]) => {
      const res = await employer.request('POST', '/api/v1/vacancies', {
        employerId: employer.account.recordId, title: 'Insights Umbria', location: { municipality }, occupationId: WELDER, openings,
        contractType: 'permanent', status: 'open', expiresAt: inDays(200),
        requirements: skills.map((skillId) => ({ skillId, importance: 'essential', minLevel: 2 })),
      });
      expect(res.status).toBe(201);
    };
    await vacancy('Perugia', 10, [SKILL.mag, SKILL.chemistry]);
    await vacancy('Terni', 4, [SKILL.chemistry]);
    await t.app.get(InsightsSnapshotService).compute(month);
  }, 120_000);

  afterAll(async () => {
    if (t) await clear();
    await t?.close();
  });

  it('lists the months with a snapshot, latest first', async () => {
    const res = await t.request('GET', '/api/v1/insights/months');
    expect(res.status).toBe(200);
    const months = res.body.items.map((m: { month: string }) => m.month);
    expect(months[0]).toBe(month);
    expect([...months].sort().reverse()).toEqual(months);
    expect(new Date(res.body.items[0].asOf).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('gives an area a trend point for every snapshot month, 0 where it counted nobody', async () => {
    const [{ month: old }] = await t.db.query(`select to_char(min(month), 'YYYY-MM') as month from insight_snapshot`);
    const months = (await t.request('GET', '/api/v1/insights/months')).body.items.map((m: { month: string }) => m.month).reverse();
    // Valle d'Aosta, where no spec puts anyone.
    const vda = await admin.request('GET', '/api/v1/insights/regions/ITC2');
    expect(vda.body.trend.map((p: any) => p.month)).toEqual(months);
    expect(vda.body.trend[0]).toEqual({ month: old, workers: c(0), displaced: c(0), atRisk: c(0), vacancies: 0, openings: 0, matchRate: { value: null, suppressed: false } });
  });

  it('gives admins every province of the region with its shortage intensity', async () => {
    const res = await admin.request('GET', `/api/v1/insights/regions/${REGION}/provinces?month=${month}&lang=en`);
    expect(res.status).toBe(200);
    expect(res.body.region).toEqual({ code: REGION, name: 'Umbria' });
    expect(res.body.items.map((p: any) => p.province.code)).toEqual(['PG', 'TR']);
    const [pg, tr] = res.body.items;
    expect(pg.province).toEqual({ code: 'PG', name: 'Perugia' });
    expect(pg.headline.byStatus.displaced).toEqual(c(6));
    expect(pg.headline.openings).toBe(10);
    expect(pg.shortage).toEqual({ openings: c(14), per100AtRiskWorkers: c(233.3) });
    expect(pg.topShortages.map((s: any) => [s.skill.id, s.gap.value])).toEqual([[SKILL.chemistry, 10], [SKILL.mag, 4]]);
    expect(tr.shortage).toEqual({ openings: c(4), per100AtRiskWorkers: c(200) });
    expect(tr.topShortages.map((s: any) => [s.skill.id, s.gap.value])).toEqual([[SKILL.chemistry, 4]]);
  });

  it('adds the shortage intensity to the regions list, and 0 with no rate where nothing is asked or nobody is at risk', async () => {
    const res = await admin.request('GET', `/api/v1/insights/regions?month=${month}`);
    expect(res.status).toBe(200);
    const umbria = res.body.items.find((r: any) => r.region.code === REGION);
    expect(umbria.shortage).toEqual({ openings: c(16), per100AtRiskWorkers: c(200) });
    // Valle d'Aosta: no worker and no vacancy of any spec.
    const vda = res.body.items.find((r: any) => r.region.code === 'ITC2');
    expect(vda.shortage).toEqual({ openings: c(0), per100AtRiskWorkers: { value: null, suppressed: false } });
  });

  it('hides from the public a shortage sum that depends on a hidden supply, and the rate over a hidden count', async () => {
    const res = await t.request('GET', `/api/v1/insights/regions/${REGION}/provinces?month=${month}`);
    expect(res.status).toBe(200);
    expect(res.body.snapshot.suppressionApplied).toBe(true);
    const [pg, tr] = res.body.items;
    expect(pg.shortage.openings).toEqual(hidden);
    expect(pg.shortage.per100AtRiskWorkers).toEqual(hidden);
    expect(tr.shortage.openings).toEqual(c(4));
    expect(tr.shortage.per100AtRiskWorkers).toEqual(hidden);
    expect(tr.headline.byStatus.at_risk).toEqual(hidden);
  });

  it('exports the provinces as CSV, one row per province', async () => {
    const res = await admin.request('GET', `/api/v1/insights/regions/${REGION}/provinces?month=${month}&format=csv`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain(`insights-${REGION}-provinces-${month}.csv`);
    const rows = (res.body as string).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual([...PROVINCES_HEADER]);
    const col = (row: string[], name: string) => row[rows[0].indexOf(name)];
    const pg = rows.find((r) => r[3] === 'PG')!;
    expect([col(pg, 'region_code'), col(pg, 'province_name'), col(pg, 'displaced'), col(pg, 'openings'), col(pg, 'shortage_openings'), col(pg, 'shortage_per_100_at_risk')]).toEqual([
      REGION, 'Perugia', '6', '10', '14', '233.3',
    ]);
    expect(rows).toHaveLength(3);
  });

  it('adds the shortage columns to the regions CSV', async () => {
    const res = await admin.request('GET', `/api/v1/insights/regions?month=${month}&format=csv`);
    const rows = (res.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = rows[0].split(',');
    const umbria = rows.find((r) => r.startsWith(`${month},${REGION},`))!.split(',');
    expect(umbria[header.indexOf('shortage_openings')]).toBe('16');
    expect(umbria[header.indexOf('shortage_per_100_at_risk')]).toBe('200');
  });

  it('refuses a bad region code, an unknown region and a month without a snapshot, naming the field', async () => {
    const bad = await t.request('GET', '/api/v1/insights/regions/Umbria/provinces');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['code']);
    const badMonth = await t.request('GET', `/api/v1/insights/regions/${REGION}/provinces?month=2026-13`);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.errors.map((e: any) => e.field)).toEqual(['month']);
    const unknown = await t.request('GET', '/api/v1/insights/regions/ITZ9/provinces');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INSIGHTS.REGION_NOT_FOUND');
    const noSnapshot = await t.request('GET', `/api/v1/insights/regions/${REGION}/provinces?month=2020-01`);
    expect(noSnapshot.status).toBe(404);
    expect(noSnapshot.body.code).toBe('INSIGHTS.SNAPSHOT_NOT_FOUND');
  });
});
