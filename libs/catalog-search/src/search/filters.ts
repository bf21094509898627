/** Meilisearch filter expressions built from validated values (quoted, so no value can change the expression). */

export const quote = (value: string | number | boolean) => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `attr IN ["a", "b"]`, or nothing for an empty list. */
export function anyOf(attribute: string, values: readonly (string | number)[] | undefined): string[] {
  if (!values || values.length === 0) return [];
  return [`${attribute} IN [${values.map(quote).join(', ')}]`];
}

export interface LatLng {
  lat: number;
  lng: number;
}

export function geoRadius(point: LatLng, radiusKm: number): string {
  return `_geoRadius(${point.lat}, ${point.lng}, ${Math.round(radiusKm * 1000)})`;
}

export function geoSort(point: LatLng): string {
  return `_geoPoint(${point.lat}, ${point.lng}):asc`;
}

/** Great-circle distance in km (Meilisearch uses the same formula for _geoRadius). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Unix seconds. */
export const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Far enough in the future to stand for "no upper bound" in a `TO` range. */
export const NO_END = 32503680000;
