import 'reflect-metadata';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { createApiApp } from './api-app';

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port, '0.0.0.0');
}

bootstrap().catch((e) => {
  // Config errors name the variable; print them plainly and stop.
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
