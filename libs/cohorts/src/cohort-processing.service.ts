import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventName, OutboxService } from '@ricarica/queue';
import { isConfidentMatch, OccupationSuggester } from '@ricarica/taxonomy';
import type { CohortReason } from './cohort.types';
import { createPreProfiles, PreProfileInput } from './pre-profiles';

/** Titles sent to the suggester per multi-search. */
const TITLE_BATCH = 100;
/** Members made into pre-profiles per transaction. */
const PROFILE_BATCH = 500;

export interface ProcessReport {
  cohortId: string;
  mapped: number;
  toConfirm: number;
  profiled: number;
  invitations: number;
  skipped?: 'missing' | 'current';
}

/**
 * A cohort's pending work, run by the worker: titles mapped to occupations (or set aside for a person to
 * confirm), pre-profiles made for mapped members, invitations queued for those with an email. Re-reading
 * PostgreSQL each time makes a repeated or late job harmless.
 */
@Injectable()
export class CohortProcessingService {
  private readonly logger = new Logger(CohortProcessingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly suggester: OccupationSuggester,
    private readonly outbox: OutboxService,
  ) {}

  async process(cohortId: string, progress: (p: { phase: string; done: number; total: number }) => Promise<void> = async () => undefined): Promise<ProcessReport> {
    const [cohort]: { name: string; reason: CohortReason; title_lang: 'it' | 'en'; version: number; processed_version: number }[] = await this.db.query(
      `select name, reason, title_lang, version, processed_version from cohort where id = $1`,
      [cohortId],
    );
    const report: ProcessReport = { cohortId, mapped: 0, toConfirm: 0, profiled: 0, invitations: 0 };
    if (!cohort) return { ...report, skipped: 'missing' };

    // 1. Titles of pending members → occupations, each distinct title once.
    const pending: { job_title: string }[] = await this.db.query(
      `select distinct job_title from cohort_member where cohort_id = $1 and status = 'pending' and job_title is not null`,
      [cohortId],
    );
    const titles = pending.map((p) => p.job_title);
    for (let i = 0; i < titles.length; i += TITLE_BATCH) {
      const batch = titles.slice(i, i + TITLE_BATCH);
      const results = await this.suggester.suggestMany(batch, cohort.title_lang, { limit: 3 });
      const confident = results.map((r) => r.items.length > 0 && isConfidentMatch(r.items[0].confidence, r.items[1]?.confidence ?? 0));
      const [mapped, toConfirm] = await this.db.transaction(async (m) => {
        const rows: { status: string }[] = await m.query(
          `update cohort_member cm
              set occupation_id = case when t.confident then t.occ else null end,
                  occupation_source = case when t.confident then 'suggested' else null end,
                  occupation_confidence = t.conf,
                  suggestions = t.sugg,
                  status = case when t.confident then 'mapped' else 'to_confirm' end,
                  updated_at = now()
             from unnest($2::text[], $3::uuid[], $4::numeric[], $5::jsonb[], $6::boolean[]) as t(title, occ, conf, sugg, confident)
            where cm.cohort_id = $1 and cm.status = 'pending' and cm.job_title = t.title
           returning cm.status`,
          [cohortId, batch, results.map((r) => r.items[0]?.occupationId ?? null), results.map((r) => r.items[0]?.confidence ?? null),
            results.map((r) => JSON.stringify(r.items.map((s) => ({ occupationId: s.occupationId, label: s.label, confidence: s.confidence })))), confident],
        );
        return [rows.filter((r) => r.status === 'mapped').length, rows.filter((r) => r.status === 'to_confirm').length];
      });
      report.mapped += mapped;
      report.toConfirm += toConfirm;
      await progress({ phase: 'mapping', done: Math.min(i + TITLE_BATCH, titles.length), total: titles.length });
    }

    // 2. Mapped members → pre-profiles (and invitations), a batch per transaction.
    const [{ total }] = await this.db.query(`select count(*)::int as total from cohort_member where cohort_id = $1 and status = 'mapped'`, [cohortId]);
    for (let done = 0; ; ) {
      const made = await this.db.transaction(async (m) => {
        const rows: { id: string; employee_ref: string; occupation_id: string; years: string; extra_skill_ids: string[]; email: string | null; home_lat: number; home_lng: number; home_municipality_code: string; home_municipality: string; home_province: string | null; home_region: string | null }[] =
          await m.query(
            `select id, employee_ref, occupation_id, years, extra_skill_ids, email, home_lat, home_lng, home_municipality_code, home_municipality, home_province, home_region
               from cohort_member where cohort_id = $1 and status = 'mapped' and worker_id is null
              order by employee_ref limit $2 for update skip locked`,
            [cohortId, PROFILE_BATCH],
          );
        if (rows.length === 0) return 0;
        const inputs: PreProfileInput[] = rows.map((r) => ({
          memberId: r.id,
          employeeRef: r.employee_ref,
          occupationId: r.occupation_id,
          years: Number(r.years),
          extraSkillIds: r.extra_skill_ids,
          home: { lat: r.home_lat, lng: r.home_lng, code: r.home_municipality_code, name: r.home_municipality, province: r.home_province, region: r.home_region },
        }));
        const workerIds = await createPreProfiles(m, cohort.name, cohort.reason, inputs);
        await m.query(
          `update cohort_member cm set worker_id = t.w, status = 'profiled', updated_at = now() from unnest($1::uuid[], $2::uuid[]) as t(id, w) where cm.id = t.id`,
          [rows.map((r) => r.id), workerIds],
        );
        await this.outbox.addMany(m, EventName.WorkerChanged, workerIds.map((workerId) => ({ workerId })));
        const invited: { id: string }[] = await m.query(
          `insert into cohort_invitation (member_id, email)
           select id, email from cohort_member where id = any($1::uuid[]) and email is not null returning id`,
          [rows.map((r) => r.id)],
        );
        await this.outbox.addMany(m, EventName.CohortInvitationCreated, invited.map((i) => ({ invitationId: i.id })));
        report.invitations += invited.length;
        return rows.length;
      });
      if (made === 0) break;
      done += made;
      report.profiled += made;
      await progress({ phase: 'profiles', done, total });
    }

    await this.db.transaction(async (m) => {
      await m.query(`update cohort set processed_version = greatest(processed_version, $2) where id = $1`, [cohortId, cohort.version]);
      await this.outbox.add(m, EventName.CohortProcessed, { cohortId });
    });
    this.logger.log({ ...report }, 'cohort processed');
    return report;
  }
}
