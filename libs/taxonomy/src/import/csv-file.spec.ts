import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findCsv, ImportDataError, readCsv } from './csv-file';

const CSV = '\ufeffconceptUri,preferredLabel,altLabels\nhttp://x/1,"saldare, a filo","a\nb"\n\nhttp://x/2,tornire,\n';

async function rows(file: string, columns: string[] = []) {
  const out = [];
  for await (const row of readCsv(file, columns)) out.push(row);
  return out;
}

describe('readCsv / findCsv', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'csv-file-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads quoted commas and multi-line cells, skipping the BOM and blank lines', async () => {
    writeFileSync(join(dir, 'a.csv'), CSV);
    const read = await rows(join(dir, 'a.csv'), ['conceptUri']);
    expect(read.map((r) => r.values)).toEqual([
      { conceptUri: 'http://x/1', preferredLabel: 'saldare, a filo', altLabels: 'a\nb' },
      { conceptUri: 'http://x/2', preferredLabel: 'tornire', altLabels: '' },
    ]);
    expect(read[0].line).toBe(3);
  });

  it('reads gzip files the same way', async () => {
    writeFileSync(join(dir, 'a.csv.gz'), gzipSync(CSV));
    expect((await rows(join(dir, 'a.csv.gz'))).map((r) => r.values.preferredLabel)).toEqual(['saldare, a filo', 'tornire']);
  });

  it('names the file and the missing columns', async () => {
    writeFileSync(join(dir, 'a.csv'), CSV);
    await expect(rows(join(dir, 'a.csv'), ['conceptUri', 'skillType'])).rejects.toThrow(/a\.csv: missing column\(s\) skillType/);
  });

  it('names the file when a row is malformed', async () => {
    writeFileSync(join(dir, 'a.csv'), 'a,b\n1,"unterminated\n');
    await expect(rows(join(dir, 'a.csv'))).rejects.toThrow(ImportDataError);
  });

  it('finds .csv or .csv.gz, refusing both at once and a missing required file', () => {
    expect(findCsv(dir, 'skills_it', false)).toBeUndefined();
    expect(() => findCsv(dir, 'skills_en', true)).toThrow(/missing data file .*skills_en\.csv\(\.gz\)/);
    writeFileSync(join(dir, 'skills_en.csv.gz'), gzipSync(CSV));
    expect(findCsv(dir, 'skills_en', true)).toBe(join(dir, 'skills_en.csv.gz'));
    writeFileSync(join(dir, 'skills_en.csv'), CSV);
    expect(() => findCsv(dir, 'skills_en', true)).toThrow(/keep one/);
  });
});
