import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaLevel, Figure } from './figures';
import { InsightsErrors } from './insights.errors';
import {
  AreaInsights,
  AreaRef,
  Cell,
  CourseOfferView,
  Headline,
  Labelled,
  Lang,
  ProvincesInsights,
  RegionsInsights,
  SkillAreaFigures,
  SkillGap,
  SkillInsights,
  SnapshotMonth,
  SnapshotRef,
  TrainingDemandInsights,
  TrendPoint,
} from './insights.types';
import { SEATS_WINDOW_DAYS } from './insights-snapshot.service';

interface CellRow {
  area_level: AreaLevel;
  area_code: string;
  month?: string;
  figure: string;
  dim1: string;
  dim2: string;
  value: number;
  suppressed: boolean;
}

interface Viewer {
  /** Admins see every figure as counted. */
  unsuppressed: boolean;
  lang: Lang;
}

/** The cells of one area and month, by figure and dimensions. */
class Cells {
  private readonly byKey = new Map<string, CellRow>();
  constructor(
    rows: CellRow[],
    private readonly viewer: Viewer,
  ) {
    for (const r of rows) this.byKey.set(`${r.figure}|${r.dim1}|${r.dim2}`, r);
  }
  raw(figure: Figure, dim1 = '', dim2 = ''): CellRow | undefined {
    return this.byKey.get(`${figure}|${dim1}|${dim2}`);
  }
  /** A worker count as published (a missing cell counts 0: nobody there). */
  cell(figure: Figure, dim1 = '', dim2 = ''): Cell {
    return publish(this.raw(figure, dim1, dim2), this.viewer);
  }
  number(figure: Figure, dim1 = '', dim2 = ''): number {
    return this.raw(figure, dim1, dim2)?.value ?? 0;
  }
  rows(figure: Figure): CellRow[] {
    return [...this.byKey.values()].filter((r) => r.figure === figure);
  }
}

const publish = (row: CellRow | undefined, viewer: Viewer): Cell =>
  !row ? { value: 0, suppressed: false } : row.suppressed && !viewer.unsuppressed ? { value: null, suppressed: true } : { value: row.value, suppressed: false };

const hidden: Cell = { value: null, suppressed: true };
const ratio = (num: Cell, den: Cell, digits = 4): Cell =>
  num.suppressed || den.suppressed ? hidden : den.value ? { value: round(num.value! / den.value, digits), suppressed: false } : { value: null, suppressed: false };
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
/** The public sorts by what it may see: a hidden count ranks as 0, so the order reveals nothing more. */
const visible = (c: Cell) => c.value ?? 0;

const LIST_FIGURES = [Figure.WorkersTotal, Figure.WorkersByStatus, Figure.Vacancies, Figure.Openings, Figure.DisplacedMatched];

/** Reads stored snapshots and shapes them per area, suppressing small counts for the public. */
@Injectable()
export class InsightsReadService {
  private areas?: Promise<{ regions: Map<string, string>; provinces: Map<string, { name: string; region: string }> }>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async regions(month: string | undefined, viewer: Viewer): Promise<RegionsInsights> {
    const snapshot = await this.snapshot(month, viewer);
    const { regions } = await this.areaNames();
    const summaries = await this.summaries(snapshot, 'region', null, viewer);
    const items = [...regions.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, name]) => ({ region: { code, name }, ...summaries(code) }));
    return { snapshot, items };
  }

  /** Every province of a region, with the figures the regions list gives for regions. */
  async provinces(regionCode: string, month: string | undefined, viewer: Viewer): Promise<ProvincesInsights> {
    const region = await this.areaRef('region', regionCode);
    const snapshot = await this.snapshot(month, viewer);
    const { provinces } = await this.areaNames();
    const summaries = await this.summaries(snapshot, 'province', regionCode, viewer);
    const items = [...provinces.entries()]
      .filter(([, p]) => p.region === regionCode)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, p]) => ({ province: { code, name: p.name }, ...summaries(code) }));
    return { snapshot, region: region.region, items };
  }

  /** The months with a stored snapshot, latest first. */
  async months(): Promise<SnapshotMonth[]> {
    const rows: { month: string; as_of: Date; computed_at: Date }[] = await this.db.query(
      `select to_char(month, 'YYYY-MM') as month, as_of, computed_at from insight_snapshot order by month desc`,
    );
    return rows.map((r) => ({ month: r.month, asOf: r.as_of, computedAt: r.computed_at }));
  }

  /** Headline, shortage intensity and top 3 shortages of every area of a level (of one region, for provinces), in three queries. */
  private async summaries(snapshot: SnapshotRef, level: AreaLevel, region: string | null, viewer: Viewer) {
    const params = [`${snapshot.month}-01`, level, region];
    const inScope = `month = $1::date and area_level = $2 and ($3::text is null or region_code = $3)`;
    const rows: CellRow[] = await this.db.query(
      `select area_level, area_code, figure, dim1, dim2, value, suppressed from insight_cell where ${inScope} and figure = any($4)`,
      [...params, LIST_FIGURES],
    );
    // Demand per skill and area, with the supply beside it: the top 3 gaps and the sum of positive gaps.
    const demandSupply = `select d.area_code, d.dim1, d.demand, coalesce(s.value, 0) as supply, coalesce(s.suppressed, false) as suppressed
        from (select area_code, dim1, sum(value) as demand from insight_cell where ${inScope} and figure = '${Figure.DemandSkill}' group by area_code, dim1) d
        left join insight_cell s on s.month = $1::date and s.area_level = $2 and s.area_code = d.area_code
                                and s.figure = '${Figure.SupplySkill}' and s.dim1 = d.dim1 and s.dim2 = ''`;
    const [top, totals]: [(CellRow & { rn: number })[], { area_code: string; value: number; suppressed: boolean }[]] = await Promise.all([
      this.db.query(
        `select area_code, dim1, gap as value, suppressed, rn
           from (select area_code, dim1, suppressed,
                        demand - case when $4 or not suppressed then supply else 0 end as gap,
                        row_number() over (partition by area_code order by demand - case when $4 or not suppressed then supply else 0 end desc, dim1) as rn
                   from (${demandSupply}) ds) x
          where rn <= 3 and gap > 0 order by area_code, rn`,
        [...params, viewer.unsuppressed],
      ),
      // A skill asked for whose supply is hidden makes the sum unknown to the public: hidden too.
      this.db.query(
        `select area_code, sum(greatest(demand - supply, 0))::float8 as value, bool_or(suppressed) as suppressed from (${demandSupply}) ds group by area_code`,
        params,
      ),
    ]);
    const labels = await this.labels('skill', top.map((t) => t.dim1), viewer.lang);
    const byArea = new Map<string, CellRow[]>();
    for (const r of rows) byArea.set(r.area_code, [...(byArea.get(r.area_code) ?? []), r]);
    const totalOf = new Map(totals.map((t) => [t.area_code, t]));
    return (code: string) => {
      const h = headline(new Cells(byArea.get(code) ?? [], viewer));
      const total = totalOf.get(code);
      const openings: Cell = !total ? { value: 0, suppressed: false } : total.suppressed && !viewer.unsuppressed ? hidden : { value: total.value, suppressed: false };
      const atRisk: Cell =
        h.byStatus.displaced.suppressed || h.byStatus.at_risk.suppressed ? hidden : { value: h.byStatus.displaced.value! + h.byStatus.at_risk.value!, suppressed: false };
      return {
        headline: h,
        shortage: { openings, per100AtRiskWorkers: ratio({ value: openings.value === null ? null : openings.value * 100, suppressed: openings.suppressed }, atRisk, 1) },
        topShortages: top
          .filter((t) => t.area_code === code)
          .map((t) => ({ skill: labels(t.dim1), gap: t.suppressed && !viewer.unsuppressed ? hidden : { value: t.value, suppressed: false } })),
      };
    };
  }

  async area(level: AreaLevel, code: string, month: string | undefined, viewer: Viewer & { limit: number }): Promise<AreaInsights> {
    const area = await this.areaRef(level, code);
    const snapshot = await this.snapshot(month, viewer);
    const rows: CellRow[] = await this.db.query(
      `select area_level, area_code, figure, dim1, dim2, value, suppressed from insight_cell where month = $1::date and area_level = $2 and area_code = $3`,
      [`${snapshot.month}-01`, level, code],
    );
    const cells = new Cells(rows, viewer);
    const limit = viewer.limit;
    // Labels only for what the view shows (lists are cut to `limit`), fetched once at the end.
    const skill = this.labeller();
    const occupation = this.labeller();
    const group = this.labeller();

    const byCount = <T>(figure: Figure, make: (id: string, c: Cell) => T) =>
      cells
        .rows(figure)
        .map((r) => ({ id: r.dim1, c: cells.cell(figure, r.dim1) }))
        .sort((a, b) => visible(b.c) - visible(a.c) || (a.id < b.id ? -1 : 1))
        .slice(0, limit)
        .map((x) => make(x.id, x.c));

    const gaps = this.gaps(cells);
    const labelled = (g: SkillGap): SkillGap => ({ ...g, skill: skill(g.skill.id) });
    const shortages = gaps.filter((g) => g.rank > 0).sort((a, b) => b.rank - a.rank || (a.gap.skill.id < b.gap.skill.id ? -1 : 1));
    const surpluses = gaps.filter((g) => g.rank < 0).sort((a, b) => a.rank - b.rank || (a.gap.skill.id < b.gap.skill.id ? -1 : 1));

    const trainingFor = (g: SkillGap) => {
      const need = cells.cell(Figure.NeedSkill, g.skill.id);
      const seats = cells.number(Figure.CourseSeats, g.skill.id);
      return {
        skill: skill(g.skill.id),
        gap: g.gap,
        courses: cells.number(Figure.CourseCount, g.skill.id),
        seatsNext90Days: seats,
        workersInNeed: need,
        seatsPerWorkerInNeed: ratio({ value: seats, suppressed: false }, need, 2),
      };
    };

    const transitions = cells
      .rows(Figure.TransitionTotal)
      .map((r) => ({ r, now: cells.cell(Figure.TransitionNow, r.dim1, r.dim2), total: cells.cell(Figure.TransitionTotal, r.dim1, r.dim2) }))
      .sort((a, b) => visible(b.total) - visible(a.total) || visible(b.now) - visible(a.now) || (a.r.dim1 + a.r.dim2 < b.r.dim1 + b.r.dim2 ? -1 : 1))
      .slice(0, limit)
      .map(({ r, now, total }) => ({
        from: occupation(r.dim1),
        to: occupation(r.dim2),
        now,
        withPathway: cells.cell(Figure.TransitionPathway, r.dim1, r.dim2),
        total,
      }));

    const gainWorkers = cells.cell(Figure.GainWorkers);
    const median = cells.raw(Figure.MedianGainPerHour);
    const demandSkills = new Map<string, { essential: number; optional: number }>();
    for (const r of cells.rows(Figure.DemandSkill)) {
      const d = demandSkills.get(r.dim1) ?? { essential: 0, optional: 0 };
      d[r.dim2 === 'essential' ? 'essential' : 'optional'] += r.value;
      demandSkills.set(r.dim1, d);
    }

    const view: AreaInsights = {
      snapshot,
      area,
      headline: headline(cells),
      supply: {
        skills: byCount(Figure.SupplySkill, (id, workers) => ({ skill: skill(id), workers })),
        skillGroups: byCount(Figure.SupplySkillGroup, (id, workers) => ({ group: group(id), workers })),
        occupations: byCount(Figure.SupplyOccupation, (id, workers) => ({ occupation: occupation(id), workers })),
      },
      demand: {
        skills: [...demandSkills]
          .sort(([a, x], [b, y]) => y.essential + y.optional - (x.essential + x.optional) || (a < b ? -1 : 1))
          .slice(0, limit)
          .map(([id, d]) => ({ skill: skill(id), ...d })),
        occupations: cells
          .rows(Figure.DemandOccupation)
          .sort((a, b) => b.value - a.value || (a.dim1 < b.dim1 ? -1 : 1))
          .slice(0, limit)
          .map((r) => ({ occupation: occupation(r.dim1), openings: r.value })),
      },
      gap: { shortages: shortages.slice(0, limit).map((g) => labelled(g.gap)), surpluses: surpluses.slice(0, limit).map((g) => labelled(g.gap)) },
      transitions,
      training: {
        shortageSkills: shortages.slice(0, limit).map((g) => trainingFor(g.gap)),
        untaughtShortageSkills: shortages
          .filter((g) => cells.number(Figure.CourseCount, g.gap.skill.id) === 0)
          .slice(0, limit)
          .map((g) => labelled(g.gap)),
      },
      outcomes: {
        displacedMatched: cells.cell(Figure.DisplacedMatched),
        matchRate: headline(cells).matchRate,
        medianGainPerTrainingHour: !median ? { value: null, suppressed: false } : gainWorkers.suppressed ? hidden : { value: round(median.value, 6), suppressed: false },
        applications: cells.cell(Figure.Applications),
        hires: cells.cell(Figure.Hires),
      },
      trend: await this.trend(code, viewer),
    };
    await Promise.all([skill.fill('skill', viewer.lang), occupation.fill('occupation', viewer.lang), group.fill('skill_group', viewer.lang)]);
    return view;
  }

  /** Hands out label objects and fills them in with one query per table. */
  private labeller() {
    const made = new Map<string, Labelled[]>();
    const get = (id: string): Labelled => {
      const l = { id, label: id };
      made.set(id, [...(made.get(id) ?? []), l]);
      return l;
    };
    get.fill = async (table: 'skill' | 'occupation' | 'skill_group', lang: Lang) => {
      const label = await this.labels(table, [...made.keys()], lang);
      for (const [id, list] of made) for (const l of list) l.label = label(id).label;
    };
    return get;
  }

  async skill(skillId: string, region: string | undefined, month: string | undefined, viewer: Viewer): Promise<SkillInsights> {
    const [skillLabel] = await this.db.query(`select id from skill where id = $1`, [skillId]);
    if (!skillLabel) throw InsightsErrors.unknownSkill(skillId);
    if (region) await this.areaRef('region', region);
    const snapshot = await this.snapshot(month, viewer);
    const figures = [Figure.SupplySkill, Figure.DemandSkill, Figure.NeedSkill, Figure.CourseCount, Figure.CourseSeats];
    const rows: (CellRow & { month: string })[] = await this.db.query(
      `select to_char(month, 'YYYY-MM') as month, area_level, area_code, figure, dim1, dim2, value, suppressed from insight_cell
        where dim1 = $1 and figure = any($2) and month <= $3::date and (case when $4::text is null then area_level = 'region' else region_code = $4 end)
        order by month`,
      [skillId, figures, `${snapshot.month}-01`, region ?? null],
    );
    const groups = new Map<string, CellRow[]>();
    for (const r of rows) groups.set(`${r.month}|${r.area_level}|${r.area_code}`, [...(groups.get(`${r.month}|${r.area_level}|${r.area_code}`) ?? []), r]);
    const figuresOf = (list: CellRow[]): Omit<SkillAreaFigures, 'area'> => {
      const cells = new Cells(list, viewer);
      const essential = cells.number(Figure.DemandSkill, skillId, 'essential');
      const optional = cells.number(Figure.DemandSkill, skillId, 'optional');
      const supply = cells.cell(Figure.SupplySkill, skillId);
      return {
        supply,
        demandEssential: essential,
        demandOptional: optional,
        gap: supply.suppressed ? hidden : { value: essential + optional - supply.value!, suppressed: false },
        courses: cells.number(Figure.CourseCount, skillId),
        seatsNext90Days: cells.number(Figure.CourseSeats, skillId),
        workersInNeed: cells.cell(Figure.NeedSkill, skillId),
      };
    };
    const areas: SkillAreaFigures[] = [];
    const trend: SkillInsights['trend'] = [];
    for (const [key, list] of groups) {
      const [m, level, code] = key.split('|');
      if (m === snapshot.month) areas.push({ area: await this.areaRef(level as AreaLevel, code), ...figuresOf(list) });
      if (level === 'region') trend.push({ month: m, areaCode: code, ...figuresOf(list) });
    }
    areas.sort((a, b) => (a.area.level === b.area.level ? (a.area.code < b.area.code ? -1 : 1) : a.area.level === 'region' ? -1 : 1));
    return { snapshot, skill: (await this.labels('skill', [skillId], viewer.lang))(skillId), areas, trend };
  }

  async trainingDemand(region: string | undefined, province: string | undefined, month: string | undefined, viewer: Viewer & { limit: number }): Promise<TrainingDemandInsights> {
    if (!region && !province) throw InsightsErrors.areaRequired();
    if (region) await this.areaRef('region', region);
    const area = province ? await this.areaRef('province', province, 'province') : await this.areaRef('region', region!);
    if (region && province && area.region.code !== region) throw InsightsErrors.provinceOutsideRegion(province, region);
    const snapshot = await this.snapshot(month, viewer);
    const rows: CellRow[] = await this.db.query(
      `select area_level, area_code, figure, dim1, dim2, value, suppressed from insight_cell
        where month = $1::date and area_level = $2 and area_code = $3 and figure = any($4)`,
      [`${snapshot.month}-01`, area.level, area.code, [Figure.NeedSkill, Figure.DemandSkill, Figure.SupplySkill, Figure.CourseSeats]],
    );
    const cells = new Cells(rows, viewer);
    const skillLabel = this.labeller();
    const ranked = this.gaps(cells)
      .filter((g) => g.rank > 0 && cells.raw(Figure.NeedSkill, g.gap.skill.id))
      .map((g) => ({ g, need: cells.cell(Figure.NeedSkill, g.gap.skill.id) }))
      .sort((a, b) => visible(b.need) - visible(a.need) || b.g.rank - a.g.rank || (a.g.gap.skill.id < b.g.gap.skill.id ? -1 : 1))
      .slice(0, viewer.limit);
    const courses = await this.courses(ranked.map((r) => r.g.gap.skill.id), area);
    const view: TrainingDemandInsights = {
      snapshot,
      area,
      items: ranked.map(({ g, need }) => ({
        skill: skillLabel(g.gap.skill.id),
        workersWhoWouldGain: need,
        demand: g.gap.demandEssential + g.gap.demandOptional,
        gap: g.gap.gap,
        courses: courses.get(g.gap.skill.id) ?? [],
        seatsNext90Days: cells.number(Figure.CourseSeats, g.gap.skill.id),
      })),
    };
    await skillLabel.fill('skill', viewer.lang);
    return view;
  }

  /** Demand − supply per skill; `rank` is what the viewer may sort by (a hidden supply counts 0). */
  private gaps(cells: Cells): { gap: SkillGap; rank: number }[] {
    const ids = new Set([...cells.rows(Figure.DemandSkill), ...cells.rows(Figure.SupplySkill)].map((r) => r.dim1));
    return [...ids].map((id) => {
      const essential = cells.number(Figure.DemandSkill, id, 'essential');
      const optional = cells.number(Figure.DemandSkill, id, 'optional');
      const supply = cells.cell(Figure.SupplySkill, id);
      const gap: Cell = supply.suppressed ? hidden : { value: essential + optional - supply.value!, suppressed: false };
      return { gap: { skill: { id, label: id }, demandEssential: essential, demandOptional: optional, supply, gap }, rank: essential + optional - visible(supply) };
    });
  }

  /** Courses that exist now for these skills, in reach of the area (in person there, or online), 5 per skill. */
  private async courses(skillIds: string[], area: AreaRef): Promise<Map<string, CourseOfferView[]>> {
    if (skillIds.length === 0) return new Map();
    const rows: (CourseOfferView & { skill_id: string })[] = await this.db.query(
      `select skill_id, id, title, provider, mode, hours, seats as "seatsNext90Days" from (
         select cs.skill_id, c.id, c.title, p.name as provider, c.mode, c.hours,
                coalesce((select sum(s.seats) from course_session s where s.course_id = c.id and s.starts_at > now() and s.starts_at <= now() + interval '${SEATS_WINDOW_DAYS} days'), 0)::int as seats,
                row_number() over (partition by cs.skill_id order by c.mode = 'online', c.hours, c.id) as rn
           from course_skill cs join course c on c.id = cs.course_id join provider p on p.id = c.provider_id
          where cs.skill_id = any($1::uuid[]) and c.status = 'published'
            and (c.mode = 'online' or (case when $2 = 'region' then c.location_region else c.location_province end) = $3)) x
        where rn <= 5 order by skill_id, rn`,
      [skillIds, area.level, area.code],
    );
    const out = new Map<string, CourseOfferView[]>();
    for (const { skill_id, ...c } of rows) out.set(skill_id, [...(out.get(skill_id) ?? []), c]);
    return out;
  }

  private async trend(areaCode: string, viewer: Viewer): Promise<TrendPoint[]> {
    const rows: (CellRow & { month: string })[] = await this.db.query(
      `select to_char(month, 'YYYY-MM') as month, area_level, area_code, figure, dim1, dim2, value, suppressed from insight_cell
        where area_code = $1 and figure = any($2) order by month`,
      [areaCode, LIST_FIGURES],
    );
    // Every snapshot month, so that the series has no holes: a month without cells for the area counted nobody there.
    const months: { month: string }[] = await this.db.query(`select to_char(month, 'YYYY-MM') as month from insight_snapshot order by month`);
    const byMonth = new Map<string, CellRow[]>(months.map((m) => [m.month, []]));
    for (const r of rows) byMonth.set(r.month!, [...(byMonth.get(r.month!) ?? []), r]);
    return [...byMonth].map(([month, list]) => {
      const h = headline(new Cells(list, viewer));
      return { month, workers: h.workers, displaced: h.byStatus.displaced, atRisk: h.byStatus.at_risk, vacancies: h.vacancies, openings: h.openings, matchRate: h.matchRate };
    });
  }

  /** The stored snapshot of `month`, or the latest one. */
  private async snapshot(month: string | undefined, viewer: Viewer): Promise<SnapshotRef> {
    const [row]: { month: string; as_of: Date; computed_at: Date; threshold: number }[] = await this.db.query(
      `select to_char(month, 'YYYY-MM') as month, as_of, computed_at, threshold from insight_snapshot
        where ($1::date is null or month = $1::date) order by month desc limit 1`,
      [month ? `${month}-01` : null],
    );
    if (!row) throw InsightsErrors.noSnapshot(month ?? null);
    return { month: row.month, asOf: row.as_of, computedAt: row.computed_at, suppressionApplied: !viewer.unsuppressed, threshold: row.threshold };
  }

  async areaRef(level: AreaLevel, code: string, field = 'code'): Promise<AreaRef> {
    const { regions, provinces } = await this.areaNames();
    if (level === 'region') {
      const name = regions.get(code);
      if (!name) throw InsightsErrors.unknownRegion(code);
      return { level, code, name, region: { code, name } };
    }
    const p = provinces.get(code);
    if (!p) throw InsightsErrors.unknownProvince(code, field);
    return { level, code, name: p.name, region: { code: p.region, name: regions.get(p.region)! } };
  }

  /** Region and province names (ISTAT): static between taxonomy imports, read once. */
  private areaNames() {
    this.areas ??= (async () => {
      const rows: { region: string; region_name: string; province: string; province_name: string }[] = await this.db.query(
        `select distinct region, region_name, province, province_name from municipality`,
      );
      if (rows.length === 0) this.areas = undefined;
      return {
        regions: new Map(rows.map((r) => [r.region, r.region_name])),
        provinces: new Map(rows.map((r) => [r.province, { name: r.province_name, region: r.region }])),
      };
    })();
    return this.areas;
  }

  private async labels(table: 'skill' | 'occupation' | 'skill_group', ids: string[], lang: Lang): Promise<(id: string) => Labelled> {
    const unique = [...new Set(ids)].filter((id) => id !== '');
    const expr = table === 'skill_group' || lang === 'en' ? 'label_en' : 'coalesce(label_it, label_en)';
    const rows: { id: string; label: string }[] = unique.length
      ? await this.db.query(`select id::text as id, ${expr} as label from ${table} where id = any($1::${table === 'skill_group' ? 'text' : 'uuid'}[])`, [unique])
      : [];
    const map = new Map(rows.map((r) => [r.id, r.label]));
    return (id: string) => ({ id, label: map.get(id) ?? id });
  }
}

function headline(cells: Cells): Headline {
  const displaced = cells.cell(Figure.WorkersByStatus, 'displaced');
  return {
    workers: cells.cell(Figure.WorkersTotal),
    byStatus: {
      displaced,
      at_risk: cells.cell(Figure.WorkersByStatus, 'at_risk'),
      employed: cells.cell(Figure.WorkersByStatus, 'employed'),
      unemployed: cells.cell(Figure.WorkersByStatus, 'unemployed'),
    },
    vacancies: cells.number(Figure.Vacancies),
    openings: cells.number(Figure.Openings),
    matchRate: ratio(cells.cell(Figure.DisplacedMatched), displaced),
  };
}
