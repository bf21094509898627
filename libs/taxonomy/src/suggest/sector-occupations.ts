import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findCsv, readCsv } from '../import/csv-file';
import { defaultDataDir } from '../import/taxonomy-files';

/** Ids of the occupations in the curated automotive subset (data/esco/automotive/occupations.csv[.gz]). */
export async function automotiveOccupationIds(dataDir: string = defaultDataDir()): Promise<Set<string>> {
  const dir = join(dataDir, 'esco', 'automotive');
  if (!existsSync(dir)) return new Set();
  const file = findCsv(dir, 'occupations', false);
  if (!file) return new Set();
  const ids = new Set<string>();
  for await (const row of readCsv(file, ['conceptUri'])) ids.add(row.values.conceptUri.split('/').pop()!);
  return ids;
}
