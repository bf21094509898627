import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { loadRegions } from './boundaries';

export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  title: string;
  subtitle?: string;
  href: string;
}

interface Props {
  points: MapPoint[];
  /** The "near me" circle. */
  area?: { lat: number; lng: number; radiusKm: number } | null;
  label: string;
}

/**
 * Points on the ISTAT region boundaries: no tile server needed. Each marker is a keyboard-reachable
 * link-like control; the list next to the map carries the same results for screen readers.
 */
export default function PointsMap({ points, area, label }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    const m = L.map(box.current!, { center: [42.5, 12.5], zoom: 5, attributionControl: true, zoomSnap: 0.5 });
    m.attributionControl.setPrefix(false).addAttribution(t('map.attribution'));
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    let live = true;
    void loadRegions().then((regions) => {
      if (!live) return;
      L.geoJSON(regions, { style: { color: '#5c6f82', weight: 1, fillColor: '#ffffff', fillOpacity: 1 }, interactive: false }).addTo(m).bringToBack();
    });
    return () => {
      live = false;
      m.remove();
    };
  }, [t]);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const bounds: L.LatLngExpression[] = [];
    if (area) {
      L.circle([area.lat, area.lng], { radius: area.radiusKm * 1000, color: '#0066cc', weight: 1, fillOpacity: 0.08, interactive: false }).addTo(group);
      bounds.push([area.lat - area.radiusKm / 111, area.lng], [area.lat + area.radiusKm / 111, area.lng]);
    }
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lng], { radius: 7, color: '#003366', weight: 2, fillColor: '#0066cc', fillOpacity: 0.9 });
      marker.bindTooltip(`${p.title}${p.subtitle ? ` — ${p.subtitle}` : ''}`);
      marker.on('click', () => navigate(p.href));
      marker.addTo(group);
      bounds.push([p.lat, p.lng]);
    }
    if (bounds.length) m.fitBounds(L.latLngBounds(bounds), { maxZoom: 10, padding: [24, 24] });
  }, [points, area, navigate]);

  return <div ref={box} className="map-box" role="region" aria-label={label} />;
}
