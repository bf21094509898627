import { DataSource } from 'typeorm';

/**
 * Removes the workers and vacancies earlier runs left with skills that only one family of specs
 * uses (the test database persists across runs): stored top-K lists are global, so leftovers that
 * outrank this run's records would push them out of the lists the specs read. Run it before the
 * worker app starts, so that its first rebuild sees the cleared database.
 */
export async function clearRecordsWithSkills(db: DataSource, skillIds: string[]): Promise<void> {
  await db.query(`delete from vacancy where id in (select vacancy_id from vacancy_requirement where skill_id = any($1::uuid[]))`, [skillIds]);
  await db.query(`delete from worker where id in (select worker_id from worker_skill where skill_id = any($1::uuid[]))`, [skillIds]);
}

/**
 * Takes out of reach the vacancies and courses earlier runs of the whole-plant intake specs (e2e and
 * browser) left: a cohort report spans every open vacancy and course in reach, so another run's would
 * become this run's destinations and training. Run it before the worker app starts.
 */
export async function clearCohortFixtures(db: DataSource): Promise<void> {
  await db.query(`update vacancy set status = 'closed' where status <> 'closed' and (title like 'Tappezziere con competenze %' or title like 'Tappezziere sedili %')`);
  await db.query(`delete from course where title ~ '^Corso [0-9a-f]{8}$' or title like 'Corso tappezzeria %'`);
}
