import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import provincesUrl from '@istat/provinces.topo.json?url';
import regionsUrl from '@istat/regions.topo.json?url';

export interface RegionProps {
  reg_name: string;
  reg_istat_code: string;
}
export interface ProvinceProps extends RegionProps {
  prov_name: string;
  prov_acr: string;
}

const cache = new Map<string, Promise<FeatureCollection<Geometry, never>>>();

/** ISTAT boundaries (CC-BY), shipped with the app as assets and turned into GeoJSON once. */
function load<P>(url: string): Promise<FeatureCollection<Geometry, P>> {
  if (!cache.has(url)) {
    cache.set(
      url,
      fetch(url)
        .then((r) => r.json() as Promise<Topology>)
        .then((topo) => feature(topo, topo.objects[Object.keys(topo.objects)[0]]) as unknown as FeatureCollection<Geometry, never>),
    );
  }
  return cache.get(url)! as unknown as Promise<FeatureCollection<Geometry, P>>;
}

export const loadRegions = () => load<RegionProps>(regionsUrl);
export const loadProvinces = () => load<ProvinceProps>(provincesUrl);

/** ISTAT region code → NUTS-2 code used by the API (Trentino-Alto Adige is two NUTS-2 areas: ITH1, ITH2). */
export const NUTS2_BY_ISTAT: Record<string, string[]> = {
  '01': ['ITC1'], '02': ['ITC2'], '03': ['ITC4'], '04': ['ITH1', 'ITH2'], '05': ['ITH3'], '06': ['ITH4'], '07': ['ITC3'],
  '08': ['ITH5'], '09': ['ITI1'], '10': ['ITI2'], '11': ['ITI3'], '12': ['ITI4'], '13': ['ITF1'], '14': ['ITF2'], '15': ['ITF3'],
  '16': ['ITF4'], '17': ['ITF5'], '18': ['ITF6'], '19': ['ITG1'], '20': ['ITG2'],
};
