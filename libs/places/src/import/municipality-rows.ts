import { foldText } from '@ricarica/common';

/** A municipality as read from data/istat/comuni.csv, shaped like the municipality table. */
export interface MunicipalityRecord {
  istatCode: string;
  name: string;
  nameKey: string;
  provinceCode: string;
  province: string;
  provinceName: string;
  region: string;
  regionName: string;
  lat: number;
  lng: number;
}

export const COMUNI_COLUMNS = ['istat_code', 'name', 'province_code', 'province_acr', 'province_name', 'region_name', 'nuts2', 'lat', 'lng'] as const;

/** How the importer writes municipalities: the whole table is replaced set-wise, rows compared column by column. */
export const MUNICIPALITY_TABLE = {
  table: 'municipality',
  columns: [
    { property: 'istatCode', type: 'varchar(6)' },
    { property: 'name', type: 'text' },
    { property: 'nameKey', type: 'text' },
    { property: 'provinceCode', type: 'varchar(3)' },
    { property: 'province', type: 'varchar(2)' },
    { property: 'provinceName', type: 'text' },
    { property: 'region', type: 'varchar(4)' },
    { property: 'regionName', type: 'text' },
    { property: 'lat', type: 'double precision' },
    { property: 'lng', type: 'double precision' },
  ],
  key: ['istatCode'],
  compare: ['name', 'nameKey', 'provinceCode', 'province', 'provinceName', 'region', 'regionName', 'lat', 'lng'],
};

function matching(value: string | undefined, pattern: RegExp, column: string): string {
  const v = (value ?? '').trim();
  if (!pattern.test(v)) throw new Error(`${column} "${value ?? ''}" does not match ${pattern}`);
  return v;
}

function coordinate(value: string | undefined, column: string, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new Error(`${column} "${value ?? ''}" is not a coordinate`);
  return n;
}

/** One row of comuni.csv; throws with the offending column named. */
export function parseComuneRow(row: Record<string, string>): MunicipalityRecord {
  const name = (row.name ?? '').replace(/\s+/g, ' ').trim();
  if (name === '') throw new Error('empty name');
  return {
    istatCode: matching(row.istat_code, /^\d{6}$/, 'istat_code'),
    name,
    nameKey: foldText(name),
    provinceCode: matching(row.province_code, /^\d{3}$/, 'province_code'),
    province: matching(row.province_acr, /^[A-Z]{2}$/, 'province_acr'),
    provinceName: matching(row.province_name, /\S/, 'province_name'),
    region: matching(row.nuts2, /^IT[A-Z0-9]{2}$/, 'nuts2'),
    regionName: matching(row.region_name, /\S/, 'region_name'),
    lat: coordinate(row.lat, 'lat', 35, 48),
    lng: coordinate(row.lng, 'lng', 6, 19),
  };
}
