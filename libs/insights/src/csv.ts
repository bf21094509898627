import type { AreaInsights, Cell, Headline, ProvincesInsights, RegionsInsights, ShortageIntensity, SkillInsights, TrainingDemandInsights } from './insights.types';

export type CsvValue = string | number | boolean | null;

/**
 * RFC 4180 CSV with a header row, CRLF line ends and a UTF-8 byte order mark (so that spreadsheets
 * read "Vallée d'Aoste" right). Text that a spreadsheet would run as a formula is prefixed with '.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const field = (v: CsvValue): string => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  for (const r of rows) if (r.length !== header.length) throw new Error(`a CSV row has ${r.length} fields, the header ${header.length}`);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A long table: one figure per row, whatever the section, so every export has the same columns. */
export const LONG_HEADER = ['month', 'area_level', 'area_code', 'area_name', 'section', 'item_id', 'item_label', 'item2_id', 'item2_label', 'measure', 'value', 'suppressed'] as const;

type LongRow = [string, string, string, string, string, string, string, string, string, string, number | null, boolean];

const cellRow = (base: [string, string, string, string], section: string, item: [string, string], item2: [string, string], measure: string, c: Cell): LongRow => [
  ...base,
  section,
  ...item,
  ...item2,
  measure,
  c.value,
  c.suppressed,
];
const num = (n: number): Cell => ({ value: n, suppressed: false });
const none: [string, string] = ['', ''];

export function areaCsv(v: AreaInsights): string {
  const base: [string, string, string, string] = [v.snapshot.month, v.area.level, v.area.code, v.area.name];
  const rows: LongRow[] = [];
  const add = (section: string, item: [string, string], item2: [string, string], measure: string, c: Cell) => rows.push(cellRow(base, section, item, item2, measure, c));
  const h = v.headline;
  add('headline', none, none, 'workers', h.workers);
  for (const [status, c] of Object.entries(h.byStatus)) add('headline', [status, status], none, 'workers_by_status', c);
  add('headline', none, none, 'vacancies', num(h.vacancies));
  add('headline', none, none, 'openings', num(h.openings));
  add('headline', none, none, 'match_rate', h.matchRate);
  for (const s of v.supply.skills) add('supply_skills', [s.skill.id, s.skill.label], none, 'workers', s.workers);
  for (const s of v.supply.skillGroups) add('supply_skill_groups', [s.group.id, s.group.label], none, 'workers', s.workers);
  for (const s of v.supply.occupations) add('supply_occupations', [s.occupation.id, s.occupation.label], none, 'workers', s.workers);
  for (const s of v.demand.skills) {
    add('demand_skills', [s.skill.id, s.skill.label], none, 'openings_essential', num(s.essential));
    add('demand_skills', [s.skill.id, s.skill.label], none, 'openings_optional', num(s.optional));
  }
  for (const o of v.demand.occupations) add('demand_occupations', [o.occupation.id, o.occupation.label], none, 'openings', num(o.openings));
  for (const [section, list] of [['shortages', v.gap.shortages], ['surpluses', v.gap.surpluses]] as const) {
    for (const g of list) {
      add(section, [g.skill.id, g.skill.label], none, 'demand', num(g.demandEssential + g.demandOptional));
      add(section, [g.skill.id, g.skill.label], none, 'supply', g.supply);
      add(section, [g.skill.id, g.skill.label], none, 'gap', g.gap);
    }
  }
  for (const t of v.transitions) {
    const from: [string, string] = [t.from.id, t.from.label];
    const to: [string, string] = [t.to.id, t.to.label];
    add('transitions', from, to, 'workers_now', t.now);
    add('transitions', from, to, 'workers_with_pathway', t.withPathway);
    add('transitions', from, to, 'workers_total', t.total);
  }
  for (const t of v.training.shortageSkills) {
    const item: [string, string] = [t.skill.id, t.skill.label];
    add('training', item, none, 'courses', num(t.courses));
    add('training', item, none, 'seats_next_90_days', num(t.seatsNext90Days));
    add('training', item, none, 'workers_in_need', t.workersInNeed);
    add('training', item, none, 'seats_per_worker_in_need', t.seatsPerWorkerInNeed);
  }
  for (const g of v.training.untaughtShortageSkills) add('untaught_shortages', [g.skill.id, g.skill.label], none, 'gap', g.gap);
  const o = v.outcomes;
  add('outcomes', none, none, 'displaced_matched', o.displacedMatched);
  add('outcomes', none, none, 'match_rate', o.matchRate);
  add('outcomes', none, none, 'median_gain_per_training_hour', o.medianGainPerTrainingHour);
  add('outcomes', none, none, 'applications', o.applications);
  add('outcomes', none, none, 'hires', o.hires);
  for (const p of v.trend) {
    const b: [string, string, string, string] = [p.month, v.area.level, v.area.code, v.area.name];
    rows.push(cellRow(b, 'trend', none, none, 'workers', p.workers));
    rows.push(cellRow(b, 'trend', none, none, 'displaced', p.displaced));
    rows.push(cellRow(b, 'trend', none, none, 'at_risk', p.atRisk));
    rows.push(cellRow(b, 'trend', none, none, 'vacancies', num(p.vacancies)));
    rows.push(cellRow(b, 'trend', none, none, 'openings', num(p.openings)));
    rows.push(cellRow(b, 'trend', none, none, 'match_rate', p.matchRate));
  }
  return toCsv(LONG_HEADER, rows);
}

const SUMMARY_COLUMNS = [
  'workers', 'workers_suppressed', 'displaced', 'displaced_suppressed', 'at_risk', 'at_risk_suppressed',
  'employed', 'employed_suppressed', 'unemployed', 'unemployed_suppressed',
  'vacancies', 'openings', 'match_rate', 'match_rate_suppressed', 'top_shortage_skills',
  'shortage_openings', 'shortage_openings_suppressed', 'shortage_per_100_at_risk', 'shortage_per_100_at_risk_suppressed',
] as const;

export const REGIONS_HEADER = ['month', 'region_code', 'region_name', ...SUMMARY_COLUMNS] as const;
export const PROVINCES_HEADER = ['month', 'region_code', 'region_name', 'province_code', 'province_name', ...SUMMARY_COLUMNS] as const;

const pair = (c: Cell): [number | null, boolean] => [c.value, c.suppressed];
const summaryRow = (r: { headline: Headline; shortage: ShortageIntensity; topShortages: { skill: { label: string } }[] }): CsvValue[] => [
  ...pair(r.headline.workers),
  ...pair(r.headline.byStatus.displaced),
  ...pair(r.headline.byStatus.at_risk),
  ...pair(r.headline.byStatus.employed),
  ...pair(r.headline.byStatus.unemployed),
  r.headline.vacancies,
  r.headline.openings,
  ...pair(r.headline.matchRate),
  r.topShortages.map((s) => s.skill.label).join('; '),
  ...pair(r.shortage.openings),
  ...pair(r.shortage.per100AtRiskWorkers),
];

export function regionsCsv(v: RegionsInsights): string {
  return toCsv(REGIONS_HEADER, v.items.map((r) => [v.snapshot.month, r.region.code, r.region.name, ...summaryRow(r)]));
}

export function provincesCsv(v: ProvincesInsights): string {
  return toCsv(PROVINCES_HEADER, v.items.map((p) => [v.snapshot.month, v.region.code, v.region.name, p.province.code, p.province.name, ...summaryRow(p)]));
}

export function skillCsv(v: SkillInsights): string {
  const rows: LongRow[] = [];
  const push = (month: string, level: string, code: string, name: string, f: Omit<SkillInsights['areas'][number], 'area'>, section: string) => {
    const base: [string, string, string, string] = [month, level, code, name];
    const item: [string, string] = [v.skill.id, v.skill.label];
    rows.push(cellRow(base, section, item, none, 'supply', f.supply));
    rows.push(cellRow(base, section, item, none, 'demand_essential', num(f.demandEssential)));
    rows.push(cellRow(base, section, item, none, 'demand_optional', num(f.demandOptional)));
    rows.push(cellRow(base, section, item, none, 'gap', f.gap));
    rows.push(cellRow(base, section, item, none, 'courses', num(f.courses)));
    rows.push(cellRow(base, section, item, none, 'seats_next_90_days', num(f.seatsNext90Days)));
    rows.push(cellRow(base, section, item, none, 'workers_in_need', f.workersInNeed));
  };
  for (const a of v.areas) push(v.snapshot.month, a.area.level, a.area.code, a.area.name, a, 'skill');
  for (const t of v.trend) push(t.month, 'region', t.areaCode, '', t, 'trend');
  return toCsv(LONG_HEADER, rows);
}

export const TRAINING_DEMAND_HEADER = [
  'month', 'area_level', 'area_code', 'area_name', 'skill_id', 'skill_label',
  'workers_who_would_gain', 'workers_who_would_gain_suppressed', 'demand', 'gap', 'gap_suppressed', 'seats_next_90_days', 'courses',
] as const;

export function trainingDemandCsv(v: TrainingDemandInsights): string {
  return toCsv(
    TRAINING_DEMAND_HEADER,
    v.items.map((i) => [
      v.snapshot.month,
      v.area.level,
      v.area.code,
      v.area.name,
      i.skill.id,
      i.skill.label,
      i.workersWhoWouldGain.value,
      i.workersWhoWouldGain.suppressed,
      i.demand,
      i.gap.value,
      i.gap.suppressed,
      i.seatsNext90Days,
      i.courses.map((c) => `${c.title} (${c.provider}, ${c.mode}, ${c.hours} h, ${c.seatsNext90Days} seats)`).join('; '),
    ]),
  );
}
