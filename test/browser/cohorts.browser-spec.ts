// Code passed to page.evaluate runs in the browser: its globals are the DOM's.
/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clearCohortFixtures } from '../support/cleanup';
import { courseBody, uniqueEmail, vacancyBody } from '../support/fixtures';
import { MailSink } from '../support/mail-sink';
import { type Account, createTestApp, type TestApp } from '../support/test-app';
import { eventually, startWorkerApp } from '../support/worker-app';
import { capture, launchChromium, SCREENSHOT_DIR, signIn } from './browser';

// The whole-plant intake in a real browser, against the real API, worker, PostgreSQL, Redis, Meilisearch and
// an SMTP sink: regional staff create a cohort for a plant, upload its staff (one bad row, refused with its
// line), wait for the worker, confirm a job title it could not map, invite a member who had no email, and
// open the printable report, whose figures are known by construction (as in test/cohorts.e2e-spec.ts): two
// members fit the vacancy today, three need the course, two live out of reach. The employer sees the same
// report with small counts withheld; the invited member claims the draft profile from the mail's link.

jest.setTimeout(300_000);

const UPHOLSTERER = 'c9874f14-5474-43f6-b4a2-77a94f9abfb3';
const run = randomUUID().slice(0, 8);
const EMPLOYER = `Sangone Componenti ${run}`;
const COHORT = `Rivalta ${run} – chiusura`;
const VACANCY = `Tappezziere sedili ${run}`;
const COURSE = `Corso tappezzeria ${run}`;
const ref = (n: number) => `A${run}-${n}`;

describe('whole-plant intake in the browser (Playwright, Chromium)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let sink: MailSink;
  let browser: Browser;
  let base: string;
  let employer: Account;
  let adminPage: Page;
  let cohortUrl: string;
  let occupationLabel: string;
  /** A skill the vacancy needs that the course teaches: two members declare it, the others must learn it. */
  let s2: string;
  let claim: { token: string; email: string };
  const contexts: BrowserContext[] = [];
  const problems: Record<string, unknown> = {};

  const newPage = async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'it-IT', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  };
  const check = async (page: Page, name: string, ready: (p: Page) => Promise<unknown>) => {
    const found = await capture(page, name, ready);
    if (Object.keys(found).length) problems[name] = found;
  };
  const choose = async (page: Page, input: ReturnType<Page['locator']>, text: string, option: string) => {
    await input.fill(text);
    await page.locator('.suggestion-list:not([hidden]) > li', { hasText: option }).first().click();
  };
  beforeAll(async () => {
    sink = new MailSink();
    const smtp = await sink.start();
    t = await createTestApp({ SMTP_URL: smtp, PUBLIC_APP_URL: 'https://ricarica.test' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    // The report spans every vacancy and course in reach: earlier runs' ones would become this run's destinations.
    await clearCohortFixtures(t.db);

    const [{ s1 }] = await t.db.query(`select skill_id as s1 from occupation_skill where occupation_id = $1 and relation_type = 'essential' order by skill_id limit 1`, [UPHOLSTERER]);
    [{ s2 }] = await t.db.query(
      `select id as s2 from skill where id not in (select skill_id from occupation_skill where occupation_id = $1)
          and id not in (select skill_id from course_skill) and skill_type = 'knowledge' order by md5(id::text || $2) limit 1`,
      [UPHOLSTERER, run],
    );
    const hiring = await t.withRecord('employer');
    const v = await t.as(hiring).request('POST', '/api/v1/vacancies', vacancyBody(hiring.recordId!, {
      title: VACANCY, location: { municipality: 'Torino' },
      requirements: [{ skillId: s1, importance: 'essential', minLevel: 2 }, { skillId: s2, importance: 'essential', minLevel: 2 }],
    }));
    expect(v.status).toBe(201);
    const provider = await t.withRecord('provider');
    const start = new Date(Date.now() + 30 * 86400_000);
    const course = await t.as(provider).request('POST', '/api/v1/courses', courseBody(provider.recordId!, {
      title: COURSE, hours: 40, location: { municipality: 'Torino' }, skillsTaught: [{ skillId: s2, targetLevel: 3 }],
      sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 20 * 86400_000).toISOString(), seats: 2 }],
    }));
    expect(course.status).toBe(201);
    employer = await t.withRecord('employer', { name: EMPLOYER });
    occupationLabel = (await t.request('GET', `/api/v1/occupations/${UPHOLSTERER}?lang=it`)).body.label;

    worker = await startWorkerApp({ ...t.env, SMTP_URL: smtp, PUBLIC_APP_URL: 'https://ricarica.test' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await t?.db.query(`update vacancy set status = 'closed' where title = $1`, [VACANCY]).catch(() => undefined);
    for (const c of contexts) await c.close();
    await browser?.close();
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  it('lets regional staff create a cohort, showing the API’s field errors next to the fields', async () => {
    const admin = await t.admin();
    adminPage = await newPage();
    const page = adminPage;
    await signIn(page, admin);
    await page.waitForURL('**/regione');
    await page.getByRole('link', { name: 'Coorti', exact: true }).click();
    await page.waitForURL('**/regione/coorti');
    await page.getByRole('heading', { name: 'Coorti di stabilimento' }).waitFor();
    await check(page, 'cohort-list', (p) => p.getByRole('heading', { level: 1 }).waitFor());

    await page.getByRole('link', { name: 'Nuova coorte' }).click();
    await page.getByRole('button', { name: 'Crea la coorte' }).click();
    // Nothing filled in: the API names each field and the page puts its reason under that field.
    await page.locator('.field-error').first().waitFor();
    const name = page.getByLabel('Nome della coorte');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('combobox', { name: 'Azienda' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('combobox', { name: 'Comune dello stabilimento' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Data dell’annuncio').getAttribute('aria-invalid')).resolves.toBe('true');
    await check(page, 'cohort-create-errors', (p) => p.locator('.field-error').first().waitFor());

    await name.fill(COHORT);
    await choose(page, page.getByRole('combobox', { name: 'Azienda' }), EMPLOYER, EMPLOYER);
    await choose(page, page.getByRole('combobox', { name: 'Comune dello stabilimento' }), 'Rivalta di Torino', 'Rivalta di Torino (TO)');
    await page.getByLabel('Motivo').selectOption('closure');
    await page.getByLabel('Data dell’annuncio').fill('2026-10-15');
    await page.getByRole('button', { name: 'Crea la coorte' }).click();
    await page.waitForURL(/\/regione\/coorti\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: COHORT }).waitFor();
    cohortUrl = new URL(page.url()).pathname;
    await check(page, 'cohort-empty', (p) => p.getByRole('heading', { name: COHORT }).waitFor());
  });

  it('uploads the staff CSV and lists the bad row with its line, field and reason', async () => {
    const page = adminPage;
    const csv = [
      'employee_ref,municipality,province,job_title,occupation_id,years,skills,email',
      `${ref(1)},Torino,,,${UPHOLSTERER},4,${s2},`,
      `${ref(2)},Torino,,,${UPHOLSTERER},4,${s2},`,
      `${ref(3)},Torino,,,${UPHOLSTERER},4,,`,
      `B${run}-1,Atlantide,,tappezziere,,3,,`,
      `${ref(4)},Torino,,,${UPHOLSTERER},4,,`,
      `${ref(5)},Torino,,addetto,,4,,`,
      `${ref(6)},Palermo,,,${UPHOLSTERER},4,,`,
      `${ref(7)},Palermo,,,${UPHOLSTERER},4,,`,
    ].join('\n');
    // The example file is offered for download, with every column the API reads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-template').click()]);
    expect(download.suggestedFilename()).toBe('coorte-esempio.csv');

    await page.getByLabel('File CSV del personale').setInputFiles({ name: 'personale.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
    await page.getByRole('button', { name: 'Carica', exact: true }).click();
    const rejected = page.getByTestId('rejected-rows');
    await rejected.waitFor();
    const rows = await rejected.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('5');
    expect(rows[0]).toContain(`B${run}-1`);
    expect(rows[0]).toContain('municipality');
    expect(rows[0]).toContain('Atlantide');
    await expect(page.getByTestId('upload-outcome').getByRole('status').innerText()).resolves.toContain('accettate: 7 (7 nuove, 0 già presenti)');
    await check(page, 'cohort-upload-errors', (p) => p.getByTestId('rejected-rows').waitFor());
  });

  it('shows progress while the worker processes the members, then the title to confirm', async () => {
    const page = adminPage;
    const item = page.getByTestId('to-confirm').locator('li').filter({ hasText: ref(5) });
    await item.waitFor({ timeout: 120_000 });
    await page.getByTestId('count-profiled').filter({ hasText: '6 su 6' }).waitFor({ timeout: 120_000 });
    await check(page, 'cohort-to-confirm', (p) => p.getByTestId('to-confirm').locator('li').first().waitFor());

    await choose(page, item.getByRole('combobox'), occupationLabel, occupationLabel);
    await item.getByRole('radio', { name: occupationLabel }).waitFor();
    await item.getByRole('button', { name: `Conferma ${ref(5)}` }).click();
    await page.getByTestId('confirmed').filter({ hasText: `Confermata per ${ref(5)}: ${occupationLabel}` }).waitFor();

    // The confirmation gives the worker more to do; the page polls until the report covers it.
    await page.getByTestId('count-profiled').filter({ hasText: '7 su 7' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('cohort-state').filter({ hasText: 'Elaborazione completata: 7 persone.' }).waitFor({ timeout: 180_000 });
    await expect(page.getByTestId('to-confirm').locator('li').count()).resolves.toBe(0);
    await check(page, 'cohort-processed', (p) => p.getByTestId('members').waitFor());
  });

  it('sends an invitation to a member who had no email', async () => {
    const page = adminPage;
    const row = page.getByTestId('members').locator('tr').filter({ hasText: ref(4) });
    const email = uniqueEmail('invited');
    await row.getByLabel(`Email per l’invito a ${ref(4)}`).fill(email);
    await row.getByRole('button', { name: `Invia invito ${ref(4)}` }).click();
    await row.getByText('In invio').waitFor();
    const mail = await eventually(async () => sink.to(email)[0], 60_000, 'invitation mail');
    claim = { token: /claim\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1], email };
  });

  it('opens the printable report with the figures the cohort was built to give', async () => {
    const page = adminPage;
    await page.goto(cohortUrl);
    await page.getByRole('link', { name: 'Apri il rapporto' }).click();
    await page.waitForURL('**/rapporto');
    const figure = (key: string) => page.getByTestId(`figure-${key}`).locator('.report-figure-value');
    await figure('total').waitFor();
    await expect(figure('total').innerText()).resolves.toBe('7');
    await expect(figure('profiled').innerText()).resolves.toBe('7');
    await expect(figure('fitToday').innerText()).resolves.toBe('2');
    await expect(figure('withPathway').innerText()).resolves.toBe('3');
    await expect(figure('hardest').innerText()).resolves.toBe('2');
    const destination = page.getByTestId('report-destinations').locator('tr').filter({ hasText: VACANCY });
    await expect(destination.locator('td').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['2', '3']));
    const course = page.getByTestId('report-training').locator('tr').filter({ hasText: COURSE });
    await expect(course.locator('td').allInnerTexts()).resolves.toEqual(['Ente Formazione Test', '40', '3', '2', '1']);
    const hardest = page.getByTestId('report-hardest').locator('tbody tr').filter({ hasText: 'Palermo' });
    await expect(hardest.innerText()).resolves.toContain(`${ref(6)}, ${ref(7)}`);
    await check(page, 'cohort-report', (p) => p.getByTestId('report-headline').waitFor());

    // The print button opens the browser's print dialogue; print CSS leaves only the report.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Stampa o salva in PDF' }).click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.it-nav-wrapper').isVisible()).resolves.toBe(false);
    await expect(page.locator('footer').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Stampa o salva in PDF' }).isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('report-training').isVisible()).resolves.toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cohort-report.print.png'), fullPage: true });
    await page.pdf({ path: path.join(SCREENSHOT_DIR, 'cohort-report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the employer its cohort from the company page, with small counts withheld from the report', async () => {
    const page = await newPage();
    await signIn(page, employer);
    await page.waitForURL('**/azienda');
    await page.getByRole('link', { name: 'Coorti di stabilimento' }).click();
    await page.getByTestId('cohort-list').getByRole('link', { name: COHORT, exact: true }).click();
    await page.getByRole('heading', { name: COHORT }).waitFor();
    // Only admins send invitations by hand.
    await page.getByTestId('members').waitFor();
    await expect(page.getByTestId('members').getByRole('button').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Apri il rapporto' }).click();
    await page.waitForURL(/\/azienda\/coorti\/[0-9a-f-]{36}\/rapporto$/);
    await page.getByTestId('figure-total').waitFor();
    await expect(page.getByTestId('figure-total').locator('.report-figure-value').innerText()).resolves.toBe('7');
    await expect(page.getByTestId('figure-fitToday').locator('.report-figure-value').innerText()).resolves.toBe('omesso');
    await expect(page.getByText(ref(6)).count()).resolves.toBe(0);
    await check(page, 'cohort-report-employer', (p) => p.getByTestId('report-headline').waitFor());
  });

  it('lets the invited member preview the draft profile, sign up and claim it', async () => {
    const { token, email } = claim;
    const page = await newPage();
    await page.goto(`/claim?token=${token}`);
    await page.getByText(EMPLOYER).first().waitFor();
    await check(page, 'cohort-claim-preview', (p) => p.locator('form').first().waitFor());
    await page.getByLabel('Nome e cognome').fill(`Marta Bianco ${run}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('tram 15 per Moncalieri');
    await page.getByRole('button', { name: 'Crea l’account' }).click();
    await expect(page.getByTestId('claim-occupation').innerText()).resolves.toBe(occupationLabel);
    await page.getByRole('button', { name: 'Attiva il mio profilo' }).click();
    // No consent choice yet: the page asks for one before sending anything.
    await page.getByText('Scegli una delle due risposte.').waitFor();
    await check(page, 'cohort-claim-form', (p) => p.getByTestId('claim-occupation').waitFor());
    // The person drops one inferred skill they do not have: the claim sends the skills they kept.
    const skills = await page.locator('tbody tr th').allInnerTexts();
    expect(skills.length).toBeGreaterThan(1);
    await page.getByLabel(`Ho la competenza ${skills[0]}`).uncheck({ force: true });
    await page.getByLabel('Sì, le aziende possono vedermi in forma anonima').check({ force: true });
    await page.getByRole('button', { name: 'Attiva il mio profilo' }).click();
    await page.getByTestId('claim-done').waitFor();
    await check(page, 'cohort-claim-done', (p) => p.getByTestId('claim-done').waitFor());
    const [member] = await t.db.query(
      `select m.claimed_at, w.visible_to_employers, w.name from cohort_member m join worker w on w.id = m.worker_id where m.employee_ref = $1`,
      [ref(4)],
    );
    expect(member).toMatchObject({ visible_to_employers: true, name: `Marta Bianco ${run}` });
    expect(member.claimed_at).not.toBeNull();
    const kept: { label: string }[] = await t.db.query(
      `select coalesce(s.label_it, s.label_en) as label from worker_skill ws join skill s on s.id = ws.skill_id
        join cohort_member m on m.worker_id = ws.worker_id where m.employee_ref = $1`,
      [ref(4)],
    );
    expect(kept.map((k) => k.label).sort()).toEqual(skills.slice(1).sort());
    // The link works once.
    const again = await newPage();
    await again.goto(`/claim?token=${token}`);
    await again.getByText('Questo invito non è valido.').waitFor();
  });

  it('reports no serious or critical accessibility violation on any screen', () => {
    expect(problems).toEqual({});
  });
});
