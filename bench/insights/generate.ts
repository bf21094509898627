import { DataSource } from 'typeorm';

export interface GenerateOptions {
  workers: number;
  vacancies: number;
  courses: number;
  /** Stored matches per displaced or at-risk worker. */
  matchesPerWorker: number;
  applications: number;
}

export interface GenerateReport {
  rows: Record<string, number>;
  ms: number;
}

/**
 * The bench population, generated in PostgreSQL by bulk SQL from the imported ESCO taxonomy and
 * ISTAT municipalities: every choice is a hash of the row number, so a run is reproducible.
 * Workers hold up to four essential skills of their past occupation plus two others; vacancies ask
 * for their occupation's essential (and two optional) skills; courses teach three skills of an
 * occupation; displaced and at-risk workers get stored matches to vacancies of their own region.
 */
/** Empties what an earlier run generated (the taxonomy stays). */
export async function clearPopulation(db: DataSource): Promise<void> {
  await db.query(`truncate worker, vacancy, course, employer, provider, application, enrolment, insight_cell, insight_snapshot, outbox cascade`);
  for (const t of ['bench_mun', 'bench_occ', 'bench_skill', 'bench_w', 'bench_c', 'bench_vr', 'bench_vc']) await db.query(`drop table if exists ${t}`);
}

export async function generatePopulation(db: DataSource, o: GenerateOptions, log: (line: string) => void): Promise<GenerateReport> {
  const started = Date.now();
  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    await db.query(sql, params);
    log(`  ${what} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  // h(n, salt): a reproducible non-negative pseudo-random integer.
  await step('helpers', `create or replace function bench_h(n bigint, salt int) returns int language sql immutable parallel safe as $$ select hashint8(n * 7919 + salt) & 2147483647 $$`);
  await step(
    'pools',
    `create table bench_mun as select row_number() over (order by istat_code) as rn, istat_code, name, province, region, lat, lng from municipality;
     create table bench_occ as
       select row_number() over (order by o.id) as rn, o.id,
              array(select os.skill_id from occupation_skill os where os.occupation_id = o.id and os.relation_type = 'essential' order by os.skill_id) as essential,
              array(select os.skill_id from occupation_skill os where os.occupation_id = o.id and os.relation_type = 'optional' order by os.skill_id) as optional
         from occupation o
        where (select count(*) from occupation_skill os where os.occupation_id = o.id and os.relation_type = 'essential') >= 6;
     create table bench_skill as select row_number() over (order by id) as rn, id from skill;
     create unique index on bench_mun (rn); create unique index on bench_occ (rn); create unique index on bench_occ (id); create unique index on bench_skill (rn);
     analyze bench_mun; analyze bench_occ; analyze bench_skill;`,
  );
  const [{ mun, occ, skills }] = await db.query(
    `select (select count(*) from bench_mun)::int as mun, (select count(*) from bench_occ)::int as occ, (select count(*) from bench_skill)::int as skills`,
  );
  log(`  pools: ${mun} municipalities, ${occ} occupations with 6+ essential skills, ${skills} skills`);

  await step(
    `${o.workers} workers`,
    `insert into worker (id, name, email, home_lat, home_lng, home_municipality_code, home_municipality, home_province, home_region, mobility_radius_km, employment_status, created_at, updated_at)
     select gen_random_uuid(), 'Bench ' || g, null, m.lat, m.lng, m.istat_code, m.name, m.province, m.region, 30,
            (array['displaced','displaced','at_risk','at_risk','employed','employed','employed','employed','employed','unemployed'])[1 + bench_h(g, 1) % 10],
            now() - interval '1 day', now() - interval '1 day'
       from generate_series(1, $1::int) g join bench_mun m on m.rn = 1 + bench_h(g, 2) % $2::int`,
    [o.workers, mun],
  );
  await step('worker numbering', `create table bench_w as select id, row_number() over (order by id) as n, home_region as r, employment_status as s from worker; create index on bench_w (n)`);
  await step(
    'worker occupations',
    `insert into worker_occupation (worker_id, occupation_id, years) select w.id, c.id, 1 + bench_h(w.n, 3) % 20 from bench_w w join bench_occ c on c.rn = 1 + bench_h(w.n, 4) % $1::int`,
    [occ],
  );
  await step(
    'worker skills',
    `insert into worker_skill (worker_id, skill_id, level, source)
     select w.id, s.skill_id, 1 + bench_h(w.n, 10 + s.k::int) % 4, 'declared'
       from bench_w w join worker_occupation wo on wo.worker_id = w.id join bench_occ c on c.id = wo.occupation_id
       cross join lateral (select e.skill_id, e.k from unnest(c.essential) with ordinality e(skill_id, k)
                            where e.k > bench_h(w.n, 5) % (cardinality(c.essential) - 3) and e.k <= bench_h(w.n, 5) % (cardinality(c.essential) - 3) + 4
                           union all
                           select b.id, 100 + x from generate_series(1, 2) x join bench_skill b on b.rn = 1 + bench_h(w.n * 3 + x, 6) % $1::int) s
     on conflict do nothing`,
    [skills],
  );
  await step(
    'employers and providers',
    `insert into employer (name, vat_number) select 'Bench employer ' || g, 'BENCH' || lpad(g::text, 8, '0') from generate_series(1, 1000) g;
     insert into provider (name) select 'Bench provider ' || g from generate_series(1, 500) g;`,
  );
  await step(
    `${o.vacancies} vacancies`,
    `insert into vacancy (id, employer_id, title, occupation_id, location_lat, location_lng, location_municipality_code, location_municipality, location_province, location_region,
                          contract_type, openings, status, expires_at, created_at, updated_at)
     select gen_random_uuid(), e.id, 'Bench vacancy ' || g, c.id, m.lat, m.lng, m.istat_code, m.name, m.province, m.region,
            'permanent', 1 + bench_h(g, 21) % 5, case when bench_h(g, 22) % 10 = 0 then 'closed' else 'open' end, now() + interval '180 days',
            now() - interval '1 day', now() - interval '1 day'
       from generate_series(1, $1::int) g
       join bench_mun m on m.rn = 1 + bench_h(g, 23) % $2::int
       join bench_occ c on c.rn = 1 + bench_h(g, 24) % $3::int
       join (select id, row_number() over (order by id) as rn from employer) e on e.rn = 1 + bench_h(g, 25) % 1000`,
    [o.vacancies, mun, occ],
  );
  await step(
    'vacancy requirements',
    `insert into vacancy_requirement (vacancy_id, skill_id, importance, min_level)
     select v.id, r.skill_id, r.importance, 2 + bench_h(hashtext(v.id::text), r.k::int) % 2
       from vacancy v join bench_occ c on c.id = v.occupation_id
       cross join lateral (select e.skill_id, 'essential' as importance, e.k from unnest(c.essential[1:5]) with ordinality e(skill_id, k)
                           union all
                           select p.skill_id, 'optional', 10 + p.k from unnest(c.optional[1:2]) with ordinality p(skill_id, k)) r
     on conflict do nothing`,
  );
  await step(
    `${o.courses} courses`,
    `insert into course (id, provider_id, title, mode, hours, status, location_lat, location_lng, location_municipality_code, location_municipality, location_province, location_region, created_at, updated_at)
     select gen_random_uuid(), p.id, 'Bench course ' || g, md.mode, 16 + 8 * (bench_h(g, 31) % 28),
            case when bench_h(g, 32) % 20 = 0 then 'draft' else 'published' end,
            m.lat, m.lng, m.istat_code, m.name, m.province, m.region, now() - interval '1 day', now() - interval '1 day'
       from generate_series(1, $1::int) g
       join bench_mun m on m.rn = 1 + bench_h(g, 33) % $2::int
       join (select id, row_number() over (order by id) as rn from provider) p on p.rn = 1 + bench_h(g, 34) % 500
       cross join lateral (select (array['in_person','in_person','in_person','in_person','in_person','in_person','blended','blended','online','online'])[1 + bench_h(g, 35) % 10] as mode) md`,
    [o.courses, mun],
  );
  await step(
    'course skills and sessions',
    `create table bench_c as select id, row_number() over (order by id) as n from course`,
  );
  await step(
    'course skills',
    `insert into course_skill (course_id, skill_id, target_level)
     select c.id, e.skill_id, 3 from bench_c c join bench_occ o on o.rn = 1 + bench_h(c.n, 36) % $1::int
       cross join lateral unnest(o.essential[1 + bench_h(c.n, 37) % 3 : 3 + bench_h(c.n, 37) % 3]) e(skill_id)
     on conflict do nothing`,
    [occ],
  );
  await step(
    'course sessions',
    `insert into course_session (course_id, starts_at, ends_at, seats)
     select c.id, now() + (bench_h(c.n * 2 + k, 38) % 180) * interval '1 day', now() + (bench_h(c.n * 2 + k, 38) % 180 + 30) * interval '1 day', 10 + bench_h(c.n * 2 + k, 39) % 21
       from bench_c c cross join generate_series(1, 2) k`,
  );
  await step(
    'vacancy numbering',
    `create table bench_vr as select id, location_region as r, row_number() over (partition by location_region order by id) as rn from vacancy where status = 'open';
     create index on bench_vr (r, rn);
     create table bench_vc as select r, count(*)::int as cnt from bench_vr group by r`,
  );
  await step(
    'stored matches',
    `insert into worker_match (worker_id, vacancy_id, rank, score, score_numerator, score_denominator, distance_km, engine_version, computed_at)
     select worker_id, vacancy_id, row_number() over (partition by worker_id order by num desc, vacancy_id)::smallint, num / 120.0, num, 120, 5, 1, now()
       from (select distinct on (w.id, v.id) w.id as worker_id, v.id as vacancy_id, 24 + bench_h(w.n * 16 + k, 41) % 97 as num
               from bench_w w join bench_vc vc on vc.r = w.r cross join generate_series(1, $1::int) k
               join bench_vr v on v.r = w.r and v.rn = 1 + bench_h(w.n * 16 + k, 40) % vc.cnt
              where w.s in ('displaced', 'at_risk')) x`,
    [o.matchesPerWorker],
  );
  await step(
    'applications',
    `insert into application (vacancy_id, worker_id, status, created_at, updated_at)
     select v.id, w.id, case when bench_h(g, 51) % 10 = 0 then 'hired' else 'received' end, now(), now()
       from generate_series(1, $1::int) g
       join bench_w w on w.n = 1 + bench_h(g, 52) % $2::int
       join bench_vr v on v.r = w.r and v.rn = 1 + bench_h(g, 53) % (select cnt from bench_vc where r = w.r)
     on conflict do nothing`,
    [o.applications, o.workers],
  );
  await step('analyze', `analyze`);
  const rows: Record<string, number> = {};
  for (const table of ['worker', 'worker_skill', 'worker_occupation', 'vacancy', 'vacancy_requirement', 'course', 'course_skill', 'course_session', 'worker_match', 'application']) {
    const [{ n }] = await db.query(`select count(*)::int as n from ${table}`);
    rows[table] = n;
  }
  return { rows, ms: Date.now() - started };
}
