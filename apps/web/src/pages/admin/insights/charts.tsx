import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what these charts draw, so that the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const BLUE = '#0066cc';
const RED = '#cc334d';
const GREEN = '#008055';

/** A Chart.js canvas, named for assistive technology (the table beside it carries the same figures). */
function ChartCanvas({ config, label, testId, height }: { config: ChartConfiguration; label: string; testId: string; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(config.data);
  const latest = useRef(config);
  latest.current = config;
  useEffect(() => {
    const chart = new Chart(canvas.current!, latest.current);
    return () => chart.destroy();
  }, [key]);
  return (
    <div style={{ position: 'relative', height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

export interface CapacityBar {
  skill: string;
  seats: number;
  /** null: withheld or unknown. */
  workers: number | null;
}

/** Seats starting in the next 90 days against the workers who need the skill, one pair of bars per shortage skill. */
export function CapacityChart({ items, labels }: { items: CapacityBar[]; labels: { seats: string; workers: string; chart: string } }) {
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: items.map((i) => (i.skill.length > 40 ? `${i.skill.slice(0, 39)}…` : i.skill)),
      datasets: [
        { label: labels.seats, data: items.map((i) => i.seats), backgroundColor: BLUE },
        { label: labels.workers, data: items.map((i) => i.workers), backgroundColor: RED },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
  return <ChartCanvas config={config} label={labels.chart} testId="capacity-chart" height={Math.max(180, 60 + items.length * 44)} />;
}

export interface TrendRow {
  month: string;
  atRisk: number | null;
  openings: number;
  matchRate: number | null;
}

/** People displaced or at risk and openings (left axis) and the match rate in % (right axis), month by month. */
export function TrendChart({ rows, labels }: { rows: TrendRow[]; labels: { atRisk: string; openings: string; matchRate: string; chart: string } }) {
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      labels: rows.map((r) => r.month),
      datasets: [
        { label: labels.atRisk, data: rows.map((r) => r.atRisk), borderColor: RED, backgroundColor: RED, yAxisID: 'y' },
        { label: labels.openings, data: rows.map((r) => r.openings), borderColor: BLUE, backgroundColor: BLUE, yAxisID: 'y' },
        { label: labels.matchRate, data: rows.map((r) => (r.matchRate === null ? null : Math.round(r.matchRate * 1000) / 10)), borderColor: GREEN, backgroundColor: GREEN, borderDash: [6, 4], yAxisID: 'y1' },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
        y1: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: (v) => `${v}%` } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  };
  return <ChartCanvas config={config} label={labels.chart} testId="trend-chart" height={300} />;
}
