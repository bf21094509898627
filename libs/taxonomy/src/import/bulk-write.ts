import { EntityManager } from 'typeorm';

/** A column written by the importer: the record's property and its PostgreSQL type. */
export interface BulkColumn {
  property: string;
  type: string;
}

export interface BulkTable {
  table: string;
  columns: BulkColumn[];
  /** Properties of the conflict target (primary key). */
  key: string[];
  /** Properties compared to decide whether an existing row needs an update (`sourceHash` where there is one). */
  compare: string[];
  /** A timestamp column set to now() on insert and update. */
  touch?: string;
}

export interface WriteCounts {
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  /** Keys (joined with `|` when composite) of inserted or updated rows. */
  changedKeys: string[];
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const ident = (s: string) => `"${snake(s)}"`;

/** Drops earlier rows that share a key with a later one, so that one statement never touches a row twice. */
export function dedupeByKey<T extends object>(rows: T[], key: string[]): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key.map((k) => String((row as Record<string, unknown>)[k])).join('|'), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

function recordset(spec: BulkTable): string {
  return `jsonb_to_recordset($1::jsonb) as x(${spec.columns.map((c) => `${ident(c.property)} ${c.type}`).join(', ')})`;
}

function payload(spec: BulkTable, rows: object[]): string {
  return JSON.stringify(rows.map((r) => Object.fromEntries(spec.columns.map((c) => [snake(c.property), (r as Record<string, unknown>)[c.property] ?? null]))));
}

/** `insert ... on conflict do update ... where <compared columns> is distinct from excluded` for one source relation. */
function upsertSql(spec: BulkTable, from: string): string {
  const cols = spec.columns.map((c) => ident(c.property));
  const keySet = new Set(spec.key);
  const updates = spec.columns.filter((c) => !keySet.has(c.property)).map((c) => `${ident(c.property)} = excluded.${ident(c.property)}`);
  const touch = spec.touch ? ident(spec.touch) : undefined;
  if (touch) updates.push(`${touch} = now()`);
  const t = `"${spec.table}"`;
  const mine = spec.compare.map((p) => `${t}.${ident(p)}`).join(', ');
  const theirs = spec.compare.map((p) => `excluded.${ident(p)}`).join(', ');
  const keyText = spec.key.map((k) => `${t}.${ident(k)}::text`).join(` || '|' || `);
  return (
    `insert into ${t} (${[...cols, ...(touch ? [touch] : [])].join(', ')}) ` +
    `select ${[...cols, ...(touch ? ['now()'] : [])].join(', ')} from ${from} ` +
    `on conflict (${spec.key.map(ident).join(', ')}) do update set ${updates.join(', ')} ` +
    `where (${mine}) is distinct from (${theirs}) ` +
    `returning ${keyText} as key, (xmax = 0) as inserted`
  );
}

function tally(counts: WriteCounts, returned: { key: string; inserted: boolean }[]): void {
  for (const r of returned) {
    if (r.inserted) counts.inserted += 1;
    else counts.updated += 1;
    counts.changedKeys.push(r.key);
  }
}

/** Inserts new rows and updates changed ones, `batchSize` rows per statement; unchanged rows are not written. */
export async function upsertRows(manager: EntityManager, spec: BulkTable, rows: object[], batchSize = 2000): Promise<WriteCounts> {
  const unique = dedupeByKey(rows, spec.key);
  const counts: WriteCounts = { read: rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const sql = upsertSql(spec, recordset(spec));
  for (let i = 0; i < unique.length; i += batchSize) {
    tally(counts, await manager.query(sql, [payload(spec, unique.slice(i, i + batchSize))]));
  }
  return counts;
}

/**
 * Makes the table hold exactly `rows`: loads them into a temporary table, deletes what is gone, then upserts.
 * Must run inside a transaction (the temporary table is dropped on commit).
 */
export async function replaceRows(manager: EntityManager, spec: BulkTable, rows: object[], batchSize = 5000): Promise<WriteCounts> {
  const unique = dedupeByKey(rows, spec.key);
  const counts: WriteCounts = { read: rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const incoming = `"incoming_${spec.table}"`;
  const cols = spec.columns.map((c) => ident(c.property)).join(', ');
  await manager.query(`drop table if exists ${incoming}`);
  await manager.query(
    `create temp table ${incoming} (${spec.columns.map((c) => `${ident(c.property)} ${c.type}`).join(', ')}, ` +
      `primary key (${spec.key.map(ident).join(', ')})) on commit drop`,
  );
  for (let i = 0; i < unique.length; i += batchSize) {
    await manager.query(`insert into ${incoming} (${cols}) select ${cols} from ${recordset(spec)}`, [payload(spec, unique.slice(i, i + batchSize))]);
  }
  await manager.query(`analyze ${incoming}`);
  const t = `"${spec.table}"`;
  const match = spec.key.map((k) => `i.${ident(k)} = ${t}.${ident(k)}`).join(' and ');
  const [{ n }] = await manager.query(`with d as (delete from ${t} where not exists (select 1 from ${incoming} i where ${match}) returning 1) select count(*)::int as n from d`);
  counts.deleted = n;
  tally(counts, await manager.query(upsertSql(spec, incoming)));
  await manager.query(`drop table ${incoming}`);
  return counts;
}
