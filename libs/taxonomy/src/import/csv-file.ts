import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

/** A CSV row keyed by header, with the line it ends on, for error messages. */
export interface CsvRow {
  values: Record<string, string>;
  line: number;
}

/** A data file that is missing, ambiguous or malformed; the message names the file and line. */
export class ImportDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportDataError';
  }
}

/**
 * Finds `<dir>/<name>.csv` or `<dir>/<name>.csv.gz` (deployments may ship either).
 * Returns undefined for a missing optional file; throws for a missing required one or when both exist.
 */
export function findCsv(dir: string, name: string, required: true): string;
export function findCsv(dir: string, name: string, required: false): string | undefined;
export function findCsv(dir: string, name: string, required: boolean): string | undefined {
  const found = [`${name}.csv`, `${name}.csv.gz`].map((n) => join(dir, n)).filter((p) => existsSync(p));
  if (found.length > 1) throw new ImportDataError(`both ${found.join(' and ')} exist: keep one`);
  if (found.length === 0 && required) throw new ImportDataError(`missing data file ${join(dir, name)}.csv(.gz)`);
  return found[0];
}

/** Streams the rows of a UTF-8, RFC 4180 CSV file (gzip when the name ends in .gz), checking the header. */
export async function* readCsv(file: string, requiredColumns: readonly string[]): AsyncGenerator<CsvRow> {
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => input.destroy(e));
  const parser = input.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, info: true }));
  input.on('error', (e: Error) => parser.destroy(e));
  let checked = false;
  try {
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checked) {
        const missing = requiredColumns.filter((c) => !(c in record.record));
        if (missing.length > 0) throw new ImportDataError(`${file}: missing column(s) ${missing.join(', ')}`);
        checked = true;
      }
      yield { values: record.record, line: record.info.lines };
    }
  } catch (e) {
    if (e instanceof ImportDataError) throw e;
    throw new ImportDataError(`${file}: ${(e as Error).message}`);
  } finally {
    raw.destroy();
  }
}
