import 'leaflet/dist/leaflet.css';
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { call, api } from '../../api/client';
import { loadRegions, NUTS2_BY_ISTAT, type RegionProps } from '../../components/boundaries';
import { percent } from '../../components/format';
import { Empty, ErrorState, Loading } from '../../components/states';

// GET /insights/regions publishes no response schema in the OpenAPI document yet: these are the fields
// this page reads, as libs/insights documents them (RegionsInsights).
interface Cell {
  value: number | null;
  suppressed: boolean;
}
interface RegionSummary {
  region: { code: string; name: string };
  headline: { workers: Cell; vacancies: number; openings: number; matchRate: Cell };
  topShortages: { skill: { id: string; label: string }; gap: Cell }[];
}
interface RegionsInsights {
  snapshot: { month: string };
  items: RegionSummary[];
}

const SCALE = ['#d6e4f5', '#9cc0e8', '#5c9bd6', '#1f6fb8', '#0b4a85'];
const colour = (rate: number | null) => (rate === null ? '#f2f2f2' : SCALE[Math.min(SCALE.length - 1, Math.floor(rate * SCALE.length))]);

export default function AdminHomePage() {
  return (
    <Routes>
      <Route index element={<RegionalInsights />} />
    </Routes>
  );
}

function RegionalInsights() {
  const { t, i18n } = useTranslation();
  const insights = useQuery({
    queryKey: ['insights', 'regions', i18n.language],
    queryFn: async () => (await call(api.GET('/api/v1/insights/regions'))) as unknown as RegionsInsights,
  });
  const data = insights.data;
  return (
    <div className="container my-4">
      <h1 className="h2">{t('insights.title')}</h1>
      <p className="lead">{t('insights.lead')}</p>
      {insights.isPending && <Loading />}
      {insights.isError && <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />}
      {data && data.items.length === 0 && <Empty title={t('insights.none')} />}
      {data && data.items.length > 0 && (
        <>
          <p>
            {t('insights.month', { month: data.snapshot.month })} ·{' '}
            <a href="/api/v1/insights/regions?format=csv" download data-testid="csv-download">
              {t('insights.downloadCsv')}
            </a>
          </p>
          <div className="row">
            <div className="col-lg-7">
              <Choropleth items={data.items} />
              <p className="small mt-2" aria-hidden="true">
                {t('insights.legend')}:{' '}
                {SCALE.map((c, i) => (
                  <span key={c} className="me-2">
                    <span className="legend-swatch" style={{ background: c }} />
                    {i * 20}–{(i + 1) * 20}%
                  </span>
                ))}
              </p>
            </div>
            <div className="col-lg-5">
              <div className="table-responsive">
                <table className="table table-sm">
                  <caption>{t('insights.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('search.region')}</th>
                      <th scope="col">{t('insights.matchRate')}</th>
                      <th scope="col">{t('insights.workers')}</th>
                      <th scope="col">{t('insights.openings')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr key={r.region.code}>
                        <th scope="row">{r.region.name}</th>
                        <td>{r.headline.matchRate.value === null ? t('insights.suppressed') : percent(r.headline.matchRate.value)}</td>
                        <td>{r.headline.workers.value ?? t('insights.suppressed')}</td>
                        <td>{r.headline.openings}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function Choropleth({ items }: { items: RegionSummary[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const byCode = new Map(items.map((r) => [r.region.code, r]));
    const m = L.map(box.current!, { center: [42.2, 12.5], zoom: 5, zoomSnap: 0.5 });
    m.attributionControl.setPrefix(false).addAttribution(t('map.attribution'));
    let live = true;
    void loadRegions().then((regions) => {
      if (!live) return;
      const layer = L.geoJSON(regions, {
        style: (f) => {
          const codes = NUTS2_BY_ISTAT[(f?.properties as RegionProps).reg_istat_code] ?? [];
          const rates = codes.map((c) => byCode.get(c)?.headline.matchRate.value).filter((v): v is number => typeof v === 'number');
          const rate = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
          return { color: '#17324d', weight: 1, fillColor: colour(rate), fillOpacity: 1 };
        },
        onEachFeature: (f, l) => l.bindTooltip((f.properties as RegionProps).reg_name),
      }).addTo(m);
      m.fitBounds(layer.getBounds());
    });
    return () => {
      live = false;
      m.remove();
    };
  }, [items, t]);
  return <div ref={box} className="map-box" role="region" aria-label={t('insights.mapLabel')} data-testid="regional-map" />;
}
