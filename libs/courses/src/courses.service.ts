import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, duplicateProblem, FieldProblem, Page, problemsForMissing, toPage } from '@ricarica/common';
import { Place, PlacesService } from '@ricarica/places';
import { ProviderErrors } from '@ricarica/providers';
import { EventName, OutboxService } from '@ricarica/queue';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import type { CourseMode, CourseStatus, FundingSource } from './course.entity';
import { CourseErrors } from './course.errors';
import {
  CourseListFilter, CourseView, CreateCourseInput, PrerequisiteView, SessionInput, SessionView, SkillTaughtInput, SkillTaughtView,
  UpdateCourseInput,
} from './course.types';

type Lang = 'it' | 'en';

interface CourseRow {
  id: string;
  provider_id: string;
  provider_name: string;
  title: string;
  description: string;
  language: string;
  mode: CourseMode;
  location_lat: number | null;
  location_lng: number | null;
  location_municipality: string | null;
  location_municipality_code: string | null;
  location_province: string | null;
  location_region: string | null;
  hours: number;
  cost_eur: string;
  funding: FundingSource[];
  eqf_level: number | null;
  status: CourseStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface Collections {
  skills: Map<string, SkillTaughtView[]>;
  prerequisites: Map<string, PrerequisiteView[]>;
  sessions: Map<string, SessionView[]>;
}

/** What the business rules look at, after a patch is applied to the stored course. */
interface CourseState {
  /** Arrays only when the request gives them. */
  skillsTaught?: SkillTaughtInput[];
  prerequisites?: string[];
  sessions?: SessionInput[];
  funding?: FundingSource[];
  mode: CourseMode;
  hasLocation: boolean;
}

const labelOf = (alias: string, lang: Lang) => (lang === 'it' ? `coalesce(${alias}.label_it, ${alias}.label_en)` : `${alias}.label_en`);

const SELECT_COURSES = `select c.*, p.name as provider_name from course c join provider p on p.id = c.provider_id`;

const LOCATION_COLUMNS = ['location_lat', 'location_lng', 'location_municipality', 'location_municipality_code', 'location_province', 'location_region'];
const locationValues = (p: Place | null) =>
  p ? [p.lat, p.lng, p.municipality, p.municipalityCode, p.province, p.region] : [null, null, null, null, null, null];

const locationOf = (r: CourseRow): Place | null =>
  r.location_lat === null || r.location_lng === null
    ? null
    : {
        lat: r.location_lat,
        lng: r.location_lng,
        municipality: r.location_municipality,
        municipalityCode: r.location_municipality_code,
        province: r.location_province,
        region: r.location_region,
      };

const toView = (r: CourseRow, c: Collections, now: Date): CourseView => {
  const sessions = c.sessions.get(r.id) ?? [];
  return {
    id: r.id,
    provider: { id: r.provider_id, name: r.provider_name },
    title: r.title,
    description: r.description,
    language: r.language,
    mode: r.mode,
    location: locationOf(r),
    skillsTaught: c.skills.get(r.id) ?? [],
    prerequisites: c.prerequisites.get(r.id) ?? [],
    hours: r.hours,
    costEur: Number(r.cost_eur),
    funding: r.funding,
    eqfLevel: r.eqf_level,
    sessions,
    nextSessionStartsAt: sessions.find((s) => s.startsAt.getTime() > now.getTime())?.startsAt ?? null,
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

/** The rules that need no database; throws the first one broken (all the bad sessions at once). */
function checkRules(s: CourseState): void {
  if (s.skillsTaught !== undefined) {
    if (s.skillsTaught.length === 0) throw CourseErrors.noSkills();
    const duplicate = duplicateProblem(s.skillsTaught, 'skillId', 'skillsTaught');
    if (duplicate) throw CourseErrors.duplicateSkill(duplicate);
  }
  if (s.prerequisites !== undefined) {
    const i = s.prerequisites.findIndex((id, at) => s.prerequisites!.indexOf(id) !== at);
    if (i >= 0) throw CourseErrors.duplicateSkill({ field: `prerequisites[${i}]`, reason: `${s.prerequisites[i]} is listed twice` });
  }
  if (s.mode !== 'online' && !s.hasLocation) throw CourseErrors.locationRequired();
  if (s.sessions !== undefined) {
    const problems: FieldProblem[] = s.sessions.flatMap((session, i) =>
      new Date(session.endsAt).getTime() <= new Date(session.startsAt).getTime()
        ? [{ field: `sessions[${i}].endsAt`, reason: 'must be after startsAt' }]
        : [],
    );
    if (problems.length) throw CourseErrors.sessionOrder(problems);
    const seen = new Set<string>();
    for (const [i, session] of s.sessions.entries()) {
      if (!session.id) continue;
      if (seen.has(session.id)) throw CourseErrors.duplicateSession({ field: `sessions[${i}].id`, reason: `${session.id} is listed twice` });
      seen.add(session.id);
    }
  }
  if (s.funding !== undefined && s.funding.includes('none') && s.funding.length > 1) throw CourseErrors.fundingConflict();
}

const stateAfter = (current: CourseRow, input: UpdateCourseInput): CourseState => ({
  skillsTaught: input.skillsTaught,
  prerequisites: input.prerequisites,
  sessions: input.sessions,
  funding: input.funding,
  mode: input.mode ?? current.mode,
  hasLocation: input.location !== undefined ? input.location !== null : current.location_lat !== null,
});

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyLookupService,
    private readonly places: PlacesService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Checks in this order, all before writing: the body's own rules (400), the provider (404 naming providerId),
   * every ESCO skill id in one query (400), the location (400).
   */
  async create(input: CreateCourseInput, lang: Lang): Promise<CourseView> {
    checkRules({
      skillsTaught: input.skillsTaught,
      prerequisites: input.prerequisites ?? [],
      sessions: input.sessions ?? [],
      funding: input.funding ?? [],
      mode: input.mode,
      hasLocation: input.location != null,
    });
    const named = (input.sessions ?? []).flatMap((session, i) => (session.id ? [{ field: `sessions[${i}].id`, reason: `${session.id} is not a session of this course` }] : []));
    if (named.length) throw CourseErrors.unknownSessions(named);
    await this.assertProvider(this.db.manager, input.providerId);
    await this.validateSkills(input.skillsTaught, input.prerequisites ?? []);
    const location = input.location ? await this.places.resolve(input.location, 'location') : null;
    const id = await this.db.transaction(async (m) => {
      await this.assertProvider(m, input.providerId, true);
      const [row]: { id: string }[] = await m.query(
        `insert into course (provider_id, title, description, language, mode, ${LOCATION_COLUMNS.join(', ')},
                             hours, cost_eur, funding, eqf_level, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
        [
          input.providerId, input.title, input.description ?? '', input.language ?? 'it', input.mode, ...locationValues(location),
          input.hours, input.costEur ?? 0, input.funding ?? [], input.eqfLevel ?? null, input.status ?? 'draft',
        ],
      );
      await this.writeSkills(m, row.id, input.skillsTaught);
      await this.writePrerequisites(m, row.id, input.prerequisites ?? []);
      await this.writeSessions(m, row.id, input.sessions ?? []);
      await this.outbox.add(m, EventName.CourseChanged, { courseId: row.id });
      return row.id;
    });
    return this.get(id, lang);
  }

  async get(id: string, lang: Lang, manager: EntityManager = this.db.manager): Promise<CourseView> {
    const [row]: CourseRow[] = await manager.query(`${SELECT_COURSES} where c.id = $1`, [id]);
    if (!row) throw CourseErrors.notFound(id);
    return toView(row, await this.collectionsOf(manager, [id], lang), new Date());
  }

  /**
   * Fields left out stay as they are; arrays given (skillsTaught, prerequisites, sessions, funding) replace the
   * stored ones; null clears location and eqfLevel. Every accepted change bumps the version; an empty patch changes nothing.
   */
  async update(id: string, input: UpdateCourseInput, lang: Lang): Promise<CourseView> {
    const [current]: CourseRow[] = await this.db.query(`select * from course where id = $1`, [id]);
    if (!current) throw CourseErrors.notFound(id);
    if (Object.values(input).every((v) => v === undefined)) return this.get(id, lang);
    checkRules(stateAfter(current, input));
    if (input.providerId !== undefined) await this.assertProvider(this.db.manager, input.providerId);
    await this.validateSkills(input.skillsTaught ?? [], input.prerequisites ?? []);
    const location = input.location ? await this.places.resolve(input.location, 'location') : input.location;

    await this.db.transaction(async (m) => {
      const [locked]: CourseRow[] = await m.query(`select * from course where id = $1 for update`, [id]);
      if (!locked) throw CourseErrors.notFound(id);
      // Re-checked on the locked row: a concurrent patch may have changed the mode or the location meanwhile.
      checkRules(stateAfter(locked, input));
      if (input.providerId !== undefined) await this.assertProvider(m, input.providerId, true);
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.providerId !== undefined) set('provider_id', input.providerId);
      if (input.title !== undefined) set('title', input.title);
      if (input.description !== undefined) set('description', input.description);
      if (input.language !== undefined) set('language', input.language);
      if (input.mode !== undefined) set('mode', input.mode);
      if (location !== undefined) {
        const values = locationValues(location);
        LOCATION_COLUMNS.forEach((column, i) => set(column, values[i]));
      }
      if (input.hours !== undefined) set('hours', input.hours);
      if (input.costEur !== undefined) set('cost_eur', input.costEur);
      if (input.funding !== undefined) set('funding', input.funding);
      if (input.eqfLevel !== undefined) set('eqf_level', input.eqfLevel);
      if (input.status !== undefined) set('status', input.status);
      if (input.skillsTaught !== undefined) {
        await m.query(`delete from course_skill where course_id = $1`, [id]);
        await this.writeSkills(m, id, input.skillsTaught);
      }
      if (input.prerequisites !== undefined) {
        await m.query(`delete from course_prerequisite where course_id = $1`, [id]);
        await this.writePrerequisites(m, id, input.prerequisites);
      }
      if (input.sessions !== undefined) await this.mergeSessions(m, id, input.sessions);
      params.push(id);
      await m.query(
        `update course set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $${params.length}`,
        params,
      );
      await this.outbox.add(m, EventName.CourseChanged, { courseId: id });
    });
    return this.get(id, lang);
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      // For DELETE the driver answers [rows, affected count].
      const [, deleted]: [unknown[], number] = await m.query(`delete from course where id = $1`, [id]);
      if (deleted === 0) throw CourseErrors.notFound(id);
      await this.outbox.add(m, EventName.CourseChanged, { courseId: id });
    });
  }

  /** One query for the page, then one each for the skills, prerequisites and sessions of all its courses. */
  async list(filter: CourseListFilter, lang: Lang): Promise<Page<CourseView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!filter.scope.all) {
      params.push(filter.scope.ownerId);
      where.push(`(c.status = 'published' or c.provider_id = $${params.length}::uuid)`);
    }
    if (filter.providerId) add('c.provider_id = ?', filter.providerId);
    if (filter.status) add('c.status = ?', filter.status);
    if (filter.mode) add('c.mode = ?', filter.mode);
    if (filter.region) add('c.location_region = ?', filter.region);
    if (filter.province) add('c.location_province = ?', filter.province.toUpperCase());
    if (filter.skillId) add('exists (select 1 from course_skill f where f.course_id = c.id and f.skill_id = ?)', filter.skillId);
    if (filter.funding) add('?::varchar = any(c.funding)', filter.funding);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: CourseRow[] = await this.db.query(
      `${SELECT_COURSES} ${where.length ? `where ${where.join(' and ')}` : ''}
        order by c.created_at desc, c.id desc limit $${params.length}`,
      params,
    );
    const collections = await this.collectionsOf(this.db.manager, rows.slice(0, filter.limit).map((r) => r.id), lang);
    const now = new Date();
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.created_at })),
      filter.limit,
      (r) => toView(r, collections, now),
    );
  }

  /** `lock` holds the provider until commit so that it cannot vanish under the insert. */
  private async assertProvider(m: EntityManager, providerId: string, lock = false): Promise<void> {
    const rows: unknown[] = await m.query(`select 1 from provider where id = $1${lock ? ' for key share' : ''}`, [providerId]);
    if (rows.length === 0) throw ProviderErrors.notFound(providerId, 'providerId');
  }

  /** One query for every skill id of the request, taught and prerequisite alike. */
  private async validateSkills(taught: SkillTaughtInput[], prerequisites: string[]): Promise<void> {
    const missing = await this.taxonomy.missingSkillIds([...taught.map((s) => s.skillId), ...prerequisites]);
    if (missing.length === 0) return;
    const gone = new Set(missing);
    throw CourseErrors.unknownSkills([
      ...problemsForMissing(taught, 'skillId', missing, 'skillsTaught', (id) => `${id} is not an ESCO skill`),
      ...prerequisites.flatMap((id, i) => (gone.has(id) ? [{ field: `prerequisites[${i}]`, reason: `${id} is not an ESCO skill` }] : [])),
    ]);
  }

  private async writeSkills(m: EntityManager, courseId: string, skills: SkillTaughtInput[]): Promise<void> {
    await m.query(
      `insert into course_skill (course_id, skill_id, target_level)
       select $1, s, l from unnest($2::uuid[], $3::smallint[]) as t(s, l)`,
      [courseId, skills.map((s) => s.skillId), skills.map((s) => s.targetLevel)],
    );
  }

  private async writePrerequisites(m: EntityManager, courseId: string, skillIds: string[]): Promise<void> {
    if (skillIds.length === 0) return;
    await m.query(`insert into course_prerequisite (course_id, skill_id) select $1, s from unnest($2::uuid[]) as s`, [courseId, skillIds]);
  }

  /**
   * Sessions given with an id are kept and updated (never below the seats already taken), those
   * without are added, stored ones left out are removed, unless someone holds a seat in them.
   */
  private async mergeSessions(m: EntityManager, courseId: string, sessions: SessionInput[]): Promise<void> {
    const stored: { id: string; seats_taken: number }[] = await m.query(
      `select id, seats_taken from course_session where course_id = $1 for update`,
      [courseId],
    );
    const byId = new Map(stored.map((s) => [s.id, s]));
    const unknown: FieldProblem[] = [];
    const tooFew: FieldProblem[] = [];
    sessions.forEach((session, i) => {
      if (!session.id) return;
      const current = byId.get(session.id);
      if (!current) unknown.push({ field: `sessions[${i}].id`, reason: `${session.id} is not a session of this course` });
      else if (session.seats < current.seats_taken) tooFew.push({ field: `sessions[${i}].seats`, reason: `must be at least the ${current.seats_taken} seats already taken` });
    });
    if (unknown.length) throw CourseErrors.unknownSessions(unknown);
    if (tooFew.length) throw CourseErrors.seatsBelowTaken(tooFew);
    const kept = new Set(sessions.flatMap((s) => (s.id ? [s.id] : [])));
    const removed = stored.filter((s) => !kept.has(s.id));
    const held = removed.filter((s) => s.seats_taken > 0).map((s) => s.id);
    if (held.length) throw CourseErrors.sessionHasEnrolments(held);
    if (removed.length) await m.query(`delete from course_session where id = any($1::uuid[])`, [removed.map((s) => s.id)]);
    const updates = sessions.filter((s) => s.id);
    if (updates.length) {
      await m.query(
        `update course_session cs set starts_at = t.s, ends_at = t.e, seats = t.n
           from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::int[]) as t(id, s, e, n) where cs.id = t.id`,
        [updates.map((s) => s.id), updates.map((s) => new Date(s.startsAt)), updates.map((s) => new Date(s.endsAt)), updates.map((s) => s.seats)],
      );
    }
    await this.writeSessions(m, courseId, sessions.filter((s) => !s.id));
  }

  private async writeSessions(m: EntityManager, courseId: string, sessions: SessionInput[]): Promise<void> {
    if (sessions.length === 0) return;
    await m.query(
      `insert into course_session (course_id, starts_at, ends_at, seats)
       select $1, s, e, n from unnest($2::timestamptz[], $3::timestamptz[], $4::int[]) as t(s, e, n)`,
      [courseId, sessions.map((s) => new Date(s.startsAt)), sessions.map((s) => new Date(s.endsAt)), sessions.map((s) => s.seats)],
    );
  }

  /** Skills taught (highest target first), prerequisites and sessions (by start) of the given courses. */
  private async collectionsOf(m: EntityManager, courseIds: string[], lang: Lang): Promise<Collections> {
    const collections: Collections = { skills: new Map(), prerequisites: new Map(), sessions: new Map() };
    if (courseIds.length === 0) return collections;
    const [skills, prerequisites, sessions]: [
      (SkillTaughtView & { courseId: string })[],
      (PrerequisiteView & { courseId: string })[],
      (SessionView & { courseId: string })[],
    ] = await Promise.all([
      m.query(
        `select cs.course_id as "courseId", cs.skill_id as "skillId", s.uri, ${labelOf('s', lang)} as label, cs.target_level as "targetLevel"
           from course_skill cs join skill s on s.id = cs.skill_id
          where cs.course_id = any($1::uuid[]) order by cs.target_level desc, label`,
        [courseIds],
      ),
      m.query(
        `select cp.course_id as "courseId", cp.skill_id as "skillId", s.uri, ${labelOf('s', lang)} as label
           from course_prerequisite cp join skill s on s.id = cp.skill_id
          where cp.course_id = any($1::uuid[]) order by label`,
        [courseIds],
      ),
      m.query(
        `select course_id as "courseId", id, starts_at as "startsAt", ends_at as "endsAt", seats, seats - seats_taken as "seatsLeft"
           from course_session where course_id = any($1::uuid[]) order by starts_at, id`,
        [courseIds],
      ),
    ]);
    const group = <T extends { courseId: string }>(rows: T[], into: Map<string, Omit<T, 'courseId'>[]>) => {
      for (const { courseId, ...item } of rows) {
        const list = into.get(courseId) ?? [];
        list.push(item);
        into.set(courseId, list);
      }
    };
    group(skills, collections.skills);
    group(prerequisites, collections.prerequisites);
    group(sessions, collections.sessions);
    return collections;
  }
}
