import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { AccessRule, Resource, ResourceCheck, Role } from '@ricarica/accounts';
import { ApiErrors } from './api-errors.decorator';

export const ACCESS_RULE = 'ricarica:access-rule';

export interface AccessOptions {
  /** The record in the `:id` path parameter (or `param`): public ones to anyone, the rest to owners and admins. */
  reads?: Resource;
  /** The record in the path parameter: its owner and admins only (to change it, or to see its private parts). */
  manages?: Resource;
  /** The path parameter of `reads` or `manages`; `id` unless said. */
  param?: string;
  /** More records the path names, read like `reads`: `{ vacancyId: 'vacancy' }`. */
  alsoReads?: Record<string, Resource>;
  /** A record named in the body that the caller must own, e.g. `{ employer: 'employerId' }`. */
  owns?: { employer: string } | { provider: string };
}

/** What the OpenAPI document says about the rule (`x-access`, shown in Swagger UI). */
function describe(rule: AccessRule): string {
  const who = rule.roles === 'anyone' ? 'anyone, signed in or not' : rule.roles === 'signed-in' ? 'any signed-in account' : rule.roles.join(', ');
  const record = (rule.resources ?? [])
    .map((r) => (r.intent === 'read' ? `; a ${r.type} that is not public only to its owner and admins` : `; only the ${r.type}'s owner and admins`))
    .join('');
  const body = rule.bodyOwner ? `; ${rule.bodyOwner.field} must be the caller's own ${rule.bodyOwner.type} (admins: any)` : '';
  return `${who}${record}${body}`;
}

function apply(rule: AccessRule): MethodDecorator & ClassDecorator {
  const decorators: (ClassDecorator | MethodDecorator)[] = [
    SetMetadata(ACCESS_RULE, rule),
    ApiExtension('x-access', { roles: rule.roles, resources: rule.resources ?? [], rule: describe(rule) }),
  ];
  if (rule.roles !== 'anyone') decorators.push(ApiBearerAuth(), ApiErrors(401, 403));
  return applyDecorators(...decorators);
}

function toRule(roles: AccessRule['roles'], options: AccessOptions): AccessRule {
  const resource = options.reads ?? options.manages;
  const owns = options.owns;
  const resources: ResourceCheck[] = resource ? [{ type: resource, intent: options.reads ? 'read' : 'write', param: options.param ?? 'id' }] : [];
  for (const [param, type] of Object.entries(options.alsoReads ?? {})) resources.push({ type, intent: 'read', param });
  return {
    roles,
    resources,
    bodyOwner: owns ? ('employer' in owns ? { type: 'employer', field: owns.employer } : { type: 'provider', field: owns.provider }) : undefined,
  };
}

/**
 * Who may call a route: these roles (or any signed-in account), and, with `reads`/`manages`/`owns`,
 * only on the records they may see or change. Every route has exactly one @Access or @Public;
 * the API refuses to start otherwise. The rules are decided by AccessPolicy (libs/accounts).
 */
export function Access(roles: readonly Role[] | 'signed-in', options: AccessOptions = {}): MethodDecorator & ClassDecorator {
  return apply(toRule(roles, options));
}

/** Open to anyone, signed in or not. With `reads`, a record that is not public answers 404 except to its owner and admins. */
export function Public(options: Pick<AccessOptions, 'reads' | 'param' | 'alsoReads'> = {}): MethodDecorator & ClassDecorator {
  return apply(toRule('anyone', options));
}

/** Prometheus scraping: from METRICS_ALLOW_CIDRS, with METRICS_TOKEN, or as an admin. */
export function MetricsAccess(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_RULE, { roles: ['admin'], metrics: true } satisfies AccessRule);
}
