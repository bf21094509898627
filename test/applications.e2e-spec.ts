import { ESCO } from './support/esco-ids';
import { vacancyBody } from './support/fixtures';
import { INestApplicationContext } from '@nestjs/common';
import { Account, createTestApp, TestApp } from './support/test-app';
import { eventually, startWorkerApp } from './support/worker-app';

describe('applications and candidates (e2e)', () => {
  let t: TestApp;
  let employer: Account;
  let vacancyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    employer = await t.withRecord('employer');
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    const res = await t.request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!, {
      requirements: [
        { skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 2 },
        { skillId: ESCO.skill.readEngineeringDrawings, importance: 'optional', minLevel: 2 },
      ],
    }), employer.headers);
    vacancyId = res.body.id;
  });

  const worker = (patch: Record<string, unknown> = {}) =>
    t.withRecord('worker', { visibleToEmployers: true, skills: [{ skillId: ESCO.skill.tigWelding, level: 3 }], ...patch });

  const apply = (who: Account, id = vacancyId) => t.request('POST', `/api/v1/vacancies/${id}/applications`, undefined, who.headers);

  describe('applying', () => {
    it("records the application once and reveals the worker's profile to the vacancy's employer", async () => {
      const giulia = await worker({ name: 'Giulia Ferrero' });
      const res = await apply(giulia);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'received',
        vacancy: { id: vacancyId, title: 'Saldatore TIG', employer: { id: employer.recordId } },
        worker: { id: giulia.recordId, name: 'Giulia Ferrero', email: expect.stringContaining('@'), home: { municipality: 'Moncalieri' } },
      });
      expect(res.body.worker.skills).toEqual([expect.objectContaining({ skillId: ESCO.skill.tigWelding, level: 3 })]);

      const again = await apply(giulia);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('APPLICATION.ALREADY_APPLIED');

      const list = await t.request('GET', `/api/v1/vacancies/${vacancyId}/applications`, undefined, employer.headers);
      expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.id, worker: expect.objectContaining({ name: 'Giulia Ferrero' }) })]);
      const mine = await t.request('GET', `/api/v1/workers/${giulia.recordId}/applications`, undefined, giulia.headers);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    });

    it('refuses a closed or expired vacancy, and an account without a profile', async () => {
      const closed = await t.request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!, { status: 'closed' }), employer.headers);
      const giulia = await worker();
      expect((await apply(giulia, closed.body.id)).status).toBe(404);
      await t.db.query(`update vacancy set expires_at = now() - interval '1 day' where id = $1`, [vacancyId]);
      expect((await apply(giulia)).status).toBe(404);
      await t.db.query(`update vacancy set expires_at = now() + interval '1 day' where id = $1`, [vacancyId]);
      const noProfile = await t.signUp('worker');
      const res = await apply(noProfile);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('APPLICATION.NO_WORKER_PROFILE');
    });
  });

  describe('moving an application along', () => {
    const move = (who: Account, id: string, status: string) => t.request('PATCH', `/api/v1/applications/${id}`, { status }, who.headers);

    it('goes received → shortlisted → hired by the employer, and nobody sets it back to received', async () => {
      const { body } = await apply(await worker());
      expect((await move(employer, body.id, 'shortlisted')).body.status).toBe('shortlisted');
      expect((await move(employer, body.id, 'hired')).body.status).toBe('hired');
      const back = await move(employer, body.id, 'received');
      expect(back.status).toBe(403);
    });

    it('refuses a jump the rules do not allow with 409, and a move that is not the caller\'s to make with 403 (audited)', async () => {
      const marco = await worker();
      const { body } = await apply(marco);
      const jump = await move(employer, body.id, 'hired');
      expect(jump.status).toBe(409);
      expect(jump.body.code).toBe('APPLICATION.INVALID_TRANSITION');
      const self = await move(marco, body.id, 'hired');
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('APPLICATION.FORBIDDEN_TRANSITION');
      const [entry] = await t.db.query(`select outcome from audit_log where actor_user_id = $1 and action = 'PATCH /api/v1/applications/:id'`, [marco.id]);
      expect(entry.outcome).toBe('forbidden');
    });

    it('lets the worker withdraw while open, taking the profile back from the employer; not after rejection', async () => {
      const sara = await worker();
      const first = (await apply(sara)).body;
      expect((await move(sara, first.id, 'withdrawn')).body.status).toBe('withdrawn');
      const seenByEmployer = await t.request('GET', `/api/v1/applications/${first.id}`, undefined, employer.headers);
      expect(seenByEmployer.body).toMatchObject({ status: 'withdrawn', worker: null });
      const listed = await t.request('GET', `/api/v1/vacancies/${vacancyId}/applications`, undefined, employer.headers);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: first.id, worker: null })]);
      const seenBySelf = await t.request('GET', `/api/v1/applications/${first.id}`, undefined, sara.headers);
      expect(seenBySelf.body.worker.id).toBe(sara.recordId);
      const other = await t.request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!), employer.headers);
      const second = (await apply(sara, other.body.id)).body;
      await move(employer, second.id, 'rejected');
      expect((await move(sara, second.id, 'withdrawn')).status).toBe(409);
    });
  });

  describe('GET /vacancies/:id/candidates', () => {
    // Candidate lists span every worker in the database: each test asks for two unrelated skills that
    // nobody holds, nor any skill related to them (related skills earn half credit), and the worker app
    // keeps the stored lists.
    let essential: string;
    let optional: string;
    let listVacancyId: string;
    let matching: INestApplicationContext;

    beforeAll(async () => {
      matching = await startWorkerApp(t.env);
    });

    afterAll(async () => {
      await matching.close();
    });

    beforeEach(async () => {
      [{ id: essential, optional }] = await t.db.query(
        `with held as (select distinct s.uri from worker_skill ws join skill s on s.id = ws.skill_id),
              near as (
                select uri from held
                union select b.concept_uri from skill_broader b join held h on h.uri = b.broader_uri
                union select b.broader_uri from skill_broader b join held h on h.uri = b.concept_uri
                union select x.concept_uri from skill_broader x join skill_broader y on y.broader_uri = x.broader_uri join held h on h.uri = y.concept_uri),
              unused as (select id, uri from skill s where s.uri not in (select uri from near) order by random() limit 50)
         select a.id, b.id as optional from unused a join unused b on a.id <> b.id
          where not exists (select 1 from skill_broader x where x.concept_uri = a.uri and x.broader_uri = b.uri)
            and not exists (select 1 from skill_broader x where x.concept_uri = b.uri and x.broader_uri = a.uri)
            and not exists (select 1 from skill_broader x join skill_broader y on y.broader_uri = x.broader_uri
                             where x.concept_uri = a.uri and y.concept_uri = b.uri)
          limit 1`,
      );
      const res = await t.request('POST', '/api/v1/vacancies', vacancyBody(employer.recordId!, {
        requirements: [{ skillId: essential, importance: 'essential', minLevel: 2 }, { skillId: optional, importance: 'optional', minLevel: 2 }],
      }), employer.headers);
      listVacancyId = res.body.id;
    });

    const candidates = async () => (await t.request('GET', `/api/v1/vacancies/${listVacancyId}/candidates`, undefined, employer.headers)).body;
    /** The list once the worker app has caught up with every change so far. */
    const settled = (count: number) =>
      eventually(async () => {
        const body = await candidates();
        return !body.stale && body.items.length === count ? body.items : undefined;
      }, 60000, `${count} candidates listed`);

    it('lists consenting workers who fit, ranked, without name, email or id, unless they applied', async () => {
      const both = [{ skillId: essential, level: 3 }, { skillId: optional, level: 2 }];
      const anonymous = await worker({ name: 'Anna Anonima', skills: both });
      const applicant = await worker({ name: 'Paolo Candidato', skills: [{ skillId: essential, level: 2 }] });
      const hidden = await worker({ name: 'Nascosto Rossi', visibleToEmployers: false, skills: both });
      const weak = await worker({ name: 'Livello Basso', skills: [{ skillId: essential, level: 1 }] });
      await apply(applicant, listVacancyId);

      const items = await settled(3);
      const [first, second, third] = items;
      expect(first).toMatchObject({ revealed: false, applicant: null, score: 1, matchedSkills: 2, gap: [], municipality: 'Moncalieri', province: 'TO', region: 'ITC1', employmentStatus: 'displaced' });
      // Essential met (weight 2), optional missing (weight 1): 2/3.
      expect(second).toMatchObject({ revealed: true, score: 0.6667, applicant: { workerId: applicant.recordId, name: 'Paolo Candidato' } });
      expect(second.gap).toEqual([expect.objectContaining({ skillId: optional, importance: 'optional', workerLevel: null, credit: 0 })]);
      // Essential at level 1 of 2: half its weight, 1/3.
      expect(third).toMatchObject({ revealed: false, applicant: null, score: 0.3333 });
      const text = JSON.stringify([first, third]);
      for (const secret of ['Anna Anonima', anonymous.recordId!, 'Livello Basso', weak.recordId!, '@example', '"lat"', '"lng"']) expect(text).not.toContain(secret);
      const all = JSON.stringify(items);
      for (const secret of ['Nascosto', hidden.recordId!]) expect(all).not.toContain(secret);
    });

    it('drops a worker at once when they withdraw consent, and takes them back when they give it again', async () => {
      const giulia = await worker({ skills: [{ skillId: essential, level: 3 }] });
      const [{ ref }] = await settled(1);
      expect(ref).toEqual(expect.any(String));

      const off = await t.request('PATCH', `/api/v1/workers/${giulia.recordId}`, { visibleToEmployers: false }, giulia.headers);
      expect(off.body.visibleToEmployers).toBe(false);
      // Read at once, before any recomputation: the read itself filters.
      expect((await candidates()).items).toEqual([]);
      const [row] = await t.db.query(`select visible_to_employers from worker where id = $1`, [giulia.recordId]);
      expect(row.visible_to_employers).toBe(false);
      const [event] = await t.db.query(`select topic from outbox where payload->>'workerId' = $1 order by id desc limit 1`, [giulia.recordId]);
      expect(event.topic).toBe('worker.changed');

      await t.request('PATCH', `/api/v1/workers/${giulia.recordId}`, { visibleToEmployers: true }, giulia.headers);
      expect((await settled(1)).map((c: { ref: string }) => c.ref)).toEqual([ref]);
    });

    it('keeps a new profile out of candidate lists until the worker consents', async () => {
      const account = await t.signUp('worker');
      const res = await t.request('POST', '/api/v1/workers', {
        name: 'Default Consent', email: account.email, home: { municipality: 'Torino' }, employmentStatus: 'displaced',
        skills: [{ skillId: essential, level: 4 }],
      }, account.headers);
      expect(res.body.visibleToEmployers).toBe(false);
      expect(await settled(0)).toEqual([]);
      const [state] = await t.db.query(`select computed_version from match_state where subject_type = 'worker' and subject_id = $1`, [res.body.id]);
      expect(state?.computed_version).toBeGreaterThan(0);
    });
  });
});
