import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { TransitionSide } from '@ricarica/accounts';
import { decodeCursor, Page, toPage } from '@ricarica/common';
import { EnrolmentErrors } from './application.errors';
import { applicantsOf } from './applicants';
import type { EnrolmentView, Lang, ListPage, Viewer } from './applications.types';
import { EnrolmentStatus, SEAT_HOLDING } from './enrolment.entity';
import { checkMove, Moves } from './transitions';

/** requested → accepted | declined by the provider; withdrawn by the worker while it holds a seat. */
export const ENROLMENT_MOVES: Moves<EnrolmentStatus> = {
  organisation: { requested: ['accepted', 'declined'] },
  worker: { requested: ['withdrawn'], accepted: ['withdrawn'] },
};

interface EnrolmentRow {
  id: string;
  status: EnrolmentStatus;
  course_id: string;
  course_title: string;
  provider_id: string;
  provider_name: string;
  session_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  worker_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `
  select n.id, n.status, n.course_id, c.title as course_title, p.id as provider_id, p.name as provider_name,
         n.session_id, s.starts_at, s.ends_at, n.worker_id, n.created_at, n.updated_at
    from enrolment n
    join course c on c.id = n.course_id
    join provider p on p.id = c.provider_id
    left join course_session s on s.id = n.session_id`;

const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e as { code?: string }).code === '23505';

@Injectable()
export class EnrolmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Takes a seat of the session and records the request in one transaction. The seat is taken by a
   * conditional update (`seats_taken < seats`), which PostgreSQL re-checks after waiting for a
   * concurrent one: however many requests race, seats_taken never passes seats (a check constraint
   * guards it too).
   */
  async request(courseId: string, sessionId: string, workerId: string | null, lang: Lang): Promise<EnrolmentView> {
    if (!workerId) throw EnrolmentErrors.noWorkerProfile();
    const id = await this.db
      .transaction(async (m) => {
        const [course]: { status: string }[] = await m.query(`select status from course where id = $1 for share`, [courseId]);
        if (course?.status !== 'published') throw EnrolmentErrors.courseNotPublished(courseId);
        const live: unknown[] = await m.query(
          `select 1 from enrolment where course_id = $1 and worker_id = $2 and status in ('requested', 'accepted')`,
          [courseId, workerId],
        );
        if (live.length) throw EnrolmentErrors.alreadyRequested();
        const taken: unknown[] = await m.query(
          `update course_session set seats_taken = seats_taken + 1
            where id = $1 and course_id = $2 and seats_taken < seats and starts_at > now() returning id`,
          [sessionId, courseId],
        );
        // For UPDATE the driver answers [rows, count].
        if ((taken[0] as unknown[]).length === 0) throw await this.whyNoSeat(m, courseId, sessionId);
        const [row]: { id: string }[] = await m.query(
          `insert into enrolment (course_id, session_id, worker_id) values ($1, $2, $3) returning id`,
          [courseId, sessionId, workerId],
        );
        return row.id;
      })
      .catch((e) => {
        throw isUniqueViolation(e) ? EnrolmentErrors.alreadyRequested() : e;
      });
    return this.get(id, lang);
  }

  /** `viewer`: the employer or provider side no longer sees who withdrew. */
  async get(id: string, lang: Lang, viewer: Viewer = 'worker'): Promise<EnrolmentView> {
    const m = this.db.manager;
    const rows: EnrolmentRow[] = await m.query(`${SELECT} where n.id = $1`, [id]);
    if (!rows.length) throw EnrolmentErrors.notFound(id);
    return (await this.views(m, rows, lang, viewer))[0];
  }

  async listForCourse(courseId: string, viewer: Viewer, filter: ListPage & { status?: EnrolmentStatus }, lang: Lang): Promise<Page<EnrolmentView>> {
    const where: [string, unknown][] = [['n.course_id = ?', courseId]];
    if (filter.status) where.push(['n.status = ?', filter.status]);
    return this.page(where, filter, lang, viewer);
  }

  async listForWorker(workerId: string, filter: ListPage, lang: Lang): Promise<Page<EnrolmentView>> {
    return this.page([['n.worker_id = ?', workerId]], filter, lang, 'worker');
  }

  /** Declining or withdrawing gives the seat back, in the same transaction. */
  async move(id: string, side: TransitionSide, to: EnrolmentStatus, lang: Lang): Promise<EnrolmentView> {
    await this.db.transaction(async (m) => {
      const [row]: { status: EnrolmentStatus; session_id: string | null }[] = await m.query(
        `select status, session_id from enrolment where id = $1 for update`,
        [id],
      );
      if (!row) throw EnrolmentErrors.notFound(id);
      const check = checkMove(ENROLMENT_MOVES, side, row.status, to);
      if (check === 'forbidden') throw EnrolmentErrors.forbiddenMove(to);
      if (check === 'invalid') throw EnrolmentErrors.invalidMove(row.status, to);
      await m.query(`update enrolment set status = $2, updated_at = now() where id = $1`, [id, to]);
      if (SEAT_HOLDING.includes(row.status) && !SEAT_HOLDING.includes(to) && row.session_id) await this.releaseSeats(m, [row.session_id]);
    });
    return this.get(id, lang, side);
  }

  /** Erasure: seats held are given back, the rows stay as anonymous counts (open ones as withdrawn). */
  async detachWorker(m: EntityManager, workerId: string): Promise<number> {
    const held: { session_id: string }[] = await m.query(
      `select session_id from enrolment where worker_id = $1 and status in ('requested', 'accepted') and session_id is not null for update`,
      [workerId],
    );
    await this.releaseSeats(m, held.map((h) => h.session_id));
    const [, count]: [unknown, number] = await m.query(
      `update enrolment
          set worker_id = null, updated_at = now(),
              status = case when status in ('requested', 'accepted') then 'withdrawn' else status end
        where worker_id = $1`,
      [workerId],
    );
    return count;
  }

  private async releaseSeats(m: EntityManager, sessionIds: string[]): Promise<void> {
    for (const sessionId of sessionIds) {
      await m.query(`update course_session set seats_taken = seats_taken - 1 where id = $1 and seats_taken > 0`, [sessionId]);
    }
  }

  private async whyNoSeat(m: EntityManager, courseId: string, sessionId: string): Promise<Error> {
    const [session]: { full: boolean; started: boolean }[] = await m.query(
      `select seats_taken >= seats as full, starts_at <= now() as started from course_session where id = $1 and course_id = $2`,
      [sessionId, courseId],
    );
    if (!session) return EnrolmentErrors.unknownSession(sessionId);
    return session.started ? EnrolmentErrors.sessionStarted() : EnrolmentErrors.sessionFull();
  }

  /** Newest first; `conditions` are SQL with one `?` each. */
  private async page(conditions: [string, unknown][], filter: ListPage, lang: Lang, viewer: Viewer): Promise<Page<EnrolmentView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where = conditions.map(([sql, value]) => {
      params.push(value);
      return sql.replace('?', `$${params.length}`);
    });
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: EnrolmentRow[] = await this.db.query(
      `${SELECT} where ${where.join(' and ')} order by n.created_at desc, n.id desc limit $${params.length}`,
      params,
    );
    const views = await this.views(this.db.manager, rows.slice(0, filter.limit), lang, viewer);
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(rows.map((r) => ({ ...r, createdAt: r.created_at })), filter.limit, (r) => byId.get(r.id) as EnrolmentView);
  }

  private async views(m: EntityManager, rows: EnrolmentRow[], lang: Lang, viewer: Viewer): Promise<EnrolmentView[]> {
    // Withdrawing takes the profile back from the employer or provider.
    const shown = rows.map((r) => (viewer === 'organisation' && r.status === 'withdrawn' ? null : r.worker_id));
    const applicants = await applicantsOf(m, shown, lang);
    return rows.map((r, i) => ({
      id: r.id,
      status: r.status,
      course: { id: r.course_id, title: r.course_title, provider: { id: r.provider_id, name: r.provider_name } },
      session: r.session_id ? { id: r.session_id, startsAt: r.starts_at as Date, endsAt: r.ends_at as Date } : null,
      worker: shown[i] ? (applicants.get(shown[i] as string) ?? null) : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}
