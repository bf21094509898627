import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventName, EventPayload } from './events';

/** Writes outbox rows inside the caller's transaction, so a change and its consequences commit together. */
@Injectable()
export class OutboxService {
  async add<E extends EventName>(manager: EntityManager, event: E, payload: EventPayload<E>): Promise<void> {
    await manager.query(`insert into outbox (topic, payload) values ($1, $2)`, [event, payload]);
  }

  async addMany<E extends EventName>(manager: EntityManager, event: E, payloads: EventPayload<E>[]): Promise<void> {
    if (payloads.length === 0) return;
    await manager.query(`insert into outbox (topic, payload) select $1, p from unnest($2::jsonb[]) as p`, [
      event,
      payloads.map((p) => JSON.stringify(p)),
    ]);
  }
}
