export * from './worker-occupation.entity';
export * from './worker-skill.entity';
export * from './worker.entity';
export * from './worker.errors';
export * from './worker.types';
export * from './workers.module';
export * from './workers.service';
