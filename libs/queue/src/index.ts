export * from './events';
export * from './jobs';
export * from './outbox-relay.service';
export * from './outbox.entity';
export * from './outbox.service';
export * from './queue-registry';
export * from './queue.module';
export * from './redis-connection';
