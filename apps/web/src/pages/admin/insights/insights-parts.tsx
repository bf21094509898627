import 'leaflet/dist/leaflet.css';
import { useQuery } from '@tanstack/react-query';
import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { type MouseEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, call, type Schemas } from '../../../api/client';
import { session } from '../../../api/session-store';
import { loadProvinces, loadRegions, NUTS2_BY_ISTAT, type ProvinceProps, type RegionProps } from '../../../components/boundaries';
import { REGION_NAMES } from '../../../components/regions';

export type Cell = Schemas['InsightCellResponseDto'];
export type Headline = Schemas['InsightHeadlineResponseDto'];
export type ShortageIntensity = Schemas['InsightShortageIntensityResponseDto'];
export interface Summary {
  headline: Headline;
  shortage: ShortageIntensity;
  topShortages: Schemas['InsightSkillGapValueResponseDto'][];
}

/** Where a region's or a province's page is, keeping the month on screen. */
export const regionPath = (code: string, month?: string) => `/regione/regioni/${code}${month ? `?month=${month}` : ''}`;
export const provincePath = (code: string, month?: string) => `/regione/province/${code}${month ? `?month=${month}` : ''}`;

export type NamedSummary = Summary & { code: string; name: string };

/** The two NUTS-2 areas of Trentino-Alto Adige share ISTAT's region name: they go by their provinces' names. */
export const areaName = (code: string, name: string) => (code === 'ITH1' || code === 'ITH2' ? REGION_NAMES[code] : name);

/** A snapshot month (YYYY-MM) as words: "novembre 2026", or "nov 2026" when short. */
export function useMonthLabel() {
  const { i18n } = useTranslation();
  return (m: string, short = false) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-15T12:00:00Z`));
}

/** The regions with their headline figures and shortage intensity, as one list shape for maps and tables. */
export function useRegionSummaries(month: string | undefined, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    enabled,
    queryKey: ['insights', 'region-summaries', month ?? 'latest', i18n.language],
    queryFn: async () => {
      const data = await call(api.GET('/api/v1/insights/regions', { params: { query: { month } } }));
      return { snapshot: data.snapshot, items: data.items.map((r): NamedSummary => ({ code: r.region.code, name: areaName(r.region.code, r.region.name), ...r })) };
    },
    retry: false,
  });
}

/** The provinces of a region, in the same shape. */
export function useProvinceSummaries(region: string, month: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['insights', 'province-summaries', region, month ?? 'latest', i18n.language],
    queryFn: async () => {
      const data = await call(api.GET('/api/v1/insights/regions/{code}/provinces', { params: { path: { code: region }, query: { month } } }));
      return { snapshot: data.snapshot, items: data.items.map((p): NamedSummary => ({ code: p.province.code, name: p.province.name, ...p })) };
    },
    retry: false,
  });
}

/** Displaced plus at-risk workers, withheld when either is. */
export const atRiskCell = (displaced: Cell, atRisk: Cell): Cell =>
  displaced.suppressed || atRisk.suppressed ? { value: null, suppressed: true } : { value: (displaced.value ?? 0) + (atRisk.value ?? 0), suppressed: false };
export const atRisk = (h: Headline, text: (c: Cell) => string) => text(atRiskCell(h.byStatus.displaced, h.byStatus.at_risk));

/** What the maps colour an area by. */
export type Measure = 'matchRate' | 'shortage';
export const MEASURES: Measure[] = ['matchRate', 'shortage'];
export const measureOf = (s: Summary, m: Measure): Cell => (m === 'matchRate' ? s.headline.matchRate : s.shortage.per100AtRiskWorkers);

export const NO_DATA = '#f2f2f2';
const PALETTE: Record<Measure, string[]> = {
  // Higher is better: blues. Higher is worse: oranges.
  matchRate: ['#d6e4f5', '#9cc0e8', '#5c9bd6', '#1f6fb8', '#0b4a85'],
  shortage: ['#fdecd2', '#f9c98d', '#f29d4b', '#d96b16', '#9e4700'],
};

/** A rounded step (1, 2 or 5 × 10ⁿ) at least `x`. */
const niceStep = (x: number) => {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= x)!;
};

export interface Scale {
  colour: (v: number | null) => string;
  bins: { colour: string; from: number; to: number | null }[];
}

/** Five classes: match rate in fifths of 100%; shortage intensity in equal steps up to the largest value. */
export function scaleFor(measure: Measure, values: (number | null)[]): Scale {
  const palette = PALETTE[measure];
  const step = measure === 'matchRate' ? 0.2 : niceStep(Math.max(0, ...values.filter((v): v is number => v !== null)) / palette.length);
  const bins = palette.map((colour, i) => ({ colour, from: i * step, to: i === palette.length - 1 && measure === 'shortage' ? null : (i + 1) * step }));
  return { bins, colour: (v) => (v === null ? NO_DATA : palette[Math.min(palette.length - 1, Math.max(0, Math.floor(v / step)))]) };
}

export function useNumber() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return { count: (n: number) => whole.format(n), percent: (n: number) => pct.format(n) };
  }, [i18n.language]);
}

/** A published figure as text: "withheld" when suppressed, a dash when there is nothing to divide by. */
export function useCellText() {
  const { t } = useTranslation();
  const n = useNumber();
  return (c: Cell, as: 'count' | 'percent' = 'count') => (c.suppressed ? t('insights.suppressed') : c.value === null ? t('insights.notAvailable') : n[as](c.value));
}

export function useMeasureText() {
  const text = useCellText();
  return (c: Cell, m: Measure) => text(c, m === 'matchRate' ? 'percent' : 'count');
}

/** The months with a snapshot; the month shown comes from ?month=, else the latest. */
export function useMonth() {
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? undefined;
  const setMonth = (m: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('month', m);
        return next;
      },
      { replace: true },
    );
  return { month, setMonth };
}

export function useMeasure(): [Measure, (m: Measure) => void] {
  const [params, setParams] = useSearchParams();
  const measure: Measure = params.get('measure') === 'shortage' ? 'shortage' : 'matchRate';
  const set = (m: Measure) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('measure', m);
        return next;
      },
      { replace: true },
    );
  return [measure, set];
}

export function MonthPicker({ current }: { current: string }) {
  const { t } = useTranslation();
  const { setMonth } = useMonth();
  const months = useQuery({ queryKey: ['insights', 'months'], queryFn: () => call(api.GET('/api/v1/insights/months')) });
  const label = useMonthLabel();
  const items = months.data?.items ?? [{ month: current }];
  return (
    <div className="select-wrapper insights-month">
      <label htmlFor="insights-month">{t('insights.monthPicker')}</label>
      <select id="insights-month" value={current} onChange={(e) => setMonth(e.target.value)} disabled={months.isPending}>
        {items.map((m) => (
          <option key={m.month} value={m.month}>
            {label(m.month)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MeasureSwitch({ measure, onChange }: { measure: Measure; onChange: (m: Measure) => void }) {
  const { t } = useTranslation();
  return (
    <div className="btn-group my-2" role="group" aria-label={t('insights.measure')}>
      {MEASURES.map((m) => (
        <button key={m} type="button" className={`btn btn-sm ${m === measure ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={m === measure} onClick={() => onChange(m)}>
          {t(`insights.measures.${m}`)}
        </button>
      ))}
    </div>
  );
}

export function MapLegend({ measure, scale }: { measure: Measure; scale: Scale }) {
  const { t } = useTranslation();
  const n = useNumber();
  const text = (v: number) => (measure === 'matchRate' ? n.percent(v) : n.count(v));
  return (
    <div className="small mt-2" data-testid="map-legend">
      <p className="mb-1 fw-semibold">{t(`insights.legendTitle.${measure}`)}</p>
      <ul className="list-inline mb-1">
        {scale.bins.map((b) => (
          <li key={b.colour} className="list-inline-item me-3">
            <span className="legend-swatch" style={{ background: b.colour }} aria-hidden="true" />
            {b.to === null ? t('insights.atLeast', { value: text(b.from) }) : `${text(b.from)}–${text(b.to)}`}
          </li>
        ))}
        <li className="list-inline-item">
          <span className="legend-swatch" style={{ background: NO_DATA }} aria-hidden="true" />
          {t('insights.noData')}
        </li>
      </ul>
      <p className="text-muted mb-0">{t(`insights.definition.${measure}`)}</p>
    </div>
  );
}

export interface MapArea {
  code: string;
  name: string;
  value: number | null;
  text: string;
}

/**
 * Regions or provinces coloured by a measure, from ISTAT boundaries. Clicking an area opens it;
 * Trentino-Alto Adige is one ISTAT region but two NUTS-2 areas, so it offers both.
 */
export function AreaMap({ level, areas, scale, label, linkTo }: { level: 'region' | 'province'; areas: MapArea[]; scale: Scale; label: string; linkTo: (code: string) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  // Redrawn when what it shows changes, not on every render.
  const key = JSON.stringify(areas.map((a) => [a.code, a.value, a.text])) + scale.bins.map((b) => b.colour + b.from).join();
  const latest = useRef({ areas, scale, linkTo, navigate });
  latest.current = { areas, scale, linkTo, navigate };
  useEffect(() => {
    const { areas, scale, linkTo, navigate } = latest.current;
    const byCode = new Map(areas.map((a) => [a.code, a]));
    const m = L.map(box.current!, { center: [42.2, 12.5], zoom: 5, zoomSnap: 0.5 });
    m.attributionControl.setPrefix(false).addAttribution(t('map.attribution'));
    const codesOf = (f: Feature<Geometry, unknown>) =>
      level === 'region' ? (NUTS2_BY_ISTAT[(f.properties as RegionProps).reg_istat_code] ?? []) : [(f.properties as ProvinceProps).prov_acr];
    let live = true;
    void (level === 'region' ? loadRegions() : loadProvinces()).then((collection) => {
      if (!live) return;
      const features = collection.features.filter((f) => codesOf(f as Feature<Geometry, unknown>).some((c) => byCode.has(c)));
      const layer = L.geoJSON({ type: 'FeatureCollection', features } as never, {
        style: (f) => {
          const values = codesOf(f!).map((c) => byCode.get(c)?.value).filter((v): v is number => typeof v === 'number');
          const value = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
          return { color: '#17324d', weight: 1, fillColor: scale.colour(value), fillOpacity: 1 };
        },
        onEachFeature: (f, l) => {
          const inside = codesOf(f).map((c) => byCode.get(c)).filter((a): a is MapArea => !!a);
          l.bindTooltip(inside.map((a) => `${escapeHtml(a.name)}: ${escapeHtml(a.text)}`).join('<br>'));
          if (inside.length === 1) l.on('click', () => navigate(linkTo(inside[0].code)));
          else l.bindPopup(inside.map((a) => `<a href="${linkTo(a.code)}">${escapeHtml(a.name)}</a>`).join('<br>'));
        },
      }).addTo(m);
      // Without animation: a zoom under way draws the shapes scaled, with thick borders.
      if (features.length) m.fitBounds(layer.getBounds(), { animate: false });
    });
    return () => {
      live = false;
      m.remove();
    };
  }, [key, level, t]);
  return <div ref={box} className="map-box" role="region" aria-label={label} data-testid={level === 'region' ? 'regional-map' : 'province-map'} />;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A CSV export of an insights route. Fetched with the session's token (admins get every count, not
 * the public's suppressed ones) and handed to the browser as a file.
 */
export function CsvLink({ path, query, testId, children }: { path: string; query: Record<string, string | undefined>; testId: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [failed, setFailed] = useState(false);
  const params = new URLSearchParams({ format: 'csv', lang: i18n.language === 'en' ? 'en' : 'it' });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const href = `${path}?${params}`;
  const download = async (e: MouseEvent) => {
    e.preventDefault();
    setFailed(false);
    try {
      const token = await session.accessToken();
      const res = await fetch(href, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'insights.csv';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <a href={href} download onClick={(e) => void download(e)} data-testid={testId}>
        {children}
      </a>
      {failed && (
        <span className="text-danger ms-2" role="alert">
          {t('insights.downloadFailed')}
        </span>
      )}
    </>
  );
}

/** A headline figure: a big number and what it counts. */
export function HeadlineFigure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="report-figure">
      <span className="report-figure-value">{value}</span>
      <span>{label}</span>
      {hint && <span className="small text-muted">{hint}</span>}
    </div>
  );
}

/** The figures the maps colour, as a table with a link per area (the maps' accessible equivalent). */
export function SummaryTable({ items, areaHeader, caption, testId, linkTo }: { items: NamedSummary[]; areaHeader: string; caption: string; testId: string; linkTo: (code: string) => string }) {
  const { t } = useTranslation();
  const text = useCellText();
  return (
    <div className="table-responsive">
      <table className="table table-sm" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{areaHeader}</th>
            <th scope="col" className="text-end">{t('insights.measures.matchRate')}</th>
            <th scope="col" className="text-end">{t('insights.measures.shortage')}</th>
            <th scope="col" className="text-end">{t('insights.atRiskWorkers')}</th>
            <th scope="col" className="text-end">{t('insights.openings')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.code}>
              <th scope="row">
                <Link to={linkTo(a.code)}>{a.name}</Link>
              </th>
              <td className="text-end">{text(a.headline.matchRate, 'percent')}</td>
              <td className="text-end">{text(a.shortage.per100AtRiskWorkers)}</td>
              <td className="text-end">{atRisk(a.headline, text)}</td>
              <td className="text-end">{a.headline.openings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
