// Code passed to page.evaluate runs in the browser: its globals are the DOM's.
/// <reference lib="dom" />
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
/** Every screenshot of a run, in Italian and English (CI artifacts). */
export const SCREENSHOT_DIR = path.join(ROOT, 'tmp', 'screenshots');
/** The ones the README shows. */
export const README_SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, without the background connections a closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Signs in through the sign-in page (Italian labels), as a person would. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/accedi');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Accedi' }).last().click();
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page; answers the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** The language the app shows (the switch button names the other one). */
async function setLanguage(page: Page, lang: 'it' | 'en'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === lang) return;
  await page.getByRole('button', { name: lang === 'en' ? 'English' : 'Italiano' }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * One key screen: checked with axe and photographed in Italian and in English, then left in Italian.
 * `ready` waits for what must be on screen in either language.
 */
export async function capture(page: Page, name: string, ready: (page: Page) => Promise<unknown>, options: { readme?: boolean } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: Record<string, unknown> = {};
  for (const lang of ['it', 'en'] as const) {
    await setLanguage(page, lang);
    await ready(page);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const file = path.join(SCREENSHOT_DIR, `${name}.${lang}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (options.readme) {
      mkdirSync(README_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(file, path.join(README_SCREENSHOT_DIR, `${name}.${lang}.png`));
    }
    const violations = await seriousViolations(page);
    if (violations.length) problems[lang] = violations;
  }
  await setLanguage(page, 'it');
  return problems;
}
