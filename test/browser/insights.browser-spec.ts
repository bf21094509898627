// Code passed to page.evaluate runs in the browser: its globals are the DOM's.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { InsightsSnapshotService, LONG_HEADER, monthOf, PROVINCES_HEADER } from '@ricarica/insights';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ESCO } from '../support/esco-ids';
import { partitaIva } from '../support/fixtures';
import { type Client, createTestApp, type TestApp } from '../support/test-app';
import { eventually, startWorkerApp } from '../support/worker-app';
import { capture, launchChromium, signIn } from './browser';

// Regional staff's insights pages in a real browser, on a population made through the API in
// Basilicata (ITF5), a region no other spec of this run uses:
//
//   6 displaced workers in Potenza (PZ) and 5 at-risk workers in Matera (MT), all holding TIG welding 3
//   V1 Potenza, 4 openings: TIG welding essential ≥ 2              → the 6 displaced match it (match rate 100%)
//   V2 Matera, 8 openings: battery chemistry and battery test equipment, essential ≥ 2
//   C1 in person in Potenza, teaches battery test equipment, 15 seats in 30 days
//
// So the region lacks battery chemistry (gap 8, no course teaches it) and battery test equipment
// (gap 8, 15 seats), and has TIG welders in surplus (4 openings − 11 holders = −7).

jest.setTimeout(300_000);

const REGION = 'ITF5';
const SKILL = { tig: ESCO.skill.tigWelding, chemistry: ESCO.skill.batteryChemistry, tester: ESCO.skill.operateBatteryTestEquipment };
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const month = monthOf(new Date());
const [y, m] = month.split('-').map(Number);
const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;

/** RFC 4180 rows of a downloaded export (BOM, quoted fields, CRLF). */
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

describe('regional staff insights pages in the browser (Playwright, Chromium)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Client;
  const problems: Record<string, unknown> = {};
  const labels: Record<keyof typeof SKILL, string> = { tig: '', chemistry: '', tester: '' };

  const check = async (name: string, ready: (p: Page) => Promise<unknown>) => {
    const found = await capture(page, name, ready);
    if (Object.keys(found).length) problems[name] = found;
  };
  const download = async (testId: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), rows: parseCsv(readFileSync((await file.path())!, 'utf8')) };
  };
  const clear = async () => {
    await t.db.query(`delete from course where location_region = $1`, [REGION]);
    await t.db.query(`delete from vacancy where location_region = $1`, [REGION]);
    await t.db.query(`delete from worker where home_region = $1`, [REGION]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    admin = t.as(await t.admin());
    await clear();
    for (const key of Object.keys(SKILL) as (keyof typeof SKILL)[]) labels[key] = (await t.request('GET', `/api/v1/skills/${SKILL[key]}?lang=it`)).body.label;

    const person = (i: number, municipality: string, employmentStatus: string) => ({
      name: `Insights Basilicata ${i}`,
      email: `insights-basilicata-${i}-${Date.now()}@example.it`,
      home: { municipality },
      mobilityRadiusKm: 30,
      employmentStatus,
      previousOccupations: [],
      skills: [{ skillId: SKILL.tig, level: 3 }],
    });
    const workerIds: string[] = [];
    for (const spec of [...[1, 2, 3, 4, 5, 6].map((i) => person(i, 'Potenza', 'displaced')), ...[7, 8, 9, 10, 11].map((i) => person(i, 'Matera', 'at_risk'))]) {
      const res = await admin.request('POST', '/api/v1/workers', spec);
      expect(res.status).toBe(201);
      workerIds.push(res.body.id);
    }
    const employer = t.as(await t.withRecord('employer', { name: 'Officine Lucane S.r.l.', vatNumber: partitaIva() }));
    const vacancy = async (municipality: string, openings: number, skills: string[]) => {
      const res = await employer.request('POST', '/api/v1/vacancies', {
        employerId: employer.account.recordId, title: 'Insights Basilicata', location: { municipality }, occupationId: ESCO.occupation.welder, openings,
        contractType: 'permanent', status: 'open', expiresAt: inDays(200),
        requirements: skills.map((skillId) => ({ skillId, importance: 'essential', minLevel: 2 })),
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const v1 = await vacancy('Potenza', 4, [SKILL.tig]);
    await vacancy('Matera', 8, [SKILL.chemistry, SKILL.tester]);
    const provider = t.as(await t.withRecord('provider', { name: 'Formazione Lucana' }));
    const course = await provider.request('POST', '/api/v1/courses', {
      providerId: provider.account.recordId, status: 'published', title: 'Collaudo pacchi batteria', mode: 'in_person', location: { municipality: 'Potenza' },
      hours: 60, skillsTaught: [{ skillId: SKILL.tester, targetLevel: 3 }], sessions: [{ startsAt: inDays(30), endsAt: inDays(60), seats: 15 }],
    });
    expect(course.status).toBe(201);

    // The match rate counts the displaced workers whose stored match list has V1 at ≥ 0.7: wait for the worker to store them.
    worker = await startWorkerApp(t.env);
    await eventually(async () => {
      const [{ n }] = await t.db.query(`select count(*)::int as n from worker_match where worker_id = any($1::uuid[]) and vacancy_id = $2 and score >= 0.7`, [workerIds.slice(0, 6), v1]);
      return n === 6 ? n : undefined;
    }, 240_000, 'match lists of the Basilicata workers');
    const snapshots = t.app.get(InsightsSnapshotService);
    await snapshots.compute(previous);
    await snapshots.compute(month);

    browser = await launchChromium();
    context = await browser.newContext({ baseURL: base, locale: 'it-IT', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    const account = await t.admin();
    await signIn(page, account);
    await page.waitForURL('**/regione');
  }, 400_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (t) await clear();
    await worker?.close();
    await t?.close();
  });

  const regionsRow = (name: string) => page.getByTestId('regions-table').getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('shows the regions on a map by match rate, with a table and a legend', async () => {
    await page.locator('[data-testid="regional-map"] path.leaflet-interactive').first().waitFor();
    await check('insights-regions', (p) => p.locator('[data-testid="regional-map"] path.leaflet-interactive').first().waitFor());
    await page.getByRole('button', { name: 'Tasso di corrispondenza' }).waitFor();
    expect(await page.getByRole('button', { name: 'Tasso di corrispondenza' }).getAttribute('aria-pressed')).toBe('true');
    await expect(regionsRow('Basilicata').getByRole('cell').first().textContent()).resolves.toBe('100%');
    // 20 NUTS-2 regions on 20 ISTAT shapes (Trentino-Alto Adige is two NUTS-2 areas on one shape).
    expect(await page.locator('[data-testid="regional-map"] path.leaflet-interactive').count()).toBe(20);
    expect(await page.getByTestId('map-legend').textContent()).toContain('Tasso di corrispondenza');
  });

  it('switches the map to shortage intensity', async () => {
    await page.getByRole('button', { name: 'Intensità della carenza' }).click();
    await page.waitForURL(/measure=shortage/);
    expect(await page.getByRole('button', { name: 'Intensità della carenza' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('map-legend').getByText('posti scoperti ogni 100 persone', { exact: false }).waitFor();
    // Basilicata: gaps 8 + 8 (TIG is in surplus) per 11 displaced or at-risk workers → 145.5 per 100.
    expect(await regionsRow('Basilicata').getByRole('cell').nth(1).textContent()).toBe('145,5');
    await check('insights-regions-shortage', (p) => p.locator('[data-testid="regional-map"] path.leaflet-interactive').first().waitFor());
  });

  it('downloads the regions as CSV', async () => {
    const { name, rows } = await download('csv-download');
    expect(name).toBe(`insights-regions-${month}.csv`);
    expect(rows[0].slice(0, 4)).toEqual(['month', 'region_code', 'region_name', 'workers']);
    const basilicata = rows.find((r) => r[1] === REGION)!;
    expect(basilicata[rows[0].indexOf('shortage_openings')]).toBe('16');
  });

  it('opens a region with its provinces, shortages, training capacity and trend', async () => {
    await regionsRow('Basilicata').getByRole('link').click();
    await page.waitForURL(`**/regione/regioni/${REGION}?month=${month}`);
    await page.getByRole('heading', { level: 1, name: 'Basilicata' }).waitFor();
    await page.locator('[data-testid="province-map"] path.leaflet-interactive').first().waitFor();
    expect(await page.locator('[data-testid="province-map"] path.leaflet-interactive').count()).toBe(2);
    expect(await page.getByTestId('provinces-table').getByRole('link').allTextContents()).toEqual(['Matera', 'Potenza']);

    const shortages = page.getByTestId('shortages-table');
    expect((await shortages.getByRole('rowheader').allTextContents()).sort()).toEqual([labels.chemistry, labels.tester].sort());
    expect(await page.getByTestId('surpluses-table').getByRole('row').filter({ hasText: labels.tig }).getByRole('cell').last().textContent()).toBe('-7');

    const tester = page.getByTestId('capacity-table').getByRole('row').filter({ hasText: labels.tester });
    // gap, courses, seats in the next 90 days
    expect((await tester.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['8', '1', '15']);
    await page.getByTestId('capacity-chart').waitFor();
    expect(await page.getByTestId('untaught-list').textContent()).toContain(labels.chemistry);

    await page.getByTestId('trend-chart').waitFor();
    const trend = page.getByTestId('trends-table');
    const months = await trend.locator('tbody th time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(months.slice(-2)).toEqual([previous, month]);
    const monthRow = (m: string) => trend.getByRole('row').filter({ has: page.locator(`time[datetime="${m}"]`) });
    // Last month's snapshot predates these records: nobody then, 11 people and 12 openings now.
    expect(await monthRow(previous).getByRole('cell').allTextContents()).toEqual(['0', '0', 'n.d.']);
    expect(await monthRow(month).getByRole('cell').allTextContents()).toEqual(['11', '12', '100%']);
    await check('insights-region', (p) => p.getByTestId('trend-chart').waitFor());
  });

  it('downloads the region and its provinces as CSV', async () => {
    const area = await download('area-csv');
    expect(area.name).toBe(`insights-${REGION}-${month}.csv`);
    expect(area.rows[0]).toEqual([...LONG_HEADER]);
    const gap = area.rows.find((r) => r[4] === 'shortages' && r[5] === SKILL.chemistry && r[9] === 'gap')!;
    expect([gap[0], gap[2], gap[10], gap[11]]).toEqual([month, REGION, '8', 'false']);

    const provinces = await download('provinces-csv');
    expect(provinces.rows[0]).toEqual([...PROVINCES_HEADER]);
    const potenza = provinces.rows.find((r) => r[3] === 'PZ')!;
    expect([potenza[4], potenza[provinces.rows[0].indexOf('displaced')], potenza[provinces.rows[0].indexOf('match_rate')]]).toEqual(['Potenza', '6', '1']);
  });

  it('opens a province from the provinces map', async () => {
    const matera = page.locator('[data-testid="province-map"] path.leaflet-interactive');
    // Leaflet takes clicks on the shapes themselves; the two provinces are the only shapes drawn.
    const before = page.url();
    await matera.first().dispatchEvent('click');
    await page.waitForURL((u) => u.toString() !== before && u.pathname.startsWith('/regione/province/'));
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(['Matera', 'Potenza']).toContain((await heading.textContent())?.trim());
    await page.goto(`/regione/province/PZ?month=${month}`);
    await page.getByRole('heading', { level: 1, name: 'Potenza' }).waitFor();
    expect(await page.getByTestId('headline').textContent()).toContain('100%');
    await page.getByTestId('trend-chart').waitFor();
    await check('insights-province', (p) => p.getByTestId('trend-chart').waitFor());
  });

  it('shows another month from the month picker', async () => {
    await page.goto(`/regione/regioni/${REGION}?month=${month}`);
    await page.getByRole('heading', { level: 1, name: 'Basilicata' }).waitFor();
    await page.getByLabel('Mese', { exact: true }).selectOption(previous);
    await page.waitForURL(new RegExp(`month=${previous}`));
    await page.getByTestId('shortages-table').waitFor({ state: 'detached' });
    await page.getByText('Nessuna competenza è carente.').first().waitFor();
  });

  it('reports no serious or critical accessibility violation on any screen', () => {
    expect(problems).toEqual({});
  });
});
