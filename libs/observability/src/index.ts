export * from './logger.module';
export * from './metrics';
