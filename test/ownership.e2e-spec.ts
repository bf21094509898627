import { courseBody, employerBody, vacancyBody, workerBody } from './support/fixtures';
import { Account, createTestApp, TestApp } from './support/test-app';

describe('ownership (e2e): each account owns one record, and lists show each caller what is theirs to see', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const me = async (account: Account) => (await t.request('GET', '/api/v1/me', undefined, account.headers)).body;

  it.each([
    ['worker', '/api/v1/workers', workerBody, 'workerId'],
    ['employer', '/api/v1/employers', employerBody, 'employerId'],
    ['provider', '/api/v1/providers', () => ({ name: 'Nuovo Ente' }), 'providerId'],
  ] as const)('links the %s record to the account that makes it, one per account', async (role, route, body, field) => {
    const account = await t.signUp(role);
    const created = await t.request('POST', route, body(), account.headers);
    expect(created.status).toBe(201);
    expect((await me(account))[field]).toBe(created.body.id);
    const second = await t.request('POST', route, body(), account.headers);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe(`ACCOUNT.ALREADY_HAS_${role.toUpperCase()}`);
  });

  it('lets an admin make records on behalf of nobody, and moderate (unpublish) anyone\'s vacancy, audited', async () => {
    const admin = await t.admin();
    const employer = await t.withRecord('employer');
    const vacancy = await t.request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!), employer.headers);
    const closed = await t.request('PATCH', `/api/v1/vacancies/${vacancy.body.id}`, { status: 'closed' }, admin.headers);
    expect(closed.body.status).toBe('closed');
    expect((await t.request('GET', `/api/v1/vacancies/${vacancy.body.id}`)).status).toBe(404);
    const [entry] = await t.db.query(
      `select actor_role, outcome, target_type from audit_log where actor_user_id = $1 and target_id = $2`,
      [admin.id, vacancy.body.id],
    );
    expect(entry).toEqual({ actor_role: 'admin', outcome: 'allowed', target_type: 'vacancy' });
    const [row] = await t.db.query(`select owner_user_id from employer where id = $1`, [
      (await t.request('POST', '/api/v1/employers', employerBody({ name: 'Per conto terzi' }), admin.headers)).body.id,
    ]);
    expect(row.owner_user_id).toBeNull();
  });

  it('lists open vacancies to anyone, drafts and closed ones also to their employer, and everything to admins', async () => {
    const [employer, other] = await Promise.all([t.withRecord('employer'), t.withRecord('employer')]);
    const make = (status: string) => t.request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!, { status }), employer.headers).then((r) => r.body.id as string);
    const [open, draft, closed] = [await make('open'), await make('draft'), await make('closed')];
    const expired = await make('open');
    await t.db.query(`update vacancy set expires_at = now() - interval '1 hour' where id = $1`, [expired]);
    const ids = async (headers: Record<string, string> = {}) =>
      (await t.request('GET', `/api/v1/vacancies?employerId=${employer.recordId}&limit=100`, undefined, headers)).body.items.map((v: { id: string }) => v.id).sort();
    expect(await ids()).toEqual([open]);
    expect(await ids(other.headers)).toEqual([open]);
    expect(await ids(employer.headers)).toEqual([open, draft, closed, expired].sort());
    expect(await ids((await t.admin()).headers)).toEqual([open, draft, closed, expired].sort());
    const drafts = await t.request('GET', `/api/v1/vacancies?employerId=${employer.recordId}&status=draft`);
    expect(drafts.body.items).toEqual([]);
  });

  it('lists published courses to anyone, the others also to their provider, and everything to admins', async () => {
    const provider = await t.withRecord('provider');
    const make = (status: string) => t.request('POST', '/api/v1/courses', courseBody(provider.recordId!, { status }), provider.headers).then((r) => r.body.id as string);
    const [published, draft, archived] = [await make('published'), await make('draft'), await make('archived')];
    const ids = async (headers: Record<string, string> = {}) =>
      (await t.request('GET', `/api/v1/courses?providerId=${provider.recordId}&limit=100`, undefined, headers)).body.items.map((c: { id: string }) => c.id).sort();
    expect(await ids()).toEqual([published]);
    expect(await ids((await t.signUp('worker')).headers)).toEqual([published]);
    expect(await ids(provider.headers)).toEqual([published, draft, archived].sort());
    expect(await ids((await t.admin()).headers)).toEqual([published, draft, archived].sort());
  });

  it('answers a malformed id with 400 before any ownership check', async () => {
    const worker = await t.withRecord('worker');
    const res = await t.request('GET', '/api/v1/workers/not-a-uuid', undefined, worker.headers);
    expect(res.status).toBe(400);
  });
});
