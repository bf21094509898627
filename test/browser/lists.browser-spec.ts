// Code passed to page.evaluate runs in the browser: its globals are the DOM's.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { vacancyBody } from '../support/fixtures';
import { type Account, createTestApp, type TestApp } from '../support/test-app';
import { capture, launchChromium, signIn } from './browser';

// Long lists in the browser: every list shows a first page and loads the next ones on request,
// following the API's cursors, without losing or repeating an item.

jest.setTimeout(120_000);

describe('paged lists in the browser (Playwright, Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let employer: Account;
  const titles: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    employer = await t.withRecord('employer');
    // One more than two pages of twenty, in a known order (the list is newest first).
    for (let i = 1; i <= 41; i++) {
      const title = `Manutentore linea ${String(i).padStart(2, '0')}`;
      const res = await t.as(employer).request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!, { title }));
      if (res.status !== 201) throw new Error(`POST /vacancies answered ${res.status}: ${JSON.stringify(res.body)}`);
      titles.unshift(title);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows an employer's vacancies twenty at a time, each once, in order", async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'it-IT', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, employer);
    await page.waitForURL('**/azienda');
    const list = page.locator('section[aria-labelledby="vacancies-title"] li');
    const more = page.getByRole('button', { name: /Mostra altri/ });

    await page.getByText('20 elementi mostrati').waitFor();
    expect(await list.locator('a').first().innerText()).toBe(titles[0]);
    const problems = await capture(page, 'employer-vacancies-paged', (p) => p.getByRole('button', { name: /Mostra altri|Show more/ }).waitFor());
    expect(problems).toEqual({});

    await more.click();
    await page.getByText('40 elementi mostrati').waitFor();
    await more.click();
    await page.getByText('41 elementi mostrati').waitFor();
    // The last page: nothing more to ask for.
    await expect(more.count()).resolves.toBe(0);
    const shown = await list.evaluateAll((items) => items.map((li) => li.querySelector('a')!.textContent));
    expect(shown).toEqual(titles);
    await context.close();
  });
});
