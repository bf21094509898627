// `npm run bench:web [-- --url http://localhost:3000] [--queries 50]`: the web app's speed.
// 1. Bundle: the JavaScript index.html loads before anything else (entry + modulepreloads), gzipped.
// 2. Keystroke to results: in Debian's Chromium, the time from the last keystroke of a query in the course
//    search to the list showing that query's results (not the previous ones), over N queries.
// It measures a running instance (default http://localhost:3000, the demo's URL): start `npm run demo` first,
// so that the search has the demo's courses behind it.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');
const OUT = path.join(ROOT, 'bench', 'results');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const WORDS = [
  'saldatura', 'batterie', 'plc', 'welding', 'manutenzione', 'elettrico', 'sicurezza', 'robot', 'cad', 'meccatronica',
  'saldatira', 'batteries', 'maintenance', 'lean', 'qualifica', 'carrello', 'inglese', 'disegno', 'pneumatica', 'tornitura',
  'automazione', 'veicoli elettrici', 'alta tensione', 'logistica', 'magazzino', 'verniciatura', 'controllo qualifica', 'cnc', 'programmazione', 'excel',
  'batterie auto elettriche', 'saldatura tig', 'mig', 'montaggio', 'collaudo', 'idraulica', 'formazione', 'torino', 'elettronica', 'diagnosi',
  'hybrid', 'safety', 'quality', 'electric', 'robotics', 'assembly', 'testing', 'painting', 'forklift', 'drawing',
];

function bundle() {
  const html = readFileSync(path.join(WEB, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const size = (file: string) => {
    const buf = readFileSync(path.join(WEB, file));
    return { file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  };
  const files = initial.map(size);
  const css = [...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g)].map((m) => size(m[1]));
  const allJs = readdirSync(path.join(WEB, 'assets')).filter((f) => f.endsWith('.js')).map((f) => size(`assets/${f}`));
  const sum = (list: { gzipBytes: number }[]) => list.reduce((a, b) => a + b.gzipBytes, 0);
  return { initialJs: files, initialJsGzipBytes: sum(files), initialCssGzipBytes: sum(css), allJsGzipBytes: sum(allJs), chunks: allJs.length };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const count = Number(arg('queries') ?? 50);
  const url = arg('url') ?? 'http://localhost:3000';
  const sizes = bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ baseURL: url, viewport: { width: 1280, height: 900 } });
  await page.goto('/');
  const box = page.getByTestId('course-search');
  await page.locator('[data-results-for=""]').waitFor({ state: 'attached' });
  const samples: { query: string; ms: number; total: number }[] = [];
  for (let i = 0; i < count; i++) {
    const query = WORDS[i % WORDS.length];
    const prefix = query.slice(0, -1);
    await box.fill(prefix);
    await page.locator(`[data-results-for="${prefix.replace(/"/g, '\\"')}"]`).waitFor({ state: 'attached' });
    await page.waitForTimeout(50);
    // Time from the keydown of the last letter to the first frame showing that query's results.
    const timing = page.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          // Runs in the page: its globals are the browser's (this file is compiled without the DOM library).
          const w = globalThis as unknown as {
            addEventListener: (type: string, f: (e: { timeStamp: number }) => void, o: object) => void;
            document: { querySelector: (s: string) => { getAttribute: (a: string) => string | null } | null };
            requestAnimationFrame: (f: () => void) => void;
          };
          let start = 0;
          w.addEventListener('keydown', (e) => (start = e.timeStamp), { once: true, capture: true });
          const tick = () => {
            const list = w.document.querySelector('ul.results');
            if (start && list && list.getAttribute('data-results-for') === q) resolve(performance.now() - start);
            else w.requestAnimationFrame(tick);
          };
          w.requestAnimationFrame(tick);
        }),
      query,
    );
    await box.press(query.slice(-1));
    const ms = await timing;
    const total = Number((await page.getByTestId('results-count').innerText()).replace(/\D/g, '') || 0);
    samples.push({ query, ms: Math.round(ms * 10) / 10, total });
  }
  await browser.close();

  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const result = {
    at: new Date().toISOString(),
    url,
    bundle: sizes,
    keystrokeToResults: { queries: samples.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted[sorted.length - 1], samples },
    goals: { initialJsGzipKb: 250, p95Ms: 150 },
    machine: { cpus: require('node:os').cpus().length, loadavg: require('node:os').loadavg() },
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'web.json'), JSON.stringify(result, null, 2) + '\n');
  const kb = (b: number) => (b / 1024).toFixed(1);
  const md = [
    '# Web app benchmark',
    '',
    `Run ${result.at} against ${url} (${result.machine.cpus} CPUs, load average ${result.machine.loadavg.map((l: number) => l.toFixed(1)).join(' / ')}).`,
    '',
    '| | result | goal |',
    '| --- | ---: | ---: |',
    `| initial JavaScript, gzipped (${sizes.initialJs.length} files) | ${kb(sizes.initialJsGzipBytes)} KB | < 250 KB ${sizes.initialJsGzipBytes < 250 * 1024 ? '(met)' : '(not met)'} |`,
    `| initial CSS, gzipped | ${kb(sizes.initialCssGzipBytes)} KB | |`,
    `| all JavaScript, gzipped (${sizes.chunks} chunks, loaded on demand) | ${kb(sizes.allJsGzipBytes)} KB | |`,
    `| keystroke → results, median (${samples.length} queries) | ${result.keystrokeToResults.medianMs} ms | |`,
    `| keystroke → results, p95 | ${result.keystrokeToResults.p95Ms} ms | < 150 ms ${result.keystrokeToResults.p95Ms < 150 ? '(met)' : '(not met)'} |`,
    `| keystroke → results, max | ${result.keystrokeToResults.maxMs} ms | |`,
    '',
  ].join('\n');
  writeFileSync(path.join(OUT, 'web.md'), md);
  console.log(md);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
