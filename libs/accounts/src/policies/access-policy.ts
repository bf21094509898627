import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ListScope } from '@ricarica/common';
import { AccessErrors, AccessTarget } from '../account.errors';
import type { Actor } from '../roles';
import type { AccessRule, Intent, Resource } from './access-rule';

/** What the rules need to know about a record: who owns it and whether the public may see it. */
interface Facts {
  /** Compared with the caller's own worker, employer or provider record. */
  owners: { workerId?: string | null; employerId?: string | null; providerId?: string | null };
  /** Readable by anyone (an open vacancy, a published course, an employer). */
  public: boolean;
  /** Holds a person's data: an admin reading it is written to the audit log. */
  personal: boolean;
}

export interface AccessDecision {
  /** Set when an admin reached a record that is not theirs and not public: the API audits it. */
  adminAccess: AccessTarget | null;
}

export type TransitionSide = 'worker' | 'organisation' | 'admin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ENTITY: Record<Resource, string> = {
  worker: 'Worker', employer: 'Employer', vacancy: 'Vacancy', provider: 'Provider', course: 'Course', application: 'Application', enrolment: 'Enrolment', cohort: 'Cohort',
};

/** One query per kind of record. */
const FACTS: Record<Resource, { sql: string; facts: (r: Record<string, unknown>) => Facts }> = {
  worker: {
    sql: `select id from worker where id = $1`,
    facts: (r) => ({ owners: { workerId: r.id as string }, public: false, personal: true }),
  },
  employer: {
    sql: `select id from employer where id = $1`,
    facts: (r) => ({ owners: { employerId: r.id as string }, public: true, personal: false }),
  },
  provider: {
    sql: `select id from provider where id = $1`,
    facts: (r) => ({ owners: { providerId: r.id as string }, public: true, personal: false }),
  },
  vacancy: {
    sql: `select employer_id, status = 'open' and (expires_at is null or expires_at > now()) as public from vacancy where id = $1`,
    facts: (r) => ({ owners: { employerId: r.employer_id as string }, public: r.public as boolean, personal: false }),
  },
  course: {
    sql: `select provider_id, status = 'published' as public from course where id = $1`,
    facts: (r) => ({ owners: { providerId: r.provider_id as string }, public: r.public as boolean, personal: false }),
  },
  application: {
    sql: `select a.worker_id, v.employer_id from application a join vacancy v on v.id = a.vacancy_id where a.id = $1`,
    facts: (r) => ({ owners: { workerId: r.worker_id as string | null, employerId: r.employer_id as string }, public: false, personal: true }),
  },
  enrolment: {
    sql: `select e.worker_id, c.provider_id from enrolment e join course c on c.id = e.course_id where e.id = $1`,
    facts: (r) => ({ owners: { workerId: r.worker_id as string | null, providerId: r.provider_id as string }, public: false, personal: true }),
  },
  cohort: {
    sql: `select employer_id from cohort where id = $1`,
    facts: (r) => ({ owners: { employerId: r.employer_id as string }, public: false, personal: true }),
  },
};

const owns = (actor: Actor, facts: Facts): boolean =>
  (!!actor.workerId && facts.owners.workerId === actor.workerId) ||
  (!!actor.employerId && facts.owners.employerId === actor.employerId) ||
  (!!actor.providerId && facts.owners.providerId === actor.providerId);

/**
 * Every access rule of the API, decided here and only here: the API's global guard calls authorize()
 * for every route with the rule the route declares; list routes ask for their scope.
 *
 * - A role outside the route's list: 403 (401 when not signed in).
 * - A record: owners and admins pass; others read it only when public; otherwise 403 when the public
 *   can see it exists, 404 when even its existence is private (drafts, profiles, applications).
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async authorize(actor: Actor | null, rule: AccessRule, request: { params: Record<string, unknown>; body: unknown }): Promise<AccessDecision> {
    this.checkRole(actor, rule);
    let adminAccess: AccessTarget | null = null;
    for (const resource of rule.resources ?? []) {
      const id = request.params[resource.param];
      if (actor === null) await this.checkPublicRead(resource.type, resource.intent, id);
      else adminAccess = (await this.checkRecord(actor, resource.type, resource.intent, id)) ?? adminAccess;
    }
    if (rule.bodyOwner && actor !== null) this.checkBodyOwner(actor, rule.bodyOwner, request.body);
    return { adminAccess };
  }

  /** Anyone sees open vacancies; an employer also its own, an admin all. */
  vacancyScope(actor: Actor | null): ListScope {
    return actor?.role === 'admin' ? { all: true } : { all: false, ownerId: actor?.employerId ?? null };
  }

  /** Anyone sees published courses; a provider also its own, an admin all. */
  courseScope(actor: Actor | null): ListScope {
    return actor?.role === 'admin' ? { all: true } : { all: false, ownerId: actor?.providerId ?? null };
  }

  /**
   * The account a new worker, employer or provider record belongs to: the caller's own (one each),
   * or none when an admin makes it.
   */
  ownerOfNew(actor: Actor, type: 'worker' | 'employer' | 'provider'): string | null {
    if (actor.role === 'admin') return null;
    const existing = { worker: actor.workerId, employer: actor.employerId, provider: actor.providerId }[type];
    if (actor.role !== type) throw AccessErrors.wrongRole(actor.role);
    if (existing) {
      throw new DomainError(`ACCOUNT.ALREADY_HAS_${type.toUpperCase()}`, 'conflict', `this account already has its ${type} record (${existing})`);
    }
    return actor.userId;
  }

  /** Which side of an application or enrolment the caller is on (the route's rule already checked they are on one). */
  sideOf(actor: Actor): TransitionSide {
    if (actor.role === 'admin') return 'admin';
    return actor.role === 'worker' ? 'worker' : 'organisation';
  }

  private checkRole(actor: Actor | null, rule: AccessRule): void {
    if (rule.roles === 'anyone') return;
    if (actor === null) throw AccessErrors.unauthenticated();
    if (rule.roles !== 'signed-in' && !rule.roles.includes(actor.role)) throw AccessErrors.wrongRole(actor.role);
  }

  private async checkRecord(actor: Actor, type: Resource, intent: Intent, id: unknown): Promise<AccessTarget | null> {
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    const facts = await this.factsOf(type, id);
    const target = { type, id };
    if (actor.role === 'admin') return owns(actor, facts) || (facts.public && intent === 'read' && !facts.personal) ? null : target;
    if (owns(actor, facts)) return null;
    if (facts.public && intent === 'read') return null;
    throw facts.public ? AccessErrors.notOwner(target) : AccessErrors.hidden(target);
  }

  private async checkPublicRead(type: Resource, intent: Intent, id: unknown): Promise<void> {
    if (typeof id !== 'string' || !UUID.test(id)) return;
    const facts = await this.factsOf(type, id);
    if (intent === 'read' && facts.public) return;
    throw AccessErrors.hidden({ type, id });
  }

  private checkBodyOwner(actor: Actor, rule: NonNullable<AccessRule['bodyOwner']>, body: unknown): void {
    if (actor.role === 'admin') return;
    const id = body && typeof body === 'object' ? (body as Record<string, unknown>)[rule.field] : undefined;
    if (typeof id !== 'string') return;
    const own = rule.type === 'employer' ? actor.employerId : actor.providerId;
    if (id !== own) throw AccessErrors.notOwnerOf(rule.field, { type: rule.type, id });
  }

  /** A missing record answers 404 exactly as the route would. */
  private async factsOf(type: Resource, id: string): Promise<Facts> {
    const [row]: Record<string, unknown>[] = await this.db.query(FACTS[type].sql, [id]);
    if (!row) throw DomainError.notFound(ENTITY[type], id);
    return FACTS[type].facts(row);
  }
}
