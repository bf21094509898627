import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@ricarica/accounts';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { EventName, OutboxService } from '@ricarica/queue';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { CohortErrors } from './cohort.errors';
import { MailSender } from './mail-sender';

/** How long a claim link works. */
export const INVITATION_TTL_DAYS = 14;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ClaimPreview {
  cohort: string;
  employer: string;
  occupation: { id: string; label: string } | null;
  skills: { skillId: string; label: string; level: number; source: string }[];
  expiresAt: Date;
}

export interface ClaimInput {
  token: string;
  /** Consent to appear, anonymised, in employers' candidate lists. */
  visibleToEmployers: boolean;
  /** The skills the worker confirms (replacing the inferred set); absent: the pre-profile's skills are kept. */
  skills?: { skillId: string; level: number }[];
}

/** Invitation mail (one-time claim links) and the claim that hands a pre-profile to its worker. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailSender,
    private readonly outbox: OutboxService,
    private readonly taxonomy: TaxonomyLookupService,
  ) {}

  /**
   * Sends one invitation with a fresh token, inside a transaction that stores the token's hash: if the mail
   * fails nothing is stored and the job retries; a repeat after success finds it sent and does nothing.
   */
  async send(invitationId: string): Promise<'sent' | 'skipped'> {
    return this.db.transaction(async (m) => {
      const [inv]: { email: string; sent_at: Date | null; claimed_at: Date | null; cohort: string; employer: string }[] = await m.query(
        `select i.email, i.sent_at, i.claimed_at, c.name as cohort, e.name as employer
           from cohort_invitation i join cohort_member cm on cm.id = i.member_id join cohort c on c.id = cm.cohort_id join employer e on e.id = c.employer_id
          where i.id = $1 for update of i`,
        [invitationId],
      );
      if (!inv || inv.sent_at || inv.claimed_at) return 'skipped';
      const token = randomBytes(32).toString('base64url');
      await m.query(
        `update cohort_invitation set token_hash = $2, sent_at = now(), expires_at = now() + make_interval(days => $3) where id = $1`,
        [invitationId, hashToken(token), INVITATION_TTL_DAYS],
      );
      const link = `${this.config.mail.appUrl}/claim?token=${token}`;
      await this.mail.send({
        to: inv.email,
        subject: 'Ricarica: il tuo profilo professionale ti aspetta / your skills profile is waiting',
        text: [
          `Nell'ambito del tavolo per ${inv.employer} (${inv.cohort}) abbiamo preparato una bozza del tuo profilo professionale su Ricarica.`,
          `Apri questo link per attivarlo, controllare le competenze e decidere se renderlo visibile alle aziende (entro ${INVITATION_TTL_DAYS} giorni):`,
          link,
          '',
          `As part of the ${inv.employer} (${inv.cohort}) transition plan we prepared a draft of your skills profile on Ricarica.`,
          `Open this link to claim it, check your skills and choose whether employers may see it (within ${INVITATION_TTL_DAYS} days):`,
          link,
        ].join('\n'),
      });
      this.logger.log({ invitationId }, 'cohort invitation sent');
      return 'sent';
    });
  }

  async preview(token: string): Promise<ClaimPreview> {
    const [row]: { worker_id: string; cohort: string; employer: string; occupation_id: string | null; occupation_label: string | null; expires_at: Date }[] = await this.db.query(
      `select cm.worker_id, c.name as cohort, e.name as employer, cm.occupation_id, coalesce(o.label_it, o.label_en) as occupation_label, i.expires_at
         from cohort_invitation i join cohort_member cm on cm.id = i.member_id join cohort c on c.id = cm.cohort_id join employer e on e.id = c.employer_id
         left join occupation o on o.id = cm.occupation_id
        where i.token_hash = $1 and i.claimed_at is null and i.expires_at > now() and cm.claimed_at is null and cm.worker_id is not null`,
      [hashToken(token)],
    );
    if (!row) throw CohortErrors.invitationInvalid();
    const skills = await this.db.query(
      `select ws.skill_id as "skillId", coalesce(s.label_it, s.label_en) as label, ws.level, ws.source
         from worker_skill ws join skill s on s.id = ws.skill_id where ws.worker_id = $1 order by label`,
      [row.worker_id],
    );
    return {
      cohort: row.cohort,
      employer: row.employer,
      occupation: row.occupation_id ? { id: row.occupation_id, label: row.occupation_label! } : null,
      skills,
      expiresAt: row.expires_at,
    };
  }

  /**
   * The signed-in worker takes the pre-profile as their own: it becomes their account's profile, with their
   * name and email, their consent choice and (when given) the skills they confirmed.
   */
  async claim(actor: Actor, input: ClaimInput): Promise<{ workerId: string }> {
    if (actor.workerId) throw CohortErrors.accountHasProfile(actor.workerId);
    if (input.skills?.length) {
      const missing = await this.taxonomy.missingSkillIds(input.skills.map((s) => s.skillId));
      if (missing.length) throw CohortErrors.invalid(missing.map((id) => ({ field: 'skills', reason: `${id} is not an ESCO skill` })));
    }
    const workerId = await this.db.transaction(async (m) => {
      const [row]: { invitation_id: string; member_id: string; worker_id: string }[] = await m.query(
        `select i.id as invitation_id, cm.id as member_id, cm.worker_id
           from cohort_invitation i join cohort_member cm on cm.id = i.member_id
          where i.token_hash = $1 and i.claimed_at is null and i.expires_at > now() and cm.claimed_at is null and cm.worker_id is not null
          for update of i, cm`,
        [hashToken(input.token)],
      );
      if (!row) throw CohortErrors.invitationInvalid();
      const [user]: { email: string; display_name: string }[] = await m.query(`select email, display_name from app_user where id = $1`, [actor.userId]);
      const emailFree: unknown[] = await m.query(`select 1 from worker where lower(email) = lower($1) and id <> $2`, [user.email, row.worker_id]);
      await m.query(
        `update worker set user_id = $2, name = $3, email = $4, visible_to_employers = $5, version = version + 1, updated_at = now() where id = $1`,
        [row.worker_id, actor.userId, user.display_name, emailFree.length ? null : user.email, input.visibleToEmployers],
      );
      if (input.skills?.length) {
        await m.query(`delete from worker_skill where worker_id = $1`, [row.worker_id]);
        await m.query(
          `insert into worker_skill (worker_id, skill_id, level, source) select $1, s, l, 'declared' from unnest($2::uuid[], $3::smallint[]) as t(s, l)
           on conflict (worker_id, skill_id) do update set level = excluded.level`,
          [row.worker_id, input.skills.map((s) => s.skillId), input.skills.map((s) => s.level)],
        );
      }
      await m.query(`update cohort_invitation set claimed_at = now() where id = $1`, [row.invitation_id]);
      await m.query(`update cohort_member set claimed_at = now(), updated_at = now() where id = $1`, [row.member_id]);
      await this.outbox.add(m, EventName.WorkerChanged, { workerId: row.worker_id });
      return row.worker_id;
    });
    this.logger.log({ workerId }, 'cohort pre-profile claimed');
    return { workerId };
  }
}
