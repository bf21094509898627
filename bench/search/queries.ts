// The fixed query mix: what workers type, alone and with the filters the UI offers, near home, and the
// facet-only browse. Each entry is sent to the API and, as the very request the API makes, to Meilisearch.
import type { CourseSearchQuery, VacancySearchQuery } from '@ricarica/catalog-search';

export type MixEntry =
  | { kind: 'courses'; label: string; group: Group; query: Partial<CourseSearchQuery> }
  | { kind: 'vacancies'; label: string; group: Group; query: Partial<VacancySearchQuery> };

export type Group = 'text' | 'text+filters' | 'geo+filters' | 'facets';

const TORINO = { lat: 45.0703, lng: 7.6869 };
const MILANO = { lat: 45.4642, lng: 9.19 };
const MELFI = { lat: 40.9963, lng: 15.6561 };
const day = 86_400_000;

export function queryMix(now = new Date()): MixEntry[] {
  const inDays = (n: number) => new Date(now.getTime() + n * day);
  return [
    { kind: 'courses', group: 'text', label: 'saldatura', query: { q: 'saldatura' } },
    { kind: 'courses', group: 'text', label: 'batterie auto elettriche', query: { q: 'batterie auto elettriche' } },
    { kind: 'courses', group: 'text', label: 'PLC', query: { q: 'PLC' } },
    { kind: 'courses', group: 'text', label: 'saldatira (typo)', query: { q: 'saldatira' } },
    { kind: 'courses', group: 'text', label: 'welding', query: { q: 'welding' } },
    { kind: 'courses', group: 'text+filters', label: 'manutenzione, ITC1, in person', query: { q: 'manutenzione', region: ['ITC1'], mode: ['in_person'] } },
    { kind: 'courses', group: 'text+filters', label: 'automazione, free, GOL', query: { q: 'automazione', maxCostEur: 0, funding: ['GOL'] } },
    { kind: 'courses', group: 'text+filters', label: 'elettronica, starts in 90 days, ≤160 h', query: { q: 'elettronica', startsBefore: inDays(90), maxHours: 160 } },
    { kind: 'courses', group: 'geo+filters', label: 'near Torino 30 km, by distance', query: { near: TORINO, radiusKm: 30, sort: 'distance', mode: ['in_person', 'blended'] } },
    { kind: 'courses', group: 'geo+filters', label: 'meccanica near Milano 50 km', query: { q: 'meccanica', near: MILANO, radiusKm: 50 } },
    { kind: 'courses', group: 'facets', label: 'browse ITC4 (facets only)', query: { region: ['ITC4'], limit: 1 } },
    { kind: 'courses', group: 'facets', label: 'browse all, by start date', query: { sort: 'startsAt' } },
    { kind: 'vacancies', group: 'text', label: 'saldatore', query: { q: 'saldatore' } },
    { kind: 'vacancies', group: 'text', label: 'carrellista', query: { q: 'carrellista' } },
    { kind: 'vacancies', group: 'text+filters', label: 'tecnico, permanent, ≥30k', query: { q: 'tecnico', contractType: ['permanent'], salaryMin: 30000 } },
    { kind: 'vacancies', group: 'geo+filters', label: 'near Melfi 40 km, on site', query: { near: MELFI, radiusKm: 40, remote: false } },
    { kind: 'vacancies', group: 'geo+filters', label: 'operaio near Torino 25 km, by distance', query: { q: 'operaio', near: TORINO, radiusKm: 25, sort: 'distance' } },
    { kind: 'vacancies', group: 'facets', label: 'browse remote (facets only)', query: { remote: true, limit: 1 } },
  ];
}

const iso = (d: Date) => d.toISOString();

/** The API URL of a mix entry (the same parameters the UI would send). */
export function apiPath(entry: MixEntry): string {
  const p = new URLSearchParams();
  const q = entry.query as Record<string, unknown>;
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined) continue;
    if (key === 'near') p.set('near', `${(value as { lat: number }).lat},${(value as { lng: number }).lng}`);
    else if (value instanceof Date) p.set(key, iso(value));
    else if (Array.isArray(value)) p.set(key, value.join(','));
    else p.set(key, String(value));
  }
  return `/api/v1/search/${entry.kind}?${p.toString()}`;
}
