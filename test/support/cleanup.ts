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
