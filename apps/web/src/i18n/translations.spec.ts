import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from './en';
import { it as italian } from './it';

const SRC = path.join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.spec.ts') && e.name !== 'schema.d.ts' ? [path.join(dir, e.name)] : [],
  );
}

/** Every literal key passed to t('…') in the app. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sources(SRC)) for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) keys.add(m[1]);
  return [...keys].sort();
}

function resolves(strings: unknown, key: string): boolean {
  const parts = key.split('.');
  const leaf = parts.pop()!;
  let node = strings as Record<string, unknown> | undefined;
  for (const p of parts) node = node?.[p] as Record<string, unknown> | undefined;
  if (!node) return false;
  // i18next plurals: count_one / count_other
  return typeof node[leaf] === 'string' || (typeof node[`${leaf}_one`] === 'string' && typeof node[`${leaf}_other`] === 'string');
}

function leaves(strings: unknown, prefix = ''): string[] {
  return Object.entries(strings as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

describe('web app translations', () => {
  it('finds the keys the app uses', () => {
    expect(usedKeys().length).toBeGreaterThan(200);
  });

  it.each([
    ['Italian', italian],
    ['English', en],
  ])('has every key the app uses in %s', (_, strings) => {
    expect(usedKeys().filter((key) => !resolves(strings, key))).toEqual([]);
  });

  it('has the same keys in Italian and English, none empty', () => {
    expect(leaves(en).sort()).toEqual(leaves(italian).sort());
    expect([...leaves(italian), ...leaves(en)].filter((k) => k.length === 0)).toEqual([]);
    const empty = (s: unknown): string[] => leaves(s).filter((k) => k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], s) === '');
    expect([...empty(italian), ...empty(en)]).toEqual([]);
  });
});
