import { AccountsService } from '@ricarica/accounts';
import { registeredRoutes } from '../apps/api/src/api-app';
import { ESCO } from './support/esco-ids';
import { courseBody, GOOD_PASSWORD, uniqueEmail, vacancyBody, workerBody } from './support/fixtures';
import { Account, createTestApp, Method, TestApp } from './support/test-app';

// Every route of the API × every kind of caller → the status it must answer. One table; a route the
// app serves without a row here fails the suite, and so does a row for a route it does not serve.
// The "owner" callers (worker, employer, provider) own the records the requests name; the "other"
// ones are the same kind of account owning other records. Refusals (401, 403, and 404 for records
// whose existence is private) must each leave an entry in the audit log.

const CALLERS = ['anonymous', 'worker', 'otherWorker', 'employer', 'otherEmployer', 'provider', 'otherProvider', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

/** One status per caller, in the order of CALLERS. */
const row = (...statuses: number[]): Expected => {
  if (statuses.length !== CALLERS.length) throw new Error(`a row needs ${CALLERS.length} statuses`);
  return Object.fromEntries(CALLERS.map((c, i) => [c, statuses[i]])) as Expected;
};
const everyone = (status: number) => row(...CALLERS.map(() => status));

/**
 * Let through by the access rules, whatever the route then answers (anything but 401, 403 or an
 * audited 404): for routes whose answer depends on state this spec does not build (search indexes
 * and match lists fill asynchronously: 503, or 404 for a match not computed yet).
 */
const LET_THROUGH = 0;
const refused = (status: number) => status === 401 || status === 403;

interface World {
  t: TestApp;
  callers: Record<Caller, Account | null>;
  workerId: string;
  employerId: string;
  providerId: string;
  openVacancyId: string;
  draftVacancyId: string;
  publishedCourseId: string;
  draftCourseId: string;
  applicationId: string;
  enrolmentId: string;
  /** Records made for one cell only, for requests that change or spend them. */
  fresh: {
    vacancy(): Promise<string>;
    course(): Promise<{ id: string; sessionId: string }>;
    application(): Promise<string>;
    enrolment(): Promise<string>;
    /** An account of the caller's kind with its own record, to be deleted or to delete its record. */
    account(caller: Caller): Promise<Account>;
  };
}

interface Request {
  path: string;
  body?: unknown;
  /** Another account of the same kind, when the request would destroy the caller's own. */
  as?: Account;
}

interface Case {
  /** Which record or situation, when a route has several. */
  name?: string;
  request: (w: World, caller: Caller) => Request | Promise<Request>;
  expected: Expected;
}

const one = (request: Case['request'], expected: Expected, name?: string): Case[] => [{ request, expected, name }];
const get = (path: (w: World) => string) => (w: World) => ({ path: path(w) });

const ownerOf: Partial<Record<Caller, 'worker' | 'employer' | 'provider'>> = { worker: 'worker', employer: 'employer', provider: 'provider' };

/** A cohort of the world's employer with one member, made once per world (directly: the routes are under test). */
const cohorts = new WeakMap<World, Promise<{ cohortId: string; memberId: string }>>();
function cohortOf(w: World): Promise<{ cohortId: string; memberId: string }> {
  let made = cohorts.get(w);
  if (!made) {
    made = (async () => {
      const [c] = await w.t.db.query(`insert into cohort (name, employer_id, reason, announced_on) values ('Matrice', $1, 'closure', '2026-10-15') returning id`, [w.employerId]);
      const [m] = await w.t.db.query(
        `insert into cohort_member (cohort_id, employee_ref, home_lat, home_lng, home_municipality_code, home_municipality, job_title, status)
         values ($1, 'M-1', 45.07, 7.68, '001272', 'Torino', 'addetto', 'to_confirm') returning id`,
        [c.id],
      );
      return { cohortId: c.id as string, memberId: m.id as string };
    })();
    cohorts.set(w, made);
  }
  return made;
}

//                                                                         anon  wrk oWrk  emp oEmp  prv oPrv  adm
const MATRIX: Record<string, Case[]> = {
  'POST /api/v1/auth/register': one(() => ({ path: '/api/v1/auth/register', body: { email: uniqueEmail(), password: GOOD_PASSWORD, role: 'worker', displayName: 'Nuovo' } }), everyone(201)),
  'POST /api/v1/auth/login': one((w) => ({ path: '/api/v1/auth/login', body: { email: w.callers.worker!.email, password: GOOD_PASSWORD } }), everyone(200)),
  'POST /api/v1/auth/refresh': one(async (w) => ({ path: '/api/v1/auth/refresh', body: { refreshToken: (await w.t.signUp('worker')).refreshToken } }), everyone(200)),
  'POST /api/v1/auth/logout': one(async (w) => ({ path: '/api/v1/auth/logout', body: { refreshToken: (await w.t.signUp('worker')).refreshToken } }), everyone(204)),
  'GET /api/v1/me': one(() => ({ path: '/api/v1/me' }), row(401, 200, 200, 200, 200, 200, 200, 200)),
  'GET /api/v1/me/export': one(() => ({ path: '/api/v1/me/export' }), row(401, 200, 200, 200, 200, 200, 200, 200)),
  'DELETE /api/v1/me': one(async (w, c) => ({ path: '/api/v1/me', as: c === 'anonymous' ? undefined : await w.fresh.account(c) }), row(401, 204, 204, 204, 204, 204, 204, 204)),
  'GET /api/v1/admin/audit-log': one(() => ({ path: '/api/v1/admin/audit-log' }), row(401, 403, 403, 403, 403, 403, 403, 200)),

  'POST /api/v1/workers': one(() => ({ path: '/api/v1/workers', body: workerBody() }), row(401, 409, 409, 403, 403, 403, 403, 201)),
  'GET /api/v1/workers': one(get(() => '/api/v1/workers'), row(401, 403, 403, 403, 403, 403, 403, 200)),
  'GET /api/v1/workers/:id': one(get((w) => `/api/v1/workers/${w.workerId}`), row(401, 200, 404, 403, 403, 403, 403, 200)),
  'PATCH /api/v1/workers/:id': one((w) => ({ path: `/api/v1/workers/${w.workerId}`, body: { mobilityRadiusKm: 35 } }), row(401, 200, 404, 403, 403, 403, 403, 200)),
  'PUT /api/v1/workers/:id/skills': one(
    (w) => ({ path: `/api/v1/workers/${w.workerId}/skills`, body: { skills: [{ skillId: ESCO.skill.tigWelding, level: 3 }] } }),
    row(401, 200, 404, 403, 403, 403, 403, 200),
  ),
  'DELETE /api/v1/workers/:id': one(async (w, c) => {
    const victim = await w.fresh.account('worker');
    return { path: `/api/v1/workers/${victim.recordId}`, as: c === 'worker' ? victim : undefined };
  }, row(401, 204, 404, 403, 403, 403, 403, 204)),
  'GET /api/v1/workers/:id/applications': one(get((w) => `/api/v1/workers/${w.workerId}/applications`), row(401, 200, 404, 403, 403, 403, 403, 200)),
  'GET /api/v1/workers/:id/enrolments': one(get((w) => `/api/v1/workers/${w.workerId}/enrolments`), row(401, 200, 404, 403, 403, 403, 403, 200)),

  'POST /api/v1/employers': one(() => ({ path: '/api/v1/employers', body: { name: 'Nuova S.r.l.', vatNumber: `DE${Math.floor(1e8 + Math.random() * 9e8)}` } }), row(401, 403, 403, 409, 409, 403, 403, 201)),
  'GET /api/v1/employers': one(get(() => '/api/v1/employers'), everyone(200)),
  'GET /api/v1/employers/:id': one(get((w) => `/api/v1/employers/${w.employerId}`), everyone(200)),
  'PATCH /api/v1/employers/:id': one((w) => ({ path: `/api/v1/employers/${w.employerId}`, body: { naceCode: '29.32' } }), row(401, 403, 403, 200, 403, 403, 403, 200)),
  'DELETE /api/v1/employers/:id': one(async (w, c) => {
    const victim = await w.fresh.account('employer');
    return { path: `/api/v1/employers/${victim.recordId}`, as: c === 'employer' ? victim : undefined };
  }, row(401, 403, 403, 204, 403, 403, 403, 204)),

  'POST /api/v1/vacancies': one((w) => ({ path: '/api/v1/vacancies', body: vacancyBody(w.employerId) }), row(401, 403, 403, 201, 403, 403, 403, 201)),
  'POST /api/v1/vacancies/candidate-preview': one(
    (w) => ({ path: '/api/v1/vacancies/candidate-preview', body: { employerId: w.employerId, requirements: vacancyBody(w.employerId).requirements, location: { municipality: 'Torino' } } }),
    row(401, 403, 403, 200, 403, 403, 403, 200),
  ),
  'GET /api/v1/vacancies': one(get(() => '/api/v1/vacancies'), everyone(200)),
  'GET /api/v1/vacancies/:id': [
    { name: 'open', request: get((w) => `/api/v1/vacancies/${w.openVacancyId}`), expected: everyone(200) },
    { name: 'draft', request: get((w) => `/api/v1/vacancies/${w.draftVacancyId}`), expected: row(404, 404, 404, 200, 404, 404, 404, 200) },
  ],
  'PATCH /api/v1/vacancies/:id': [
    { name: 'open', request: (w) => ({ path: `/api/v1/vacancies/${w.openVacancyId}`, body: { openings: 2 } }), expected: row(401, 403, 403, 200, 403, 403, 403, 200) },
    { name: 'draft', request: (w) => ({ path: `/api/v1/vacancies/${w.draftVacancyId}`, body: { openings: 2 } }), expected: row(401, 403, 403, 200, 404, 403, 403, 200) },
    {
      name: "moved to another employer's record",
      request: async (w) => ({ path: `/api/v1/vacancies/${await w.fresh.vacancy()}`, body: { employerId: w.callers.otherEmployer!.recordId } }),
      expected: row(401, 403, 403, 403, 403, 403, 403, 200),
    },
  ],
  'DELETE /api/v1/vacancies/:id': one(async (w) => ({ path: `/api/v1/vacancies/${await w.fresh.vacancy()}` }), row(401, 403, 403, 204, 403, 403, 403, 204)),
  'POST /api/v1/vacancies/:id/applications': [
    { name: 'open', request: async (w) => ({ path: `/api/v1/vacancies/${await w.fresh.vacancy()}/applications` }), expected: row(401, 201, 201, 403, 403, 403, 403, 403) },
    { name: 'draft', request: (w) => ({ path: `/api/v1/vacancies/${w.draftVacancyId}/applications` }), expected: row(401, 404, 404, 403, 403, 403, 403, 403) },
  ],
  'GET /api/v1/vacancies/:id/applications': one(get((w) => `/api/v1/vacancies/${w.openVacancyId}/applications`), row(401, 403, 403, 200, 403, 403, 403, 200)),
  'GET /api/v1/vacancies/:id/candidates': one(get((w) => `/api/v1/vacancies/${w.openVacancyId}/candidates`), row(401, 403, 403, 200, 403, 403, 403, 200)),
  'GET /api/v1/applications/:id': one(get((w) => `/api/v1/applications/${w.applicationId}`), row(401, 200, 404, 200, 404, 403, 403, 200)),
  'PATCH /api/v1/applications/:id': one(async (w, c) => ({
    path: `/api/v1/applications/${await w.fresh.application()}`,
    body: { status: c === 'worker' || c === 'otherWorker' ? 'withdrawn' : 'shortlisted' },
  }), row(401, 200, 404, 200, 404, 403, 403, 200)),

  'POST /api/v1/providers': one(() => ({ path: '/api/v1/providers', body: { name: 'Nuovo Ente' } }), row(401, 403, 403, 403, 403, 409, 409, 201)),
  'GET /api/v1/providers': one(get(() => '/api/v1/providers'), everyone(200)),
  'GET /api/v1/providers/:id': one(get((w) => `/api/v1/providers/${w.providerId}`), everyone(200)),
  'PATCH /api/v1/providers/:id': one((w) => ({ path: `/api/v1/providers/${w.providerId}`, body: { accreditation: 'Regione Piemonte n. 1' } }), row(401, 403, 403, 403, 403, 200, 403, 200)),
  'DELETE /api/v1/providers/:id': one(async (w, c) => {
    const victim = await w.fresh.account('provider');
    return { path: `/api/v1/providers/${victim.recordId}`, as: c === 'provider' ? victim : undefined };
  }, row(401, 403, 403, 403, 403, 204, 403, 204)),

  'POST /api/v1/courses': one((w) => ({ path: '/api/v1/courses', body: courseBody(w.providerId) }), row(401, 403, 403, 403, 403, 201, 403, 201)),
  'GET /api/v1/courses': one(get(() => '/api/v1/courses'), everyone(200)),
  'GET /api/v1/courses/:id': [
    { name: 'published', request: get((w) => `/api/v1/courses/${w.publishedCourseId}`), expected: everyone(200) },
    { name: 'draft', request: get((w) => `/api/v1/courses/${w.draftCourseId}`), expected: row(404, 404, 404, 404, 404, 200, 404, 200) },
  ],
  'PATCH /api/v1/courses/:id': [
    { name: 'published', request: (w) => ({ path: `/api/v1/courses/${w.publishedCourseId}`, body: { hours: 100 } }), expected: row(401, 403, 403, 403, 403, 200, 403, 200) },
    { name: 'draft', request: (w) => ({ path: `/api/v1/courses/${w.draftCourseId}`, body: { hours: 100 } }), expected: row(401, 403, 403, 403, 403, 200, 404, 200) },
  ],
  'DELETE /api/v1/courses/:id': one(async (w) => ({ path: `/api/v1/courses/${(await w.fresh.course()).id}` }), row(401, 403, 403, 403, 403, 204, 403, 204)),
  'POST /api/v1/courses/:id/enrolments': one(async (w) => {
    const course = await w.fresh.course();
    return { path: `/api/v1/courses/${course.id}/enrolments`, body: { sessionId: course.sessionId } };
  }, row(401, 201, 201, 403, 403, 403, 403, 403)),
  'GET /api/v1/courses/:id/enrolments': one(get((w) => `/api/v1/courses/${w.publishedCourseId}/enrolments`), row(401, 403, 403, 403, 403, 200, 403, 200)),
  'GET /api/v1/enrolments/:id': one(get((w) => `/api/v1/enrolments/${w.enrolmentId}`), row(401, 200, 404, 403, 403, 200, 404, 200)),
  'PATCH /api/v1/enrolments/:id': one(async (w, c) => ({
    path: `/api/v1/enrolments/${await w.fresh.enrolment()}`,
    body: { status: c === 'worker' || c === 'otherWorker' ? 'withdrawn' : 'accepted' },
  }), row(401, 200, 404, 403, 403, 200, 404, 200)),

  'GET /api/v1/workers/:id/matches': one(get((w) => `/api/v1/workers/${w.workerId}/matches`), row(401, 200, 404, 403, 403, 403, 403, 200)),
  'GET /api/v1/workers/:id/pathways': one(get((w) => `/api/v1/workers/${w.workerId}/pathways`), row(401, 200, 404, 403, 403, 403, 403, 200)),
  'GET /api/v1/workers/:id/matches/:vacancyId/pathway': [
    { name: 'open', request: get((w) => `/api/v1/workers/${w.workerId}/matches/${w.openVacancyId}/pathway`), expected: row(401, LET_THROUGH, 404, 403, 403, 403, 403, LET_THROUGH) },
    // A draft is nobody's business but its employer's: a worker's pathway to it does not exist.
    { name: 'draft', request: get((w) => `/api/v1/workers/${w.workerId}/matches/${w.draftVacancyId}/pathway`), expected: row(401, 404, 404, 403, 403, 403, 403, LET_THROUGH) },
  ],
  'GET /api/v1/search/courses': one(get(() => '/api/v1/search/courses?q=batterie'), everyone(LET_THROUGH)),
  'GET /api/v1/search/vacancies': one(get(() => '/api/v1/search/vacancies?q=saldatore'), everyone(LET_THROUGH)),
  'GET /api/v1/workers/:id/courses/recommended': one(get((w) => `/api/v1/workers/${w.workerId}/courses/recommended`), row(401, LET_THROUGH, 404, 403, 403, 403, 403, LET_THROUGH)),

  'GET /api/v1/skills': one(get(() => '/api/v1/skills?q=saldatura'), everyone(200)),
  'GET /api/v1/skills/:id': one(get(() => `/api/v1/skills/${ESCO.skill.tigWelding}`), everyone(200)),
  'GET /api/v1/occupations': one(get(() => '/api/v1/occupations?q=saldatore'), everyone(200)),
  'GET /api/v1/occupations/:id': one(get(() => `/api/v1/occupations/${ESCO.occupation.welder}`), everyone(200)),
  'GET /api/v1/places': one(get(() => '/api/v1/places?q=Torino'), everyone(200)),
  'GET /api/v1/occupations/suggest': one(get(() => '/api/v1/occupations/suggest?title=saldatore'), everyone(200)),
  // Cohorts (whole-plant intake): the cohort's employer and admins; another employer is told it does not exist.
  'POST /api/v1/cohorts': one((w) => ({ path: '/api/v1/cohorts', body: { name: 'Matrice', employerId: w.employerId, plant: { municipality: 'Torino' }, reason: 'closure', announcedOn: '2026-10-15' } }), row(401, 403, 403, 201, 403, 403, 403, 201)),
  'GET /api/v1/cohorts': one(get(() => '/api/v1/cohorts'), row(401, 403, 403, 200, 200, 403, 403, 200)),
  'GET /api/v1/cohorts/:id': one(async (w) => ({ path: `/api/v1/cohorts/${(await cohortOf(w)).cohortId}` }), row(401, 403, 403, 200, 404, 403, 403, 200)),
  'POST /api/v1/cohorts/:id/members': one(async (w) => ({ path: `/api/v1/cohorts/${(await cohortOf(w)).cohortId}/members`, body: { members: [] } }), row(401, 403, 403, 202, 404, 403, 403, 202)),
  'GET /api/v1/cohorts/:id/members': one(async (w) => ({ path: `/api/v1/cohorts/${(await cohortOf(w)).cohortId}/members` }), row(401, 403, 403, 200, 404, 403, 403, 200)),
  'PATCH /api/v1/cohorts/:id/members/:memberId': one(async (w) => {
    const { cohortId, memberId } = await cohortOf(w);
    return { path: `/api/v1/cohorts/${cohortId}/members/${memberId}`, body: { occupationId: ESCO.occupation.welder } };
  }, row(401, 403, 403, 204, 404, 403, 403, 204)),
  // Admins only; the member has no pre-profile yet, so the admin's request is let through and refused as a conflict.
  'POST /api/v1/cohorts/:id/members/:memberId/invitation': one(async (w) => {
    const { cohortId, memberId } = await cohortOf(w);
    return { path: `/api/v1/cohorts/${cohortId}/members/${memberId}/invitation`, body: { email: uniqueEmail('invite') } };
  }, row(401, 403, 403, 403, 403, 403, 403, 409)),
  // 404 until the worker has computed a report.
  'GET /api/v1/cohorts/:id/report': one(async (w) => ({ path: `/api/v1/cohorts/${(await cohortOf(w)).cohortId}/report` }), row(401, 403, 403, LET_THROUGH, 404, 403, 403, LET_THROUGH)),
  'POST /api/v1/cohorts/:id/report': one(async (w) => ({ path: `/api/v1/cohorts/${(await cohortOf(w)).cohortId}/report` }), row(401, 403, 403, 202, 404, 403, 403, 202)),
  'POST /api/v1/cohort-claims/preview': one(() => ({ path: '/api/v1/cohort-claims/preview', body: { token: 'not-a-real-invitation-token' } }), everyone(400)),
  // Workers only; these workers already have a profile, so the claim is refused as a conflict.
  'POST /api/v1/cohort-claims': one(() => ({ path: '/api/v1/cohort-claims', body: { token: 'not-a-real-invitation-token', visibleToEmployers: false } }), row(401, 409, 409, 403, 403, 403, 403, 403)),
  // Open to anyone (admins see unsuppressed figures); 404 until a snapshot has been computed.
  'GET /api/v1/insights/regions': one(get(() => '/api/v1/insights/regions'), everyone(LET_THROUGH)),
  'GET /api/v1/insights/regions/:code': one(get(() => '/api/v1/insights/regions/ITC1'), everyone(LET_THROUGH)),
  'GET /api/v1/insights/regions/:code/provinces': one(get(() => '/api/v1/insights/regions/ITC1/provinces'), everyone(LET_THROUGH)),
  'GET /api/v1/insights/months': one(get(() => '/api/v1/insights/months'), everyone(200)),
  'GET /api/v1/insights/provinces/:code': one(get(() => '/api/v1/insights/provinces/TO'), everyone(LET_THROUGH)),
  'GET /api/v1/insights/skills/:skillId': one(get(() => `/api/v1/insights/skills/${ESCO.skill.tigWelding}`), everyone(LET_THROUGH)),
  'GET /api/v1/insights/training-demand': one(get(() => '/api/v1/insights/training-demand?region=ITC1'), everyone(LET_THROUGH)),
  'GET /api/v1/health': one(get(() => '/api/v1/health'), everyone(200)),
  // The matrix app allows no network to scrape (METRICS_ALLOW_CIDRS below): only admins may.
  'GET /metrics': one(get(() => '/metrics'), row(401, 403, 403, 403, 403, 403, 403, 200)),
  // The web app (dist/web) at / and its client-side routes: public; 503 when it is not built.
  'GET /*': [
    ...one(get(() => '/'), everyone(LET_THROUGH), 'home'),
    ...one(get(() => '/lavoratore/opportunita'), everyone(LET_THROUGH), 'a client-side route'),
  ],
};

/**
 * Routes mounted by plugins under a prefix, each behind one hook: a few requests per prefix, each
 * checked for every caller, stand for all the routes below it.
 */
const MOUNTED: Record<string, { method: Method; path: string; expected: Expected }[]> = {
  '/admin/queues': [
    { method: 'GET', path: '/admin/queues', expected: row(401, 403, 403, 403, 403, 403, 403, 200) },
    { method: 'GET', path: '/admin/queues/api/queues', expected: row(401, 403, 403, 403, 403, 403, 403, 200) },
    { method: 'PUT', path: '/admin/queues/api/queues/maintenance/resume', expected: row(401, 403, 403, 403, 403, 403, 403, 200) },
  ],
  '/docs': [
    { method: 'GET', path: '/docs', expected: everyone(200) },
    { method: 'GET', path: '/docs-json', expected: everyone(200) },
  ],
};

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const mountOf = (url: string) => Object.keys(MOUNTED).find((prefix) => url === prefix || url.startsWith(prefix));

describe('access matrix (e2e): every route × every kind of caller', () => {
  let w: World;

  beforeAll(async () => {
    const t = await createTestApp({ METRICS_ALLOW_CIDRS: '10.99.0.0/16' });
    const admin = await t.admin();
    const [worker, otherWorker, employer, otherEmployer, provider, otherProvider] = await Promise.all([
      t.withRecord('worker', { visibleToEmployers: true }),
      t.withRecord('worker'),
      t.withRecord('employer'),
      t.withRecord('employer'),
      t.withRecord('provider'),
      t.withRecord('provider'),
    ]);
    const post = async (as: Account, path: string, body?: unknown) => {
      const res = await t.request('POST', path, body, as.headers);
      if (res.status !== 201) throw new Error(`set-up: POST ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const vacancy = async (patch = {}) => (await post(employer, '/api/v1/vacancies', vacancyBody(employer.recordId!, patch))).id as string;
    const course = async (patch = {}) => {
      const body = await post(provider, '/api/v1/courses', courseBody(provider.recordId!, patch));
      return { id: body.id as string, sessionId: body.sessions[0].id as string };
    };
    const apply = async (vacancyId: string) => (await post(worker, `/api/v1/vacancies/${vacancyId}/applications`)).id as string;
    const enrol = async (c: { id: string; sessionId: string }) => (await post(worker, `/api/v1/courses/${c.id}/enrolments`, { sessionId: c.sessionId })).id as string;
    const openVacancyId = await vacancy();
    const published = await course();
    w = {
      t,
      callers: { anonymous: null, worker, otherWorker, employer, otherEmployer, provider, otherProvider, admin },
      workerId: worker.recordId!,
      employerId: employer.recordId!,
      providerId: provider.recordId!,
      openVacancyId,
      draftVacancyId: await vacancy({ status: 'draft' }),
      publishedCourseId: published.id,
      draftCourseId: (await course({ status: 'draft' })).id,
      applicationId: await apply(openVacancyId),
      enrolmentId: await enrol(published),
      fresh: {
        vacancy: () => vacancy(),
        course: () => course(),
        application: async () => apply(await vacancy()),
        enrolment: async () => enrol(await course()),
        async account(caller) {
          if (caller === 'admin') {
            const email = uniqueEmail('admin');
            await t.app.get(AccountsService).createAdmin({ email, password: GOOD_PASSWORD, displayName: 'Staff' });
            const login = await t.request('POST', '/api/v1/auth/login', { email, password: GOOD_PASSWORD });
            return { ...admin, id: login.body.account.id, headers: { authorization: `Bearer ${login.body.accessToken}` } };
          }
          const kind = ownerOf[caller] ?? (caller.replace('other', '').toLowerCase() as 'worker' | 'employer' | 'provider');
          return t.withRecord(kind);
        },
      },
    };
  });

  afterAll(async () => {
    await w?.t.close();
  });

  /** Audit entries so far for this action and caller. */
  const auditCount = async (method: string, route: string, actorId: string | null) => {
    const [{ n }] = await w.t.db.query(
      `select count(*)::int as n from audit_log where action = $1 and actor_user_id is not distinct from $2 and status between 401 and 404`,
      [`${method} ${route}`, actorId],
    );
    return n as number;
  };

  /** Runs one request per caller; answers the statuses, and the refusals that left no audit entry. */
  async function run(method: Method, route: string, expected: Expected, build: (caller: Caller) => Request | Promise<Request>) {
    const statuses = {} as Expected;
    const unaudited: string[] = [];
    // Bull Board's hook audits the mount point, not each of its routes.
    const auditRoute = route.startsWith('/admin/queues') ? '/admin/queues' : route;
    for (const caller of CALLERS) {
      const req = await build(caller);
      const as = req.as ?? w.callers[caller];
      const before = await auditCount(method, auditRoute, as?.id ?? null);
      const res = await w.t.request(method, req.path, req.body, as?.headers ?? {});
      const audited = [401, 403, 404].includes(res.status) && (await auditCount(method, auditRoute, as?.id ?? null)) > before;
      statuses[caller] = expected[caller] === LET_THROUGH && !refused(res.status) && !audited ? LET_THROUGH : res.status;
      if ([401, 403, 404].includes(res.status) && !audited && expected[caller] !== LET_THROUGH) unaudited.push(`${caller} (${res.status})`);
    }
    return { statuses, unaudited };
  }

  const cases = Object.entries(MATRIX).flatMap(([key, list]) => list.map((c) => ({ key, ...c, title: c.name ? `${key} (${c.name})` : key })));

  it.each(cases)('$title', async ({ key, request, expected }) => {
    const [method, route] = key.split(' ') as [Method, string];
    const { statuses, unaudited } = await run(method, route, expected, (caller) => request(w, caller));
    expect(statuses).toEqual(expected);
    expect(unaudited).toEqual([]);
  });

  const mounted = Object.entries(MOUNTED).flatMap(([prefix, list]) => list.map((m) => ({ prefix, ...m, title: `${m.method} ${m.path} (under ${prefix})` })));

  it.each(mounted)('$title', async ({ method, path, expected }) => {
    const { statuses, unaudited } = await run(method, path, expected, () => ({ path }));
    expect(statuses).toEqual(expected);
    expect(unaudited).toEqual([]);
  });

  it('has a row for every route the app serves, and serves every route it has a row for', () => {
    const served = registeredRoutes(w.t.app);
    const missing = served.filter((r) => !mountOf(r.url) && !(routeKey(r) in MATRIX)).map(routeKey);
    expect(missing).toEqual([]);
    const known = new Set(served.map(routeKey));
    expect(Object.keys(MATRIX).filter((key) => !known.has(key))).toEqual([]);
    for (const prefix of Object.keys(MOUNTED)) expect(served.some((r) => r.url.startsWith(prefix))).toBe(true);
  });

  it('marks in the OpenAPI document who may call each operation', async () => {
    const doc = await w.t.request('GET', '/docs-json');
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter(({ op }) => !op['x-access']).map((o) => o.key)).toEqual([]);
    const patchVacancy = operations.find((o) => o.key === 'PATCH /api/v1/vacancies/{id}')!.op;
    expect(patchVacancy['x-access']).toMatchObject({ roles: ['employer', 'admin'], resources: [{ type: 'vacancy', intent: 'write', param: 'id' }] });
    expect(patchVacancy.security).toEqual([{ bearer: [] }]);
    expect(operations.find((o) => o.key === 'GET /api/v1/vacancies')!.op['x-access'].roles).toBe('anyone');
  });
});
