import { DataSource } from 'typeorm';
import { foldText } from '@ricarica/common';
import { DocumentSource, PlaceDocument } from '@ricarica/search';

// Provinces named after something other than their capitals.
const OTHER_CAPITALS = new Set(['aosta', 'verbania', 'carbonia']);

/** Whether a municipality is (one of) its province's capital(s): "Forlì" in "Forlì-Cesena", "Torino" in "Torino". */
export function isProvincialCapital(name: string, provinceName: string): boolean {
  const key = foldText(name);
  if (OTHER_CAPITALS.has(key)) return true;
  return provinceName.split(/\/|-|\s+e\s+/).some((part) => foldText(part) === key) || foldText(provinceName) === key;
}

interface MunicipalityRow {
  istat_code: string;
  name: string;
  province: string;
  province_name: string;
  region: string;
  region_name: string;
  lat: number;
  lng: number;
}

function toDocument(r: MunicipalityRow): PlaceDocument {
  return {
    istatCode: r.istat_code,
    name: r.name,
    province: r.province,
    provinceName: r.province_name,
    region: r.region,
    regionName: r.region_name,
    lat: r.lat,
    lng: r.lng,
    capital: isProvincialCapital(r.name, r.province_name) ? 1 : 0,
  };
}

const SELECT = 'select istat_code, name, province, province_name, region, region_name, lat, lng from municipality';

/** The municipality table as the `places` index sees it. */
export function placeDocumentSource(db: DataSource): DocumentSource<PlaceDocument> {
  return {
    async count() {
      const [{ n }] = await db.query('select count(*)::int as n from municipality');
      return n;
    },
    async *pages(pageSize) {
      let after = '';
      for (;;) {
        const rows: MunicipalityRow[] = await db.query(`${SELECT} where istat_code > $1 order by istat_code limit $2`, [after, pageSize]);
        if (rows.length === 0) return;
        yield rows.map(toDocument);
        after = rows[rows.length - 1].istat_code;
      }
    },
    async byIds(ids) {
      const rows: MunicipalityRow[] = await db.query(`${SELECT} where istat_code = any($1::varchar[])`, [ids]);
      return rows.map(toDocument);
    },
  };
}
