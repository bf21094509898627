import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessErrors, AccountsService, AuditService } from '@ricarica/accounts';
import { DomainError } from '@ricarica/common';
import { QueueRegistry } from '@ricarica/queue';
import type { ErrorBodyDto } from '../http/error-body';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only: every request (page, assets, API) must carry an
 * admin's access token (Authorization: Bearer …). Refusals answer in the API's error shape and are audited.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: app.get(QueueRegistry).all().map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
  const accounts = app.get(AccountsService);
  const audit = app.get(AuditService);

  const adminsOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      const actor = await accounts.authenticate(req.headers.authorization);
      req.actor = actor;
      if (!actor) throw AccessErrors.unauthenticated();
      if (actor.role !== 'admin') throw AccessErrors.wrongRole(actor.role);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const statusCode = e.kind === 'unauthenticated' ? 401 : 403;
      await audit.recordQuietly({
        actor: req.actor ? { userId: req.actor.userId, role: req.actor.role } : null,
        action: `${req.method} ${QUEUE_DASHBOARD_PATH}`,
        outcome: statusCode === 401 ? 'unauthenticated' : 'forbidden',
        status: statusCode,
      });
      const body: ErrorBodyDto = { statusCode, code: e.code, message: e.message, errors: [], correlationId: String(req.id) };
      if (statusCode === 401) void reply.header('WWW-Authenticate', 'Bearer');
      return reply.status(statusCode).send(body);
    }
  };

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', adminsOnly);
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
