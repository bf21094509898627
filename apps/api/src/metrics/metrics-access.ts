import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessErrors, AccountsService } from '@ricarica/accounts';
import { APP_CONFIG, AppConfig } from '@ricarica/config';

/** `::ffff:10.0.0.1` is 10.0.0.1. */
export const plainIp = (ip: string) => (ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip);

/**
 * Who may scrape /metrics: an address in METRICS_ALLOW_CIDRS (the client address as Fastify sees it,
 * so X-Forwarded-For counts only from TRUST_PROXY), the METRICS_TOKEN bearer, or a signed-in admin.
 */
@Injectable()
export class MetricsAccessCheck {
  private readonly networks = new BlockList();
  private readonly token: Buffer | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly accounts: AccountsService,
  ) {
    for (const cidr of config.metrics.allowCidrs) {
      const [address, bits] = cidr.split('/');
      const type = isIPv4(address) ? 'ipv4' : 'ipv6';
      if (bits === undefined) this.networks.addAddress(address, type);
      else this.networks.addSubnet(address, Number(bits), type);
    }
    this.token = config.metrics.token ? Buffer.from(`Bearer ${config.metrics.token}`) : null;
  }

  async check(req: FastifyRequest): Promise<void> {
    const ip = plainIp(req.ip);
    if (this.networks.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6')) return;
    const header = req.headers.authorization ?? '';
    if (this.token && header.length === this.token.length && timingSafeEqual(Buffer.from(header), this.token)) return;
    const actor = await this.accounts.authenticate(header);
    req.actor = actor;
    if (!actor) throw AccessErrors.unauthenticated();
    if (actor.role !== 'admin') throw AccessErrors.wrongRole(actor.role);
  }
}
