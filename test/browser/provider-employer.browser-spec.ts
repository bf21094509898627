// Code passed to page.evaluate runs in the browser: its globals are the DOM's.
/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { InsightsSnapshotService, monthOf } from '@ricarica/insights';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ESCO } from '../support/esco-ids';
import { courseBody, FUTURE, vacancyBody, workerBody } from '../support/fixtures';
import { Account, Client, createTestApp, type TestApp } from '../support/test-app';
import { eventually, startWorkerApp } from '../support/worker-app';
import { capture, launchChromium, signIn } from './browser';

// A training body reads its region's training demand, and an employer watches the candidate preview
// of a vacancy move as it adds a requirement. Everything happens in Potenza (Basilicata, ITF5), where
// no other spec puts people or vacancies:
//   - 6 displaced welders (TIG L3) and 5 displaced CAD users (CAD L3), all consenting;
//   - an open vacancy asking for TIG welding, battery chemistry and battery test equipment (10 openings):
//     the welders lack the two battery skills, so both are shortages that 6 people would gain from;
//   - a course in Potenza teaching battery test equipment: battery chemistry is the one no course covers;
//   - a draft vacancy asking for TIG welding only, for the editor: 6 candidates, 11 once CAD is added.

jest.setTimeout(240_000);

const PLACE = 'Potenza';
const COURSE_TITLE = `Collaudo batterie a Potenza ${randomUUID().slice(0, 6)}`;

describe('training demand and candidate preview in the browser (Playwright, Chromium)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let admin: Client;
  let provider: Account;
  let employer: Account;
  let demandVacancyId: string;
  let draftVacancyId: string;
  let courseId: string | undefined;
  let labels: { chemistry: string; testEquipment: string; cad: string; tig: string };
  const contexts: BrowserContext[] = [];
  const problems: Record<string, unknown> = {};

  const newPage = async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };
  const check = async (page: Page, name: string, ready: (p: Page) => Promise<unknown>) => {
    const found = await capture(page, name, ready);
    if (Object.keys(found).length) problems[name] = found;
  };
  const label = async (id: string) => (await t.request('GET', `/api/v1/skills/${id}?lang=it`)).body.label as string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await startWorkerApp(t.env);
    browser = await launchChromium();
    admin = t.as(await t.admin());
    labels = {
      chemistry: await label(ESCO.skill.batteryChemistry),
      testEquipment: await label(ESCO.skill.operateBatteryTestEquipment),
      cad: await label(ESCO.skill.useCadSoftware),
      tig: await label(ESCO.skill.tigWelding),
    };

    // Earlier runs left their people and vacancies here: out of the counts.
    await t.db.query(`update worker set visible_to_employers = false, employment_status = 'employed' where home_municipality = $1`, [PLACE]);
    await t.db.query(`update vacancy set status = 'closed' where location_municipality = $1 and status = 'open'`, [PLACE]);

    [provider, employer] = await Promise.all([t.withRecord('provider', { sites: [{ municipality: PLACE }] }), t.withRecord('employer')]);
    const create = async (who: Client, path: string, body: unknown) => {
      const res = await who.request('POST', path, body);
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const asEmployer = t.as(employer);
    demandVacancyId = await create(asEmployer, '/api/v1/vacancies', vacancyBody(employer.recordId!, {
      title: 'Tecnico batterie e saldatura',
      location: { municipality: PLACE },
      openings: 10,
      expiresAt: FUTURE,
      requirements: [
        { skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 2 },
        { skillId: ESCO.skill.batteryChemistry, importance: 'essential', minLevel: 2 },
        { skillId: ESCO.skill.operateBatteryTestEquipment, importance: 'essential', minLevel: 2 },
      ],
    }));
    draftVacancyId = await create(asEmployer, '/api/v1/vacancies', vacancyBody(employer.recordId!, {
      title: 'Saldatore TIG (bozza)',
      location: { municipality: PLACE },
      status: 'draft',
      requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 2 }],
    }));
    courseId = await create(t.as(provider), '/api/v1/courses', courseBody(provider.recordId!, { title: COURSE_TITLE, location: { municipality: PLACE } }));
    const welders: string[] = [];
    for (let i = 0; i < 6; i++) {
      welders.push(await create(admin, '/api/v1/workers', workerBody({ home: { municipality: PLACE }, visibleToEmployers: true, skills: [{ skillId: ESCO.skill.tigWelding, level: 3 }] })));
    }
    for (let i = 0; i < 5; i++) {
      await create(admin, '/api/v1/workers', workerBody({ home: { municipality: PLACE }, visibleToEmployers: true, skills: [{ skillId: ESCO.skill.useCadSoftware, level: 3 }] }));
    }
    // The snapshot reads the stored match lists: wait for the worker app to have matched every welder to the vacancy.
    for (const id of welders) {
      await eventually(async () => {
        const res = await admin.request('GET', `/api/v1/workers/${id}/matches`);
        return res.status === 200 && res.body.items.some((m: { vacancy: { id: string } }) => m.vacancy.id === demandVacancyId) ? true : undefined;
      }, 120_000, `worker ${id} matched`);
    }
    await t.app.get(InsightsSnapshotService).compute(monthOf(new Date()));
  });

  afterAll(async () => {
    // Out of the way of later runs on the same database.
    await t?.db.query(`update vacancy set status = 'closed' where id = any($1::uuid[])`, [[demandVacancyId, draftVacancyId].filter(Boolean)]);
    await t?.db.query(`update worker set visible_to_employers = false, employment_status = 'employed' where home_municipality = $1`, [PLACE]);
    if (courseId) await t.db.query(`update course set status = 'archived' where id = $1`, [courseId]);
    for (const c of contexts) await c.close();
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  it('shows a training body the shortage skills of its region, highlighting the one no course teaches', async () => {
    const page = await newPage();
    await signIn(page, provider);
    await page.waitForURL('**/ente');
    await page.getByRole('link', { name: 'Vedi la domanda formativa' }).click();
    await page.waitForURL('**/ente/domanda-formativa');
    await expect(page.getByLabel('Regione').inputValue()).resolves.toBe('ITF5');
    const table = page.getByTestId('training-demand');
    const uncovered = table.locator('tr[data-uncovered]', { hasText: labels.chemistry });
    await uncovered.waitFor();
    await expect(uncovered.getByText('Nessun corso', { exact: true }).count()).resolves.toBe(1);
    await expect(uncovered.locator('td').nth(1).innerText()).resolves.toBe('6');
    const covered = table.locator('tr', { hasText: labels.testEquipment });
    await expect(covered.getAttribute('data-uncovered')).resolves.toBeNull();
    await covered.getByRole('link', { name: COURSE_TITLE }).waitFor();
    await check(page, 'provider-training-demand', (p) => p.getByTestId('training-demand').waitFor());

    // The province narrows the table to Potenza's own figures.
    await page.getByLabel('Provincia').selectOption('PZ');
    await page.getByRole('heading', { name: /Potenza/ }).waitFor();
    await table.locator('tr[data-uncovered]', { hasText: labels.chemistry }).waitFor();

    // "Create a course" opens the course editor with the skill already listed.
    await uncovered.getByRole('link', { name: new RegExp(`Crea un corso.*${labels.chemistry.slice(0, 20)}`) }).click();
    await page.waitForURL('**/ente/corsi/nuovo');
    const skillsTaught = page.locator('fieldset', { has: page.locator('#course-skills') });
    await skillsTaught.getByRole('button', { name: `Rimuovi ${labels.chemistry}` }).waitFor();
    await expect(skillsTaught.locator('li').count()).resolves.toBe(1);
  });

  it('shows an employer how many candidates fit while editing a vacancy, and the count moves when a requirement is added', async () => {
    const page = await newPage();
    await signIn(page, employer);
    await page.waitForURL('**/azienda');
    await page.goto(`/azienda/offerte/${draftVacancyId}`);
    const count = page.getByTestId('preview-candidates');
    await page.locator('[data-testid="preview-candidates"]', { hasText: /^\s*6\s*$/ }).waitFor();
    await expect(page.getByTestId('candidate-preview').innerText()).resolves.toContain('Molto adatte (punteggio almeno 70%): 6.');
    await check(page, 'employer-candidate-preview', (p) => p.getByTestId('preview-candidates').waitFor());

    await page.locator('#vacancy-req').fill(labels.cad);
    await page.locator('.suggestion-list:not([hidden]) > li', { hasText: labels.cad }).first().click();
    await page.locator('[data-testid="preview-candidates"]', { hasText: /^\s*11\s*$/ }).waitFor();
    await expect(page.getByTestId('candidate-preview').innerText()).resolves.toContain('Molto adatte (punteggio almeno 70%): meno di 5.');
    expect((await count.innerText()).trim()).toBe('11');
    await check(page, 'employer-candidate-preview-updated', (p) => p.locator('[data-testid="preview-candidates"]', { hasText: /^\s*11\s*$/ }).waitFor());

    // Remote: everyone consenting counts, wherever they live; then back, and a place out of their reach.
    await page.getByLabel('Da remoto', { exact: true }).check({ force: true });
    await page.waitForFunction(() => {
      const live = document.querySelector('[data-testid="candidate-preview"] [aria-live]');
      const n = Number(document.querySelector('[data-testid="preview-candidates"]')?.textContent?.trim());
      return live?.getAttribute('aria-busy') === 'false' && n >= 11;
    });
    await page.getByLabel('Da remoto', { exact: true }).uncheck({ force: true });
    await page.locator('#vacancy-place').fill('Aosta');
    await page.locator('.suggestion-list:not([hidden]) > li', { hasText: 'Aosta (AO)' }).first().click();
    await page.locator('[data-testid="preview-candidates"]', { hasText: 'meno di 5' }).waitFor();
  });

  it('reports no serious or critical accessibility violation on these screens', () => {
    expect(problems).toEqual({});
  });
});
