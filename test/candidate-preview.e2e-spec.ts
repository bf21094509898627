import { ESCO, UNKNOWN_ID } from './support/esco-ids';
import { workerBody } from './support/fixtures';
import { Account, Client, createTestApp, TestApp } from './support/test-app';

// The vacancy editor's preview: how many consenting workers in reach would fit these requirements.
// The workers live in Lampedusa (an island: no other spec's worker is within anyone's radius of it);
// Pantelleria is about 130 km away, beyond the default 30 km radius.
//
// Population (default radius 30 km):
//   tigCad  5 consenting  TIG welding L3 + CAD L3
//   mag     5 consenting  MAG welding L2 (related to TIG welding: same broader concept in ESCO)
//   hidden  3 not consenting, TIG welding L3 + CAD L3
// Scores (essential weight 2; credit 24ths):
//   [CAD ess 2]                         tigCad 1            mag 0 (none)      → 5 candidates, 5 strong
//   [CAD ess 2, TIG ess 2]              tigCad 1            mag 12·2/96 = .25 → 10, 5
//   [CAD, TIG, drawings, all ess 2]     tigCad 96/144 = .67 mag 24/144 = .17  → 10, fewer than 5 strong

const HOME = { municipality: 'Lampedusa e Linosa' };
const FAR = { municipality: 'Pantelleria' };
const cad = { skillId: ESCO.skill.useCadSoftware, importance: 'essential', minLevel: 2 };
const tig = { skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 2 };
const drawings = { skillId: ESCO.skill.readEngineeringDrawings, importance: 'essential', minLevel: 2 };
const ROUTE = '/api/v1/vacancies/candidate-preview';

describe('candidate preview (e2e)', () => {
  let t: TestApp;
  let admin: Client;
  let employer: Account;
  let otherEmployer: Account;
  const hiddenIds: string[] = [];

  const preview = (body: Record<string, unknown>, who: Account = employer) => t.as(who).request('POST', ROUTE, { employerId: who.recordId, ...body });
  const counts = async (body: Record<string, unknown>) => {
    const res = await preview(body);
    expect(res.status).toBe(200);
    return { candidates: res.body.candidates, strong: res.body.strong };
  };
  const stopShowing = () => t.db.query(`update worker set visible_to_employers = false where home_municipality = 'Lampedusa e Linosa'`);

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.as(await t.admin());
    // Left over by an interrupted run, they would change the counts.
    await stopShowing();
    const make = async (skills: { skillId: string; level: number }[], visibleToEmployers: boolean) => {
      const res = await admin.request('POST', '/api/v1/workers', workerBody({ home: HOME, skills, visibleToEmployers }));
      if (res.status !== 201) throw new Error(`worker: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const both = [{ skillId: ESCO.skill.tigWelding, level: 3 }, { skillId: ESCO.skill.useCadSoftware, level: 3 }];
    for (let i = 0; i < 5; i++) await make(both, true);
    for (let i = 0; i < 5; i++) await make([{ skillId: ESCO.skill.magWelding, level: 2 }], true);
    for (let i = 0; i < 3; i++) hiddenIds.push(await make(both, false));
    [employer, otherEmployer] = await Promise.all([t.withRecord('employer'), t.withRecord('employer')]);
  });

  afterAll(async () => {
    await stopShowing();
    await t.close();
  });

  it('counts the consenting workers in reach who score above 0, and the strong fits among them', async () => {
    const res = await preview({ requirements: [cad], location: HOME });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      candidates: 5,
      strong: 5,
      fewerThan: 5,
      strongScore: 0.7,
      remote: false,
      location: { municipality: 'Lampedusa e Linosa', province: 'AG', region: 'ITG1' },
    });
  });

  it('changes as requirements are added: related skills earn credit, a skill nobody has lowers the strong fits', async () => {
    expect(await counts({ requirements: [cad, tig], location: HOME })).toEqual({ candidates: 10, strong: 5 });
    expect(await counts({ requirements: [cad, tig, drawings], location: HOME })).toEqual({ candidates: 10, strong: null });
    // Optional instead of essential: tigCad (48+48+0)/120 = .8 again.
    expect(await counts({ requirements: [cad, tig, { ...drawings, importance: 'optional' }], location: HOME })).toEqual({ candidates: 10, strong: 5 });
  });

  it('answers "fewer than 5" when the place moves out of the workers\' reach, and counts everyone in reach when remote', async () => {
    expect(await counts({ requirements: [cad, tig], location: FAR })).toEqual({ candidates: null, strong: null });
    const remote = await preview({ requirements: [cad, tig], remote: true });
    expect(remote.status).toBe(200);
    expect(remote.body.location).toBeNull();
    expect(remote.body.candidates).toBeGreaterThanOrEqual(10);
    expect(remote.body.strong).toBeGreaterThanOrEqual(5);
  });

  it('leaves out workers who did not consent, until they do', async () => {
    expect(await counts({ requirements: [cad], location: HOME })).toEqual({ candidates: 5, strong: 5 });
    const res = await admin.request('PATCH', `/api/v1/workers/${hiddenIds[0]}`, { visibleToEmployers: true });
    expect(res.status).toBe(200);
    expect(await counts({ requirements: [cad], location: HOME })).toEqual({ candidates: 6, strong: 6 });
    await t.db.query(`update worker set visible_to_employers = false where id = $1`, [hiddenIds[0]]);
  });

  it('never lists workers: the answer holds counts only', async () => {
    const res = await preview({ requirements: [cad], location: HOME });
    const text = JSON.stringify(res.body);
    for (const id of hiddenIds) expect(text).not.toContain(id);
    expect(Object.keys(res.body).sort()).toEqual(['candidates', 'fewerThan', 'location', 'remote', 'strong', 'strongScore']);
  });

  it('lets an employer preview for its own employer only, and admins for any or none', async () => {
    const other = await t.as(employer).request('POST', ROUTE, { employerId: otherEmployer.recordId, requirements: [cad], location: HOME });
    expect(other.status).toBe(403);
    expect((await t.as(employer).request('POST', ROUTE, { requirements: [cad], location: HOME })).status).toBe(200);
    expect((await admin.request('POST', ROUTE, { requirements: [cad], location: HOME })).body.candidates).toBe(5);
    expect((await admin.request('POST', ROUTE, { employerId: otherEmployer.recordId, requirements: [cad], location: HOME })).status).toBe(200);
    expect((await t.request('POST', ROUTE, { requirements: [cad], location: HOME })).status).toBe(401);
    const worker = await t.withRecord('worker');
    expect((await t.as(worker).request('POST', ROUTE, { requirements: [cad], location: HOME })).status).toBe(403);
  });

  it.each([
    ['no requirement', { requirements: [] }, 'requirements', 'VACANCY.NO_REQUIREMENTS'],
    ['a minimum level above 4', { requirements: [{ ...cad, minLevel: 5 }] }, 'requirements[0].minLevel', 'REQUEST.INVALID'],
    ['an unknown importance', { requirements: [{ ...cad, importance: 'nice' }] }, 'requirements[0].importance', 'REQUEST.INVALID'],
    ['a malformed skill id', { requirements: [{ ...cad, skillId: 'cad' }] }, 'requirements[0].skillId', 'REQUEST.INVALID'],
    ['an unknown skill', { requirements: [cad, { ...tig, skillId: UNKNOWN_ID }] }, 'requirements[1].skillId', 'VACANCY.UNKNOWN_SKILL'],
    ['a skill listed twice', { requirements: [cad, { ...cad, importance: 'optional' }] }, 'requirements[1].skillId', 'VACANCY.DUPLICATE_SKILL'],
    ['no place and not remote', { location: null }, 'location', 'VACANCY.LOCATION_REQUIRED'],
    ['an unknown municipality', { location: { municipality: 'Atlantide' } }, 'location.municipality', 'LOCATION.UNKNOWN_MUNICIPALITY'],
    ['remote not a boolean', { remote: 'yes' }, 'remote', 'REQUEST.INVALID'],
    ['an unknown field', { title: 'Saldatore' }, 'title', 'REQUEST.INVALID'],
  ])('answers 400 naming the field for %s', async (_name, patch, field, code) => {
    const res = await preview({ requirements: [cad], location: HOME, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 naming employerId for an employer that does not exist (admins)', async () => {
    const res = await admin.request('POST', ROUTE, { employerId: UNKNOWN_ID, requirements: [cad], location: HOME });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('EMPLOYER.NOT_FOUND');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['employerId']);
  });
});
