import type { Role } from '../roles';

export const RESOURCES = ['worker', 'employer', 'vacancy', 'provider', 'course', 'application', 'enrolment', 'cohort'] as const;
export type Resource = (typeof RESOURCES)[number];

/** `read`: public records to anyone, the rest to owner and admin. `write`: owner and admin only. */
export type Intent = 'read' | 'write';

/** A record named by a path parameter, checked against the caller. */
export interface ResourceCheck {
  type: Resource;
  intent: Intent;
  /** The path parameter holding its id. */
  param: string;
}

/** A route's access rule, declared on the route (@Access, @Public) and enforced by AccessPolicy. */
export interface AccessRule {
  /** `anyone` includes anonymous callers; `signed-in` is any account. */
  roles: 'anyone' | 'signed-in' | readonly Role[];
  /** The records the path names, each checked (a worker's pathway to a vacancy: the worker and the vacancy). */
  resources?: readonly ResourceCheck[];
  /** A record named in the body that the caller must own (a vacancy's employerId); absent or malformed: validation answers. */
  bodyOwner?: { type: 'employer' | 'provider'; field: string };
  /** Prometheus scraping: configured networks, METRICS_TOKEN or an admin. */
  metrics?: true;
}
