import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Reads process.env once; pass `overrides` in tests to stay apart from the demo. */
  static forRoot(overrides: Partial<Record<string, string>> = {}): DynamicModule {
    const config = loadConfig({ ...process.env, ...overrides });
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
