import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WORKER_MATCH_ORDER } from '@ricarica/matches';
import { cellKey, CellKey, Figure, suppressionGroups, WORKER_FIGURES } from './figures';
import { InsightsErrors } from './insights.errors';
import { isMonth, monthOf } from './month';
import { DEFAULT_THRESHOLD, suppressCells } from './suppression';

/** Top matches per worker that the gap and pathway figures look at (stored lists are deeper). */
export const TOP_MATCHES = 10;
export const MATCH_THRESHOLD = 0.7;
export const PATHWAY_MAX_HOURS = 200;
export const SEATS_WINDOW_DAYS = 90;
/** Transitions stored per region (the largest by workers), with every province cell of each. */
export const TRANSITIONS_PER_REGION = 500;

export interface SnapshotReport {
  month: string;
  /** The instant the figures describe: now for the current month, the month's end for a past one. */
  asOf: Date;
  /** True when the month had ended and its snapshot was already stored: nothing was recomputed. */
  frozen: boolean;
  cells: number;
  suppressed: number;
  durationMs: number;
  /** Milliseconds per step, for the benchmark and the logs. */
  steps: Record<string, number>;
}

interface MonthBounds {
  start: Date;
  end: Date;
  now: Date;
}

const AT_RISK = `('displaced', 'at_risk')`;

/** `group by grouping sets` over region and province: one SELECT fills both levels. */
const levelCols = (figure: Figure, dim1 = `''`, dim2 = `''`) => `
  $1::date as month,
  case when grouping(p) = 1 then 'region' else 'province' end as area_level,
  case when grouping(p) = 1 then r else p end as area_code,
  r as region_code, '${figure}' as figure, coalesce(${dim1}, '') as dim1, coalesce(${dim2}, '') as dim2`;

/** Figures go to a staging table first (no indexes while filling), then into insight_cell in one insert. */
const INSERT = `insert into icell (month, area_level, area_code, region_code, figure, dim1, dim2, value)`;

/**
 * Computes a month's snapshot of the regional figures (docs/insights.md) from PostgreSQL in
 * set-based SQL: the population is read once into temporary tables, each figure is one
 * INSERT … SELECT grouped by region and province together, and only the suppression flags are
 * decided in Node (over the aggregated worker counts, not over workers).
 */
@Injectable()
export class InsightsSnapshotService {
  private readonly logger = new Logger(InsightsSnapshotService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The snapshot of `month`. A month that has not started is refused; a month whose snapshot was
   * taken as of its end is left as it is (old months never change); otherwise (the current month, a
   * past month snapshotted before it ended, or one never computed) it is computed as of min(now, the
   * month's end) and replaces any earlier one.
   */
  async compute(month: string, options: { threshold?: number } = {}): Promise<SnapshotReport> {
    if (!isMonth(month)) throw InsightsErrors.invalidMonth(month);
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const started = Date.now();
    const [bounds]: MonthBounds[] = await this.db.query(
      `select (($1 || '-01')::timestamp at time zone 'Europe/Rome') as start,
              ((($1 || '-01')::date + interval '1 month')::timestamp at time zone 'Europe/Rome') as "end", now() as now`,
      [month],
    );
    if (bounds.start > bounds.now) throw InsightsErrors.monthInFuture(month);
    const asOf = bounds.end < bounds.now ? bounds.end : bounds.now;

    return this.db.transaction(async (m) => {
      // One computation per month at a time; a second caller waits, then sees the stored result.
      await m.query(`select pg_advisory_xact_lock(hashtext('insights-snapshot'), $1::int)`, [Number(month.replace('-', ''))]);
      if (bounds.end <= bounds.now) {
        const [stored]: { as_of: Date; cells: number; suppressed: number }[] = await m.query(
          `select as_of, cells, suppressed from insight_snapshot where month = $1::date`,
          [`${month}-01`],
        );
        // Final once computed as of the month's end; a snapshot taken during the month is finalised once.
        if (stored && stored.as_of >= bounds.end) return { month, asOf: stored.as_of, frozen: true, cells: stored.cells, suppressed: stored.suppressed, durationMs: Date.now() - started, steps: {} };
      }
      const steps: Record<string, number> = {};
      const step = async (name: string, sql: string, params: unknown[]) => {
        const t = Date.now();
        await m.query(sql, params);
        steps[name] = (steps[name] ?? 0) + Date.now() - t;
      };
      const monthDate = `${month}-01`;
      await step('clear', `delete from insight_cell where month = $1::date`, [monthDate]);
      await step('staging', `create temp table icell (like insight_cell including defaults) on commit drop`, []);
      await this.population(step, asOf);
      await this.figures(step, monthDate, bounds.start, asOf);
      const { cells, suppressed } = await this.suppress(m, threshold, steps);
      await step('store', `insert into insight_cell select * from icell`, []);
      await step('store', `analyze insight_cell`, []);
      const durationMs = Date.now() - started;
      await m.query(
        `insert into insight_snapshot (month, as_of, computed_at, duration_ms, cells, suppressed, threshold) values ($1::date, $2, now(), $3, $4, $5, $6)
         on conflict (month) do update set as_of = excluded.as_of, computed_at = excluded.computed_at, duration_ms = excluded.duration_ms,
           cells = excluded.cells, suppressed = excluded.suppressed, threshold = excluded.threshold`,
        [monthDate, asOf, durationMs, cells, suppressed, threshold],
      );
      this.logger.log({ month, cells, suppressed, durationMs, steps }, 'insights snapshot computed');
      return { month, asOf, frozen: false, cells, suppressed, durationMs, steps };
    });
  }

  /**
   * The scheduled run: finalises last month's snapshot if it was taken before the month ended, then
   * refreshes the current month's.
   */
  async scheduled(now = new Date()): Promise<SnapshotReport[]> {
    const current = monthOf(now);
    const [y, mo] = current.split('-').map(Number);
    const previous = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
    const [stored] = await this.db.query(`select 1 from insight_snapshot where month = $1::date`, [`${previous}-01`]);
    const reports: SnapshotReport[] = [];
    if (stored) reports.push(await this.compute(previous));
    reports.push(await this.compute(current));
    return reports;
  }

  /** Temporary tables: the population as of the snapshot, the top match pairs and their gaps. */
  private async population(step: (name: string, sql: string, params: unknown[]) => Promise<void>, asOf: Date): Promise<void> {
    await step(
      'workers',
      `create temp table iw on commit drop as
         select id, home_region as r, home_province as p, employment_status as s from worker
          where home_region is not null and home_province is not null and created_at < $1`,
      [asOf],
    );
    await step(
      'vacancies',
      `create temp table iv on commit drop as
         select id, location_region as r, location_province as p, occupation_id as occ, openings from vacancy
          where status = 'open' and created_at < $1 and (expires_at is null or expires_at > $1)`,
      [asOf],
    );
    // Published courses and what they teach; seats of sessions starting within the window; a course
    // is available for a pathway when such a session exists, or when it is online and self-paced.
    await step(
      'courses',
      `create temp table icourse on commit drop as
         select c.id, c.mode, c.location_region as r, c.location_province as p, c.hours, cs.skill_id, cs.target_level,
                coalesce(s.seats, 0)::int as seats, (s.sessions > 0 or (c.mode = 'online' and not exists (select 1 from course_session x where x.course_id = c.id))) as available
           from course c join course_skill cs on cs.course_id = c.id
           left join lateral (select count(*) as sessions, sum(x.seats) as seats from course_session x
                               where x.course_id = c.id and x.starts_at > $1 and x.starts_at <= $1 + interval '${SEATS_WINDOW_DAYS} days') s on true
          where c.status = 'published' and c.created_at < $1`,
      [asOf],
    );
    // Shortest available course per (scope, skill, level reached): scope '' is online (anywhere), else a region.
    await step(
      'best courses',
      `create temp table icb on commit drop as
         select distinct on (scope, skill_id, lvl) scope, skill_id, lvl, id as course_id, hours
           from (select case when mode = 'online' then '' else r end as scope, skill_id, id, hours, target_level from icourse where available) c
           join generate_series(1, 4) lvl on lvl <= c.target_level
          where scope is not null
          order by scope, skill_id, lvl, hours, id`,
      [],
    );
    await step('best courses', `create index on icb (skill_id, lvl)`, []);
    // Displaced and at-risk workers' top matches among vacancies open at the snapshot.
    await step(
      'pairs',
      `create temp table ip on commit drop as
         select m.worker_id, m.vacancy_id, m.score::float8 as score, w.r, w.p, w.s, v.occ
           from (select m.*, row_number() over (partition by m.worker_id order by ${WORKER_MATCH_ORDER}) as rn
                   from worker_match m join iw w on w.id = m.worker_id and w.s in ${AT_RISK}) m
           join iw w on w.id = m.worker_id
           join iv v on v.id = m.vacancy_id
          where m.rn <= ${TOP_MATCHES}`,
      [],
    );
    // Every requirement of those pairs: met when the worker holds the skill at the level asked;
    // otherwise the shortest course in reach that teaches it to that level, if any.
    await step(
      'gaps',
      `create temp table ig on commit drop as
         select x.*, case when o.hours is null or (l.hours, l.course_id) < (o.hours, o.course_id) then l.course_id else o.course_id end as course_id,
                case when o.hours is null or (l.hours, l.course_id) < (o.hours, o.course_id) then l.hours else o.hours end as hours
           from (select p.worker_id, p.vacancy_id, p.r, r.skill_id, r.min_level,
                        case r.importance when 'essential' then 2 else 1 end as wt,
                        coalesce(ws.level >= r.min_level, false) as met
                   from ip p join vacancy_requirement r on r.vacancy_id = p.vacancy_id
                   left join worker_skill ws on ws.worker_id = p.worker_id and ws.skill_id = r.skill_id) x
           -- The shortest course in the worker's region and the shortest online one; the better of the two.
           left join icb l on not x.met and l.scope = x.r and l.skill_id = x.skill_id and l.lvl = x.min_level
           left join icb o on not x.met and o.scope = '' and o.skill_id = x.skill_id and o.lvl = x.min_level`,
      [],
    );
    // Per pair: a lower bound of the score after the courses (met and closed requirements at full
    // credit, everything else at none) and the hours of the distinct courses that close the gap.
    await step(
      'pathways',
      `create temp table ipw on commit drop as
         select p.worker_id, p.vacancy_id, p.r, p.p, p.s, p.occ, p.score, g.total_w, g.after_w, coalesce(h.hours, 0) as hours
           from ip p
           join (select worker_id, vacancy_id, sum(wt) as total_w, sum(wt) filter (where met or course_id is not null) as after_w
                   from ig group by worker_id, vacancy_id) g using (worker_id, vacancy_id)
           left join (select worker_id, vacancy_id, sum(hours) as hours
                        from (select distinct worker_id, vacancy_id, course_id, hours from ig where course_id is not null) d
                       group by worker_id, vacancy_id) h using (worker_id, vacancy_id)`,
      [],
    );
    for (const table of ['iw', 'iv', 'ip', 'ig', 'ipw']) await step('analyze', `analyze ${table}`, []);
  }

  private async figures(step: (name: string, sql: string, params: unknown[]) => Promise<void>, month: string, start: Date, asOf: Date): Promise<void> {
    const q = (name: string, sql: string, params: unknown[] = []) => step(name, sql, [month, ...params]);
    const sets = (dims: string) => `group by grouping sets ((r, p${dims}), (r${dims}))`;

    await q('supply', `${INSERT} select ${levelCols(Figure.WorkersTotal)}, count(*) from iw ${sets('')}`);
    await q('supply', `${INSERT} select ${levelCols(Figure.WorkersByStatus, 's')}, count(*) from iw ${sets(', s')}`);
    await q(
      'supply',
      `${INSERT} select ${levelCols(Figure.SupplySkill, 'skill_id::text')}, count(*)
         from iw join worker_skill ws on ws.worker_id = iw.id where iw.s in ${AT_RISK} ${sets(', skill_id')}`,
    );
    await q(
      'supply',
      `${INSERT} select ${levelCols(Figure.SupplySkillGroup, 'gid')}, count(distinct worker_id)
         from (select distinct iw.id as worker_id, iw.r, iw.p, g.id as gid
                 from iw join worker_skill ws on ws.worker_id = iw.id
                 join skill k on k.id = ws.skill_id
                 join skill_broader b on b.concept_uri = k.uri and b.broader_type = 'SkillGroup'
                 join skill_group g on g.uri = b.broader_uri
                where iw.s in ${AT_RISK}) x ${sets(', gid')}`,
    );
    await q(
      'supply',
      `${INSERT} select ${levelCols(Figure.SupplyOccupation, 'occupation_id::text')}, count(*)
         from iw join worker_occupation wo on wo.worker_id = iw.id where iw.s in ${AT_RISK} ${sets(', occupation_id')}`,
    );

    const located = `from iv where r is not null and p is not null`;
    await q('demand', `${INSERT} select ${levelCols(Figure.Vacancies)}, count(*) ${located} ${sets('')}`);
    await q('demand', `${INSERT} select ${levelCols(Figure.Openings)}, sum(openings) ${located} ${sets('')}`);
    await q(
      'demand',
      `${INSERT} select ${levelCols(Figure.DemandSkill, 'skill_id::text', 'importance')}, sum(openings)
         from iv join vacancy_requirement vr on vr.vacancy_id = iv.id where r is not null and p is not null ${sets(', skill_id, importance')}`,
    );
    await q('demand', `${INSERT} select ${levelCols(Figure.DemandOccupation, 'occ::text')}, sum(openings) ${located} and occ is not null ${sets(', occ')}`);

    await q(
      'gap',
      `${INSERT} select ${levelCols(Figure.NeedSkill, 'skill_id::text')}, count(distinct worker_id)
         from (select ig.worker_id, ig.skill_id, ip.r, ip.p from ig join ip using (worker_id, vacancy_id) where not ig.met) x ${sets(', skill_id')}`,
    );

    // Transitions: per worker, past occupation → vacancy occupation, made today or with a pathway.
    await q(
      'transitions',
      `${INSERT} select x.month, x.area_level, x.area_code, x.region_code, f.figure, x.dim1, x.dim2, f.value
         from (select ${levelCols(Figure.TransitionTotal, 'from_occ::text', 'occ::text')},
                      count(*) filter (where now_ok) as now_n,
                      count(*) filter (where not now_ok and path_ok) as path_n,
                      count(*) filter (where now_ok or path_ok) as total_n
                 from (select t.worker_id, t.r, t.p, t.occ, wo.occupation_id as from_occ, t.now_ok, t.path_ok
                         from (select worker_id, r, p, occ, bool_or(score >= ${MATCH_THRESHOLD}) as now_ok,
                                      bool_or(score < ${MATCH_THRESHOLD} and hours > 0 and hours <= ${PATHWAY_MAX_HOURS} and 10 * after_w >= 7 * total_w) as path_ok
                                 from ipw where occ is not null group by worker_id, r, p, occ) t
                         join worker_occupation wo on wo.worker_id = t.worker_id) y
                ${sets(', from_occ, occ')}) x
         -- The region's largest transitions only, with all their province cells (so the provinces
         -- still add up to the region for every transition published).
         join (select region_code, dim1, dim2 from (
                 select region_code, dim1, dim2, row_number() over (partition by region_code order by total_n desc, dim1, dim2) as rn
                   from (select r as region_code, from_occ::text as dim1, occ::text as dim2, count(*) filter (where now_ok or path_ok) as total_n
                           from (select t.worker_id, t.r, t.occ, wo.occupation_id as from_occ, t.now_ok, t.path_ok
                                   from (select worker_id, r, occ, bool_or(score >= ${MATCH_THRESHOLD}) as now_ok,
                                                bool_or(score < ${MATCH_THRESHOLD} and hours > 0 and hours <= ${PATHWAY_MAX_HOURS} and 10 * after_w >= 7 * total_w) as path_ok
                                           from ipw where occ is not null group by worker_id, r, occ) t
                                   join worker_occupation wo on wo.worker_id = t.worker_id) z
                          group by r, from_occ, occ) c) ranked where rn <= ${TRANSITIONS_PER_REGION}) keep
           on keep.region_code = x.region_code and keep.dim1 = x.dim1 and keep.dim2 = x.dim2
         cross join lateral (values ('${Figure.TransitionNow}', x.now_n), ('${Figure.TransitionPathway}', x.path_n), ('${Figure.TransitionTotal}', x.total_n)) f(figure, value)
        where x.total_n > 0`,
    );

    // Outcomes of displaced workers: matched today, and their best score gain per training hour.
    await q(
      'outcomes',
      `${INSERT} select x.month, x.area_level, x.area_code, x.region_code, f.figure, '', '', f.value
         from (select ${levelCols(Figure.DisplacedMatched)}, count(*) filter (where best >= ${MATCH_THRESHOLD}) as matched, count(*) filter (where best is null or best < ${MATCH_THRESHOLD}) as unmatched
                 from (select iw.id, iw.r, iw.p, b.best from iw left join (select worker_id, max(score) as best from ip group by worker_id) b on b.worker_id = iw.id
                        where iw.s = 'displaced') d ${sets('')}) x
         cross join lateral (values ('${Figure.DisplacedMatched}', x.matched), ('${Figure.DisplacedUnmatched}', x.unmatched)) f(figure, value)`,
    );
    await q(
      'outcomes',
      `${INSERT} select x.month, x.area_level, x.area_code, x.region_code, f.figure, '', '', f.value
         from (select ${levelCols(Figure.GainWorkers)}, count(*) as n, percentile_cont(0.5) within group (order by gain) as median
                 from (select worker_id, r, p, max((after_w::float8 / total_w - score) / hours) as gain from ipw
                        where s = 'displaced' and hours > 0 and after_w::float8 / total_w > score group by worker_id, r, p) g ${sets('')}) x
         cross join lateral (values ('${Figure.GainWorkers}', x.n::float8), ('${Figure.MedianGainPerHour}', x.median)) f(figure, value)`,
    );
    await q(
      'outcomes',
      `${INSERT} select x.month, x.area_level, x.area_code, x.region_code, f.figure, '', '', f.value
         from (select ${levelCols(Figure.Applications)}, count(*) filter (where a.created_at >= $2 and a.created_at < $3) as applied,
                      count(*) filter (where a.status = 'hired' and a.updated_at >= $2 and a.updated_at < $3) as hired
                 from application a join iw on iw.id = a.worker_id
                where (a.created_at >= $2 and a.created_at < $3) or (a.status = 'hired' and a.updated_at >= $2 and a.updated_at < $3) ${sets('')}) x
         cross join lateral (values ('${Figure.Applications}', x.applied), ('${Figure.Hires}', x.hired)) f(figure, value)`,
      [start, asOf],
    );

    // Training capacity, for the skills an area asks for or its workers need: courses in person or
    // blended in the area, plus online courses (in reach from anywhere).
    await q(
      'training',
      `${INSERT} select a.month, a.area_level, a.area_code, a.region_code, f.figure, a.dim1, '', f.value
         from (select distinct month, area_level, area_code, region_code, dim1 from icell
                where month = $1::date and figure in ('${Figure.DemandSkill}', '${Figure.NeedSkill}')) a
         left join (select case when grouping(p) = 1 then 'region' else 'province' end as area_level, case when grouping(p) = 1 then r else p end as area_code,
                           skill_id::text as dim1, count(*) as n, sum(seats) as seats
                      from icourse where mode <> 'online' and r is not null and p is not null
                     group by grouping sets ((r, p, skill_id), (r, skill_id))) l
                on l.area_level = a.area_level and l.area_code = a.area_code and l.dim1 = a.dim1
         left join (select skill_id::text as dim1, count(*) as n, sum(seats) as seats from icourse where mode = 'online' group by skill_id) o on o.dim1 = a.dim1
         cross join lateral (values ('${Figure.CourseCount}', (coalesce(l.n, 0) + coalesce(o.n, 0))::float8),
                                    ('${Figure.CourseSeats}', (coalesce(l.seats, 0) + coalesce(o.seats, 0))::float8)) f(figure, value)
        where coalesce(l.n, 0) + coalesce(o.n, 0) > 0`,
    );
  }

  /**
   * Decides which worker counts the public may not see, and flags them in the staging table: the
   * primary ones (below the threshold) in one statement, the complementary ones by key.
   */
  private async suppress(m: EntityManager, threshold: number, steps: Record<string, number>): Promise<{ cells: number; suppressed: number }> {
    let t = Date.now();
    await m.query(`update icell set suppressed = true where figure = any($1) and value < $2`, [[...WORKER_FIGURES], threshold]);
    await m.query(`create index on icell (region_code)`);
    steps['suppression write'] = Date.now() - t;
    // Every group lies within one region (its areas, and its provinces adding up to it): one region at a time.
    const regions: { region_code: string }[] = await m.query(`select distinct region_code from icell`);
    let hiddenCount = 0;
    for (const { region_code } of regions) {
      t = Date.now();
      const rows: (CellKey & { value: number })[] = await m.query(
        `select area_level as "areaLevel", area_code as "areaCode", region_code as "regionCode", figure, dim1, dim2, value
           from icell where region_code = $1 and figure = any($2)`,
        [region_code, [...WORKER_FIGURES]],
      );
      steps['suppression read'] = (steps['suppression read'] ?? 0) + Date.now() - t;
      t = Date.now();
      const values = new Map(rows.map((r) => [cellKey(r), r.value]));
      const hidden = suppressCells(values, suppressionGroups(rows), threshold);
      const complements = rows.filter((r) => r.value >= threshold && hidden.has(cellKey(r)));
      hiddenCount += hidden.size;
      steps['suppression decide'] = (steps['suppression decide'] ?? 0) + Date.now() - t;
      t = Date.now();
      if (complements.length) {
        await m.query(
          `update icell c set suppressed = true
             from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) u(l, a, f, d1, d2)
            where c.region_code = $1 and c.area_level = u.l and c.area_code = u.a and c.figure = u.f and c.dim1 = u.d1 and c.dim2 = u.d2`,
          [region_code, complements.map((r) => r.areaLevel), complements.map((r) => r.areaCode), complements.map((r) => r.figure), complements.map((r) => r.dim1), complements.map((r) => r.dim2)],
        );
      }
      steps['suppression write'] += Date.now() - t;
    }
    const [{ n }] = await m.query(`select count(*)::int as n from icell`);
    return { cells: n, suppressed: hiddenCount };
  }
}
