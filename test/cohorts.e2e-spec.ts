import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { clearCohortFixtures } from './support/cleanup';
import { GOOD_PASSWORD, courseBody, uniqueEmail, vacancyBody } from './support/fixtures';
import { MailSink } from './support/mail-sink';
import { OpenApiDocument, responseProblems } from './support/openapi-conformance';
import { Account, createTestApp, TestApp, TestResponse } from './support/test-app';
import { eventually, startWorkerApp } from './support/worker-app';

const WELDER = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const UPHOLSTERER = 'c9874f14-5474-43f6-b4a2-77a94f9abfb3';
const CSV = { 'content-type': 'text/csv' };

/** Titles the suggester maps with confidence (bench/results/occupation-suggest.md), cycled over the members. */
const TITLES = ['saldatore', 'magazziniere', 'carrellista', 'montatore motori', 'operatore macchine CNC', 'verniciatore auto', 'elettricista industriale', 'gommista'];

function header(): string {
  return 'employee_ref,municipality,province,job_title,occupation_id,years,skills,email';
}

describe('whole-plant intake (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let sink: MailSink;
  let employer: Account;
  let admin: Account;
  const run = randomUUID().slice(0, 8);
  let doc: OpenApiDocument;
  /** The answer is exactly what the OpenAPI document (and so the web app's generated types) says it is. */
  const conforms = (method: string, path: string, res: TestResponse) => expect(responseProblems(doc, method, path, res.status, res.body)).toEqual([]);

  beforeAll(async () => {
    sink = new MailSink();
    const smtp = await sink.start();
    t = await createTestApp({ SMTP_URL: smtp, PUBLIC_APP_URL: 'https://ricarica.test' });
    // The report spans every vacancy and course in reach: earlier runs' ones on this database would
    // become destinations and training of this run's cohort. Cleared before the worker app loads them.
    await clearCohortFixtures(t.db);
    worker = await startWorkerApp({ ...t.env, SMTP_URL: smtp, PUBLIC_APP_URL: 'https://ricarica.test' });
    employer = await t.withRecord('employer');
    admin = await t.admin();
    doc = (await t.request('GET', '/docs-json')).body;
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  const createCohort = async (as: Account, patch: Record<string, unknown> = {}) => {
    const res = await t.as(as).request('POST', '/api/v1/cohorts', {
      name: `Rivalta ${run}`, employerId: employer.recordId, plant: { municipality: 'Rivalta di Torino', name: 'Stabilimento cablaggi' },
      reason: 'closure', announcedOn: '2026-10-15', ...patch,
    });
    expect(res.status).toBe(201);
    conforms('POST', '/api/v1/cohorts', res);
    return res.body.id as string;
  };

  const ready = (id: string) =>
    eventually(async () => {
      const res = await t.as(admin).request('GET', `/api/v1/cohorts/${id}`);
      return res.body.processing === 'ready' && res.body.counts.pending === 0 ? res.body : undefined;
    }, 120000, 'cohort processed');

  it('refuses an employer creating a cohort for another employer, and a bad reason naming the field', async () => {
    const other = await t.withRecord('employer');
    const res = await t.as(other).request('POST', '/api/v1/cohorts', {
      name: 'x', employerId: employer.recordId, plant: { municipality: 'Torino' }, reason: 'closure', announcedOn: '2026-10-15',
    });
    expect(res.status).toBe(403);
    const bad = await t.as(employer).request('POST', '/api/v1/cohorts', {
      name: 'x', employerId: employer.recordId, plant: { municipality: 'Torino' }, reason: 'holiday', announcedOn: '2026-10-15',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('reason');
  });

  it('keeps 188 of 200 rows, rejects exactly the 12 bad ones with their line numbers, and changes nothing on a second upload', async () => {
    const id = await createCohort(employer);
    const lines = [header()];
    const bad = new Map<number, string>();
    for (let i = 1; i <= 200; i++) {
      const line = i + 1;
      let row = `R${run}-${i},Orbassano,TO,${TITLES[i % TITLES.length]},,${i % 20},,`;
      if (i === 10) { row = `R${run}-${i},Atlantide,,saldatore,,3,,`; bad.set(line, 'municipality'); }
      if (i === 20) { row = `R${run}-${i},Torinoo,,saldatore,,3,,`; bad.set(line, 'municipality'); }
      if (i === 30) { row = `R${run}-${i},Torino,,,,3,,`; bad.set(line, 'jobTitle'); }
      if (i === 40) { row = `R${run}-${i},Torino,,  ,,3,,`; bad.set(line, 'jobTitle'); }
      if (i === 50) { row = `R${run}-${i},Torino,,saldatore,,3,,not-an-email`; bad.set(line, 'email'); }
      if (i === 60) { row = `R${run}-${i},Torino,,saldatore,,3,,a@b`; bad.set(line, 'email'); }
      if (i === 70) { row = `R${run}-1,Torino,,saldatore,,3,,`; bad.set(line, 'employeeRef'); }
      if (i === 80) { row = `R${run}-2,Torino,,saldatore,,3,,`; bad.set(line, 'employeeRef'); }
      if (i === 90) { row = `R${run}-${i},Torino,,saldatore,,tanti,,`; bad.set(line, 'years'); }
      if (i === 100) { row = `R${run}-${i},Torino,,,00000000-0000-4000-8000-000000000000,3,,`; bad.set(line, 'occupationId'); }
      if (i === 110) { row = `,Torino,,saldatore,,3,,`; bad.set(line, 'employeeRef'); }
      if (i === 120) { row = `R${run}-${i},Torino,,saldatore,,3,00000000-0000-4000-8000-000000000001,`; bad.set(line, 'skills'); }
      if (i === 7) row = `R${run}-${i},Torino,,saldatore,,3,,m${run}-7@example.it`;
      if (i === 8) row = `R${run}-${i},001272,,,${WELDER},5,,`;
      if (i === 9) row = `R${run}-${i},Torino,,addetto,,5,,`;
      lines.push(row);
    }
    const csv = `${lines.join('\n')}\n`;

    const first = await t.as(employer).request('POST', `/api/v1/cohorts/${id}/members`, csv, CSV);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ received: 200, accepted: 188, created: 188, unchanged: 0 });
    expect(first.body.rejected.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([...bad.entries()]);
    expect(first.body.rejected.find((r: { line: number }) => r.line === 71).reason).toBe('duplicate reference (first on line 2)');
    expect(first.body.rejected.find((r: { line: number }) => r.line === 11).reason).toContain('unknown municipality');
    conforms('POST', '/api/v1/cohorts/{id}/members', first);

    const second = await t.as(employer).request('POST', `/api/v1/cohorts/${id}/members`, csv, CSV);
    expect(second.body).toMatchObject({ received: 200, accepted: 188, created: 0, unchanged: 188 });
    expect(second.body.rejected).toEqual(first.body.rejected);

    const cohort = await ready(id);
    conforms('GET', '/api/v1/cohorts/{id}', { status: 200, body: cohort, headers: {} });
    expect(cohort.counts.members).toBe(188);
    expect(cohort.counts.mapped + cohort.counts.toConfirm).toBe(188);
    expect(cohort.counts.profiled).toBe(cohort.counts.mapped);
    const [{ n }] = await t.db.query(`select count(*)::int as n from cohort_member where cohort_id = $1`, [id]);
    expect(n).toBe(188);

    // "addetto" names no occupation: it waits for a person, who confirms it; the pre-profile follows.
    const toConfirm = await t.as(employer).request('GET', `/api/v1/cohorts/${id}/members?status=to_confirm`);
    const generic = toConfirm.body.items.find((m: { employeeRef: string }) => m.employeeRef === `R${run}-9`);
    expect(generic).toMatchObject({ status: 'to_confirm', occupation: null });
    conforms('GET', '/api/v1/cohorts/{id}/members', toConfirm);
    const page = await t.as(employer).request('GET', `/api/v1/cohorts/${id}/members?limit=5&lang=en`);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.nextCursor).toBe(page.body.items[4].employeeRef);
    expect(page.body.items.filter((m: { occupation: unknown }) => m.occupation !== null).length).toBeGreaterThan(0);
    conforms('GET', '/api/v1/cohorts/{id}/members', page);
    const patched = await t.as(employer).request('PATCH', `/api/v1/cohorts/${id}/members/${generic.id}`, { occupationId: WELDER });
    expect(patched.status).toBe(204);
    await eventually(async () => {
      const [m] = await t.db.query(`select status, worker_id from cohort_member where id = $1`, [generic.id]);
      return m.status === 'profiled' && m.worker_id ? m : undefined;
    }, 60000, 'confirmed member profiled');
    const badPatch = await t.as(employer).request('PATCH', `/api/v1/cohorts/${id}/members/${generic.id}`, { occupationId: 'nope' });
    expect(badPatch.status).toBe(400);
    expect(JSON.stringify(badPatch.body)).toContain('occupationId');

    // The member with an email is invited through the mail sink and claims the pre-profile.
    const email = `m${run}-7@example.it`;
    const mail = await eventually(async () => sink.to(email)[0], 60000, 'invitation mail');
    const token = /claim\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const [member] = await t.db.query(`select worker_id from cohort_member where cohort_id = $1 and employee_ref = $2`, [id, `R${run}-7`]);
    const beforeClaim = await t.as(employer).request('GET', `/api/v1/workers/${member.worker_id}`);
    expect([403, 404]).toContain(beforeClaim.status);

    const preview = await t.request('POST', '/api/v1/cohort-claims/preview', { token });
    expect(preview.status).toBe(200);
    expect(preview.body.occupation.id).toBe(WELDER);
    expect(preview.body.skills.length).toBeGreaterThan(0);
    conforms('POST', '/api/v1/cohort-claims/preview', preview);
    const person = await t.signUp('worker', { displayName: 'Marta Bianco', email: uniqueEmail('claimer') });
    const claim = await t.as(person).request('POST', '/api/v1/cohort-claims', { token, visibleToEmployers: true });
    expect(claim.status).toBe(200);
    expect(claim.body.workerId).toBe(member.worker_id);
    conforms('POST', '/api/v1/cohort-claims', claim);
    const me = await t.request('POST', '/api/v1/auth/login', { email: person.email, password: GOOD_PASSWORD });
    const profile = await t.request('GET', `/api/v1/workers/${member.worker_id}`, undefined, { authorization: `Bearer ${me.body.accessToken}` });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ name: 'Marta Bianco', visibleToEmployers: true, email: person.email });
    const again = await t.as(await t.signUp('worker')).request('POST', '/api/v1/cohort-claims', { token, visibleToEmployers: false });
    expect(again.status).toBe(400);
    const counted = await t.as(employer).request('GET', `/api/v1/cohorts/${id}`);
    expect(counted.body.counts).toMatchObject({ invited: 1, claimed: 1 });
    const list = await t.as(employer).request('GET', '/api/v1/cohorts');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
    conforms('GET', '/api/v1/cohorts', list);

    // An admin invites a profiled member who had no email.
    const [noEmail] = await t.db.query(`select id from cohort_member where cohort_id = $1 and email is null and worker_id is not null order by employee_ref limit 1`, [id]);
    const invited = await t.as(admin).request('POST', `/api/v1/cohorts/${id}/members/${noEmail.id}/invitation`, { email: `late${run}@example.it` });
    expect(invited.status).toBe(202);
    conforms('POST', '/api/v1/cohorts/{id}/members/{memberId}/invitation', invited);
  });

  it('reports destinations, training and the hardest to place as recomputed by hand, withholding cells under 5 from the employer', async () => {
    const [{ s1 }] = await t.db.query(`select skill_id as s1 from occupation_skill where occupation_id = $1 and relation_type = 'essential' order by skill_id limit 1`, [UPHOLSTERER]);
    const [{ s2 }] = await t.db.query(
      // No course from an earlier run on this database may teach it: the training figures count this run's course only.
      `select id as s2 from skill where id not in (select skill_id from occupation_skill where occupation_id = $1)
          and id not in (select skill_id from course_skill) and skill_type = 'knowledge' order by md5(id::text || $2) limit 1`,
      [UPHOLSTERER, run],
    );
    const vacancyEmployer = await t.withRecord('employer');
    const title = `Tappezziere con competenze ${run}`;
    const v = await t.as(vacancyEmployer).request('POST', '/api/v1/vacancies', vacancyBody(vacancyEmployer.recordId!, {
      title, location: { municipality: 'Torino' },
      requirements: [{ skillId: s1, importance: 'essential', minLevel: 2 }, { skillId: s2, importance: 'essential', minLevel: 2 }],
    }));
    expect(v.status).toBe(201);
    const provider = await t.withRecord('provider');
    const start = new Date(Date.now() + 30 * 86400_000);
    const course = await t.as(provider).request('POST', '/api/v1/courses', courseBody(provider.recordId!, {
      title: `Corso ${run}`, hours: 40, location: { municipality: 'Torino' }, skillsTaught: [{ skillId: s2, targetLevel: 3 }],
      sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 20 * 86400_000).toISOString(), seats: 2 }],
    }));
    expect(course.status).toBe(201);

    const id = await createCohort(admin);
    // Two hold the vacancy's second skill already (fit today), three need the course, two live out of reach.
    const rows = [header(),
      `A${run}-1,Torino,,,${UPHOLSTERER},4,${s2},`, `A${run}-2,Torino,,,${UPHOLSTERER},4,${s2},`,
      `A${run}-3,Torino,,,${UPHOLSTERER},4,,`, `A${run}-4,Torino,,,${UPHOLSTERER},4,,`, `A${run}-5,Torino,,,${UPHOLSTERER},4,,`,
      `A${run}-6,Palermo,,,${UPHOLSTERER},4,,`, `A${run}-7,Palermo,,,${UPHOLSTERER},4,,`];
    const up = await t.as(admin).request('POST', `/api/v1/cohorts/${id}/members`, `${rows.join('\n')}\n`, CSV);
    expect(up.body).toMatchObject({ accepted: 7, created: 7 });
    await ready(id);

    const full = await eventually(async () => {
      const res = await t.as(admin).request('GET', `/api/v1/cohorts/${id}/report`);
      return res.status === 200 && !res.body.stale ? res.body : undefined;
    }, 120000, 'cohort report');
    expect(full.members).toMatchObject({ total: 7, profiled: 7, fitToday: { value: 2 }, withPathway: { value: 3 }, hardest: { value: 2 } });
    const destination = full.destinations.find((d: { vacancies: { id: string }[] }) => d.vacancies.some((x) => x.id === v.body.id));
    expect(destination).toMatchObject({ fitToday: { value: 2, suppressed: false }, withPathway: { value: 3, suppressed: false } });
    expect(full.training).toEqual([expect.objectContaining({ courseId: course.body.id, hours: 40, membersNeeding: { value: 3, suppressed: false }, seats90d: 2, shortfall: { value: 1, suppressed: false } })]);
    expect(full.hardestToPlace).toEqual([expect.objectContaining({ municipality: 'Palermo', members: { value: 2, suppressed: false }, employeeRefs: [`A${run}-6`, `A${run}-7`] })]);
    conforms('GET', '/api/v1/cohorts/{id}/report', { status: 200, body: full, headers: {} });

    const publicView = await t.as(employer).request('GET', `/api/v1/cohorts/${id}/report`);
    expect(publicView.body.version).toBe('public');
    expect(publicView.body.members.fitToday).toEqual({ value: null, suppressed: true });
    expect(publicView.body.training[0].shortfall).toEqual({ value: null, suppressed: true });
    expect(publicView.body.hardestToPlace[0]).not.toHaveProperty('employeeRefs');
    expect(publicView.body.members.hardest.suppressed).toBe(true);
    conforms('GET', '/api/v1/cohorts/{id}/report', publicView);

    const csv = await t.as(admin).request('GET', `/api/v1/cohorts/${id}/report?format=csv&section=training`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.body).split('\r\n')[0]).toBe('course_id,course,provider,hours,members_needing,members_needing_suppressed,seats_next_90_days,shortfall,shortfall_suppressed');
    const html = await t.as(admin).request('GET', `/api/v1/cohorts/${id}/report?format=html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(String(html.body)).toContain(`Corso ${run}`);

    const refresh = await t.as(employer).request('POST', `/api/v1/cohorts/${id}/report`);
    expect(refresh.status).toBe(202);
    conforms('POST', '/api/v1/cohorts/{id}/report', refresh);
  });
});
