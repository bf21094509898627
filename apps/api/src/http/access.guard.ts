import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessPolicy, AccessRule, AccountsService, AuditService } from '@ricarica/accounts';
import { MetricsAccessCheck } from '../metrics/metrics-access';
import { ACCESS_RULE } from './access.decorator';
import './current-actor';

export const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions?.url ?? req.url.split('?')[0]}`;

/**
 * The API's one gate (APP_GUARD): authenticates the bearer token, then asks AccessPolicy whether
 * the caller may use this route on this record. Refusals are audited by the exception filter;
 * admins reaching others' private records are audited here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly metrics: MetricsAccessCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    // AccessRulesCheck refuses to boot without a rule on every route; fail closed all the same.
    if (!rule) throw new Error(`no access rule on ${context.getClass().name}.${context.getHandler().name}`);
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    req.actor = null;
    if (rule.metrics) {
      await this.metrics.check(req);
      return true;
    }
    req.actor = await this.accounts.authenticate(req.headers.authorization);
    const decision = await this.policy.authorize(req.actor, rule, { params: (req.params ?? {}) as Record<string, unknown>, body: req.body });
    if (decision.adminAccess && req.actor) {
      await this.audit.record({ actor: req.actor, action: routeOf(req), target: decision.adminAccess, outcome: 'allowed' });
    }
    return true;
  }
}
