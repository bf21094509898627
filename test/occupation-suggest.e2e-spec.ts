import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabelledTitle, measureSuggestAccuracy, UnlabelledTitle, OccupationSuggester, TaxonomyImportService } from '@ricarica/taxonomy';
import { createTestApp, TestApp } from './support/test-app';

const WELDER = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const FORKLIFT_OPERATOR = 'eeac6251-1974-42f5-91ed-513c6c883755';
const FIXTURE: { titles: LabelledTitle[]; noOccupation: UnlabelledTitle[] } = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'job-titles.json'), 'utf8'));
const TITLES = FIXTURE.titles;

describe('occupation suggestions from job titles (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(TaxonomyImportService).run();
  });

  afterAll(async () => {
    await t.close();
  });

  it('maps a feminine Italian title with a prefix to the ESCO occupation', async () => {
    const res = await t.request('GET', `/api/v1/occupations/suggest?title=${encodeURIComponent('Operaia saldatrice')}&lang=it`);

    expect(res.status).toBe(200);
    expect(res.body.normalised).toBe('saldatore');
    expect(res.body.items[0]).toMatchObject({ occupationId: WELDER, labelEn: 'welder', label: 'saldatore/saldatrice' });
    expect(res.body.items[0].confidence).toBeGreaterThanOrEqual(res.body.threshold);
  });

  it('answers an English title in English', async () => {
    const res = await t.request('GET', `/api/v1/occupations/suggest?title=${encodeURIComponent('forklift driver')}&lang=en`);

    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ occupationId: FORKLIFT_OPERATOR, label: 'forklift operator' });
  });

  it('returns no suggestion rather than a wrong one for a title that names no occupation', async () => {
    const res = await t.request('GET', `/api/v1/occupations/suggest?title=${encodeURIComponent('xqzt blorp vandu')}&lang=it`);

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('answers titles that differ only in case and noise words alike, each in its own place in a batch', async () => {
    const suggester = t.app.get(OccupationSuggester);
    const batch = ['SALDATORE turnista', 'carrellista', 'saldatore', 'Saldatore (tempo indeterminato)', 'xqzt blorp vandu'];
    const results = await suggester.suggestMany(batch, 'it', { limit: 3 });

    expect(results).toHaveLength(5);
    expect(results[0].items[0].occupationId).toBe(WELDER);
    expect(results[1].items[0].occupationId).toBe(FORKLIFT_OPERATOR);
    expect(results[0]).toEqual(results[2]);
    expect(results[3]).toEqual(results[2]);
    expect(results[4].items).toEqual([]);
    expect(results[2]).toEqual(await suggester.suggest('saldatore', 'it', { limit: 3 }));
    results[0].items[0].confidence = -1;
    expect(results[2].items[0].confidence).toBeGreaterThan(0);
  });

  it('refuses a missing title naming the field', async () => {
    const res = await t.request('GET', '/api/v1/occupations/suggest?lang=it');

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('title');
  });

  it('ranks the occupation a careers adviser would pick among the first three for at least 85% of the labelled automotive titles', async () => {
    expect(TITLES.length).toBeGreaterThanOrEqual(150);
    const accuracy = await measureSuggestAccuracy(t.app.get(OccupationSuggester), TITLES, FIXTURE.noOccupation);

    if (process.env.SUGGEST_DEBUG) {
      for (const o of accuracy.outcomes.filter((x) => x.rank !== 1)) console.log(o.rank, o.title, '→', o.top?.labelEn, o.top?.confidence);
      console.log(JSON.stringify({ top1: accuracy.top1, top3: accuracy.top3, byLang: accuracy.byLang, thresholds: accuracy.thresholds }, null, 1));
    }
    expect(accuracy.top3).toBeGreaterThanOrEqual(0.85);
  });
});
