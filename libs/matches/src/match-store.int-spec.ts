import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@ricarica/database';
import type { MatchEntry } from '@ricarica/matching';
import { MatchStore } from './match-store';
import { WORKER_MATCH_ORDER } from './worker-match.entity';

// The test database global set-up migrated (test/global-setup.ts).
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ricarica_test';

const entry = (vacancyId: string, numerator: number, denominator: number, distanceKm: number): MatchEntry => ({
  vacancyId,
  numerator,
  denominator,
  score: Math.round((numerator / denominator) * 1e4) / 1e4,
  distanceKm,
});

describe('MatchStore worker lists (PostgreSQL)', () => {
  const db = new DataSource(dataSourceOptions(DATABASE_URL));
  const store = new MatchStore();
  let employerId: string;
  const workers: string[] = [];
  const vacancies: string[] = [];

  const stored = async (workerId: string) =>
    (await db.query(
      `select vacancy_id, score_numerator as num, score_denominator as den, distance_km as km, computed_at from worker_match m
        where worker_id = $1 order by ${WORKER_MATCH_ORDER}`,
      [workerId],
    )) as { vacancy_id: string; num: number; den: number; km: number; computed_at: Date }[];

  beforeAll(async () => {
    await db.initialize();
    [{ id: employerId }] = await db.query(`insert into employer (name, vat_number) values ('Store Test S.r.l.', $1) returning id`, [
      String(Date.now()).slice(-11).padStart(11, '0'),
    ]);
    for (let i = 0; i < 5; i++) {
      const [{ id }] = await db.query(`insert into vacancy (employer_id, title, contract_type) values ($1, $2, 'permanent') returning id`, [employerId, `Vacancy ${i}`]);
      vacancies.push(id);
    }
    for (let i = 0; i < 3; i++) {
      const [{ id }] = await db.query(`insert into worker (name, employment_status) values ($1, 'displaced') returning id`, [`Worker ${randomUUID()}`]);
      workers.push(id);
    }
  });

  afterAll(async () => {
    await db.query(`delete from worker where id = any($1::uuid[])`, [workers]);
    await db.query(`delete from vacancy where id = any($1::uuid[])`, [vacancies]);
    await db.query(`delete from employer where id = $1`, [employerId]);
    await db.destroy();
  });

  it('writes only the entries that changed, and reads back in the engine ranking', async () => {
    const [v0, v1, v2, v3, v4] = vacancies;
    const [a, b, c] = workers;
    const first = new Date('2026-11-01T10:00:00Z');
    await db.transaction((m) =>
      store.syncWorkerLists(
        m,
        new Map([
          [a, [entry(v0, 3, 4, 10), entry(v1, 1, 2, 5), entry(v2, 1, 2, 7.25)]],
          [b, [entry(v3, 1, 1, 0)]],
          [c, [entry(v4, 2, 3, 1)]],
        ]),
        first,
      ),
    );

    // a: v1 rescored, v2 left, v4 entered ahead of v0 (equal score, nearer); b unchanged; c emptied.
    const second = new Date('2026-11-02T10:00:00Z');
    const changed = await db.transaction((m) =>
      store.syncWorkerLists(
        m,
        new Map([
          [a, [entry(v4, 6, 8, 2), entry(v0, 3, 4, 10), entry(v1, 2, 3, 5)]],
          [b, [entry(v3, 1, 1, 0)]],
          [c, []],
        ]),
        second,
      ),
    );
    // v2 deleted, v4 inserted, v1 updated for a; v4 deleted for c; nothing for b.
    expect(changed).toBe(4);
    const listA = await stored(a);
    expect(listA.map((r) => [r.vacancy_id, r.num, r.den, r.km])).toEqual([
      [v4, 6, 8, 2],
      [v0, 3, 4, 10],
      [v1, 2, 3, 5],
    ]);
    // The untouched entries keep the time they were written.
    expect(listA.map((r) => r.computed_at.toISOString())).toEqual([second, first, second].map((d) => d.toISOString()));
    expect((await stored(b)).map((r) => r.computed_at.toISOString())).toEqual([first.toISOString()]);
    expect(await stored(c)).toEqual([]);
  });

  it('keeps distances exactly as the engine computed them, so ties order as in the engine', async () => {
    const [v0, v1] = [...vacancies].sort();
    const [a] = workers;
    // Equal in single precision, different in double: v1 (nearer by a hair) must come first.
    await db.transaction((m) => store.syncWorkerLists(m, new Map([[a, [entry(v1, 1, 2, 12.345678901), entry(v0, 1, 2, 12.345678902)]]]), new Date()));
    expect((await stored(a)).map((r) => r.vacancy_id)).toEqual([v1, v0]);
  });
});
