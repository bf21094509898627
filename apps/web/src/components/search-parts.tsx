import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Autocomplete } from './autocomplete';
import { placeLabel, searchPlaces } from '../api/lookups';

/** Search state lives in the URL, so a search can be linked, bookmarked and navigated back to. */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? '';
  const list = (key: string) => (params.get(key) ? params.get(key)!.split(',') : []);
  const set = (patch: Record<string, string | string[] | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      const v = Array.isArray(value) ? value.join(',') : value;
      if (v) next.set(key, v);
      else next.delete(key);
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };
  return { get, list, set };
}

interface FacetProps {
  legend: string;
  counts: Record<string, number> | undefined;
  selected: string[];
  onChange: (values: string[]) => void;
  label: (value: string) => string;
  /** Values to show even without a count (selected ones always show). */
  multiple?: boolean;
}

/** Checkboxes (or radios) with the count of matches for each value. */
/** Provinces listed in a facet: the busiest ones (Italy has 107; the selected ones are always shown). */
export const PROVINCES_SHOWN = 12;

/** The `n` values with the most matches. */
export function topCounts(counts: Record<string, number> | undefined, n: number): Record<string, number> | undefined {
  return counts && Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, n));
}

export function Facet({ legend, counts, selected, onChange, label, multiple = true }: FacetProps) {
  const id = useId();
  const values = Array.from(new Set([...Object.keys(counts ?? {}), ...selected]));
  if (!values.length) return null;
  return (
    <fieldset className="mb-4">
      <legend className="h6 fw-semibold">{legend}</legend>
      {values.map((value) => {
        const checked = selected.includes(value);
        const inputId = `${id}-${value}`;
        return (
          <div className="form-check my-1" key={value}>
            <input
              id={inputId}
              type="checkbox"
              checked={checked}
              onChange={() => onChange(checked ? selected.filter((v) => v !== value) : multiple ? [...selected, value] : [value])}
            />
            <label htmlFor={inputId}>
              {label(value)} <span className="facet-count">({counts?.[value] ?? 0})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

interface NearProps {
  place: string;
  radius: string;
  onPlace: (near: { lat: number; lng: number; label: string } | null) => void;
  onRadius: (radius: string) => void;
}

/** "Near me": a municipality (autocomplete over ISTAT's list) and a radius. */
export function NearMe({ place, radius, onPlace, onRadius }: NearProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="mb-4">
      <legend className="h6 fw-semibold">{t('search.nearMe')}</legend>
      <Autocomplete
        id={`${id}-place`}
        label={t('search.municipality')}
        source="places"
        search={searchPlaces}
        itemKey={(p) => p.istatCode}
        primary={placeLabel}
        secondary={(p) => p.regionName}
        initialText={place}
        onSelect={(p) => onPlace({ lat: p.lat, lng: p.lng, label: placeLabel(p) })}
      />
      <div className="select-wrapper mb-2">
        <label htmlFor={`${id}-radius`}>{t('search.radius')}</label>
        <select id={`${id}-radius`} value={radius} onChange={(e) => onRadius(e.target.value)}>
          {['10', '25', '50', '100'].map((r) => (
            <option key={r} value={r}>
              {r} km
            </option>
          ))}
        </select>
      </div>
      {place && (
        <button type="button" className="btn btn-link px-0" onClick={() => onPlace(null)}>
          {t('search.clearPlace')}
        </button>
      )}
    </fieldset>
  );
}

export function Pager({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination-wrapper mt-4" aria-label={t('common.pages')}>
      <ul className="pagination">
        <li className={`page-item${page <= 1 ? ' disabled' : ''}`}>
          <button type="button" className="page-link" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('common.previous')}
          </button>
        </li>
        <li className="page-item">
          <span className="page-link" aria-current="page">
            {t('common.pageOf', { page, total: totalPages })}
          </span>
        </li>
        <li className={`page-item${page >= totalPages ? ' disabled' : ''}`}>
          <button type="button" className="page-link" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
            {t('common.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}

export function ViewToggle({ view, onView }: { view: string; onView: (v: 'list' | 'map') => void }) {
  const { t } = useTranslation();
  return (
    <div className="btn-group" role="group" aria-label={t('search.view')}>
      {(['list', 'map'] as const).map((v) => (
        <button key={v} type="button" className={`btn btn-sm ${view === v ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={view === v} onClick={() => onView(v)}>
          {t(`search.view_${v}`)}
        </button>
      ))}
    </div>
  );
}
