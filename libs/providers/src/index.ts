export * from './provider.entity';
export * from './provider.errors';
export * from './provider.types';
export * from './providers.module';
export * from './providers.service';
