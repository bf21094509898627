import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { TransitionSide } from '@ricarica/accounts';
import { decodeCursor, Page, toPage } from '@ricarica/common';
import type { ApplicationStatus } from './application.entity';
import { ApplicationErrors } from './application.errors';
import { applicantsOf } from './applicants';
import type { ApplicationView, Lang, ListPage, Viewer } from './applications.types';
import { checkMove, Moves } from './transitions';

/** received → shortlisted → rejected | hired, by the employer; withdrawn by the worker while still open. */
export const APPLICATION_MOVES: Moves<ApplicationStatus> = {
  organisation: { received: ['shortlisted', 'rejected'], shortlisted: ['rejected', 'hired'] },
  worker: { received: ['withdrawn'], shortlisted: ['withdrawn'] },
};

interface ApplicationRow {
  id: string;
  status: ApplicationStatus;
  vacancy_id: string;
  vacancy_title: string;
  employer_id: string;
  employer_name: string;
  worker_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `
  select a.id, a.status, a.vacancy_id, v.title as vacancy_title, e.id as employer_id, e.name as employer_name, a.worker_id,
         a.created_at, a.updated_at
    from application a join vacancy v on v.id = a.vacancy_id join employer e on e.id = v.employer_id`;

const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e as { code?: string }).code === '23505';

@Injectable()
export class ApplicationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Once per vacancy, while it is open; from then on the employer sees who the worker is. */
  async apply(vacancyId: string, workerId: string | null, lang: Lang): Promise<ApplicationView> {
    if (!workerId) throw ApplicationErrors.noWorkerProfile();
    const id = await this.db
      .transaction(async (m) => {
        // Shared lock: the vacancy cannot close or vanish until the application is in.
        const [vacancy]: { open: boolean }[] = await m.query(
          `select status = 'open' and (expires_at is null or expires_at > now()) as open from vacancy where id = $1 for share`,
          [vacancyId],
        );
        if (!vacancy?.open) throw ApplicationErrors.vacancyNotOpen(vacancyId);
        const [row]: { id: string }[] = await m.query(`insert into application (vacancy_id, worker_id) values ($1, $2) returning id`, [
          vacancyId,
          workerId,
        ]);
        return row.id;
      })
      .catch((e) => {
        throw isUniqueViolation(e) ? ApplicationErrors.alreadyApplied() : e;
      });
    return this.get(id, lang);
  }

  /** `viewer`: the employer or provider side no longer sees who withdrew. */
  async get(id: string, lang: Lang, viewer: Viewer = 'worker'): Promise<ApplicationView> {
    const m = this.db.manager;
    const rows: ApplicationRow[] = await m.query(`${SELECT} where a.id = $1`, [id]);
    if (!rows.length) throw ApplicationErrors.notFound(id);
    return (await this.views(m, rows, lang, viewer))[0];
  }

  async listForVacancy(vacancyId: string, viewer: Viewer, filter: ListPage & { status?: ApplicationStatus }, lang: Lang): Promise<Page<ApplicationView>> {
    const where: [string, unknown][] = [['a.vacancy_id = ?', vacancyId]];
    if (filter.status) where.push(['a.status = ?', filter.status]);
    return this.page(where, filter, lang, viewer);
  }

  async listForWorker(workerId: string, filter: ListPage, lang: Lang): Promise<Page<ApplicationView>> {
    return this.page([['a.worker_id = ?', workerId]], filter, lang, 'worker');
  }

  /** Moves an application along; who may set what is in APPLICATION_MOVES. */
  async move(id: string, side: TransitionSide, to: ApplicationStatus, lang: Lang): Promise<ApplicationView> {
    await this.db.transaction(async (m) => {
      const [row]: { status: ApplicationStatus }[] = await m.query(`select status from application where id = $1 for update`, [id]);
      if (!row) throw ApplicationErrors.notFound(id);
      const check = checkMove(APPLICATION_MOVES, side, row.status, to);
      if (check === 'forbidden') throw ApplicationErrors.forbiddenMove(to);
      if (check === 'invalid') throw ApplicationErrors.invalidMove(row.status, to);
      await m.query(`update application set status = $2, updated_at = now() where id = $1`, [id, to]);
    });
    return this.get(id, lang, side);
  }

  /** Erasure: the worker's applications stay as anonymous counts; open ones count as withdrawn. */
  async detachWorker(m: EntityManager, workerId: string): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `update application
          set worker_id = null, updated_at = now(),
              status = case when status in ('received', 'shortlisted') then 'withdrawn' else status end
        where worker_id = $1`,
      [workerId],
    );
    return count;
  }

  /** Newest first; `conditions` are SQL with one `?` each. */
  private async page(conditions: [string, unknown][], filter: ListPage, lang: Lang, viewer: Viewer): Promise<Page<ApplicationView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where = conditions.map(([sql, value]) => {
      params.push(value);
      return sql.replace('?', `$${params.length}`);
    });
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: ApplicationRow[] = await this.db.query(
      `${SELECT} where ${where.join(' and ')} order by a.created_at desc, a.id desc limit $${params.length}`,
      params,
    );
    const views = await this.views(this.db.manager, rows.slice(0, filter.limit), lang, viewer);
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(rows.map((r) => ({ ...r, createdAt: r.created_at })), filter.limit, (r) => byId.get(r.id) as ApplicationView);
  }

  private async views(m: EntityManager, rows: ApplicationRow[], lang: Lang, viewer: Viewer): Promise<ApplicationView[]> {
    // Withdrawing takes the profile back from the employer or provider.
    const shown = rows.map((r) => (viewer === 'organisation' && r.status === 'withdrawn' ? null : r.worker_id));
    const applicants = await applicantsOf(m, shown, lang);
    return rows.map((r, i) => ({
      id: r.id,
      status: r.status,
      vacancy: { id: r.vacancy_id, title: r.vacancy_title, employer: { id: r.employer_id, name: r.employer_name } },
      worker: shown[i] ? (applicants.get(shown[i] as string) ?? null) : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}
