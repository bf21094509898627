/** Great-circle distances on a sphere of radius 6371 km (the haversine formula of the scoring contract). */

export const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/**
 * Haversine distance in km. Every distance the engine reports comes from this function, always called
 * as (worker, vacancy), so the engine and any reference computation get bit-identical numbers.
 */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const sinLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinLng = Math.sin(((lng2 - lng1) * RAD) / 2);
  const a = sinLat * sinLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinLng * sinLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Writes the unit vector of (lat, lng) at out[at..at+2]; chord lengths between unit vectors order pairs like distances do. */
export function writeUnitVector(lat: number, lng: number, out: Float64Array, at: number): void {
  const phi = lat * RAD;
  const lambda = lng * RAD;
  const c = Math.cos(phi);
  out[at] = c * Math.cos(lambda);
  out[at + 1] = c * Math.sin(lambda);
  out[at + 2] = Math.sin(phi);
}

/** Squared chord (on the unit sphere) of a great-circle distance in km. */
export function chordSquaredOfKm(km: number): number {
  if (km <= 0) return 0;
  const half = Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM));
  const s = Math.sin(half);
  return 4 * s * s;
}

/**
 * Bounds used to decide `haversine <= radius` from a squared chord without trigonometry: below `inside`
 * the pair is surely within the radius, above `outside` surely not; in between (a band of about 1e-9
 * relative width, far wider than the rounding of either formula) the caller computes the haversine.
 */
export function radiusChordBounds(radiusKm: number): { inside: number; outside: number } {
  if (!(radiusKm >= 0)) return { inside: -1, outside: -1 };
  const c = chordSquaredOfKm(radiusKm);
  return { inside: c * (1 - 1e-9) - 1e-12, outside: radiusKm >= Math.PI * EARTH_RADIUS_KM ? Infinity : c * (1 + 1e-9) + 1e-12 };
}

export function hasCoordinates(lat: number | null | undefined, lng: number | null | undefined): boolean {
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng);
}
