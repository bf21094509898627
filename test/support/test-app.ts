import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AccountsService, SelfServiceRole } from '@ricarica/accounts';
import { QueueName } from '@ricarica/queue';
import { createApiApp } from '../../apps/api/src/api-app';
import { employerBody, GOOD_PASSWORD, providerBody, uniqueEmail, workerBody } from './fixtures';
import { testEnv } from './test-env';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** The client address the API sees (default 127.0.0.1). */
  remoteAddress?: string;
}

/** A signed-in account: its tokens, and headers that carry the access token. */
export interface Account {
  id: string;
  email: string;
  password: string;
  role: SelfServiceRole | 'admin';
  accessToken: string;
  refreshToken: string;
  headers: Record<string, string>;
  /** The record it made, when it made one (worker profile, employer or provider). */
  recordId?: string;
}

export interface Client {
  account: Account;
  request<T = any>(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
}

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  env: Record<string, string>;
  /** An anonymous request, unless the headers say otherwise. */
  request<T = any>(method: Method, url: string, body?: unknown, headers?: Record<string, string>, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Registers and signs in a worker, employer or provider account. */
  signUp(role: SelfServiceRole, patch?: { email?: string; password?: string; displayName?: string }): Promise<Account>;
  /** One admin per app, made as the CLI makes them, then signed in. */
  admin(): Promise<Account>;
  /** A worker account with its profile, an employer account with its employer, a provider account with its provider. */
  withRecord(role: SelfServiceRole, patch?: Record<string, unknown>): Promise<Account>;
  as(account: Account): Client;
  close(): Promise<void>;
}

const RECORD_ROUTE: Record<SelfServiceRole, { route: string; body: (patch: Record<string, unknown>) => unknown }> = {
  worker: { route: '/api/v1/workers', body: workerBody },
  employer: { route: '/api/v1/employers', body: employerBody },
  provider: { route: '/api/v1/providers', body: providerBody },
};

/** Boots the real API (Fastify, PostgreSQL, Redis, Meilisearch) in-process; requests go through HTTP injection. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = testEnv(overrides);
  const app = await createApiApp(env);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const fastify = app.getHttpAdapter().getInstance();
  let admin: Promise<Account> | undefined;

  const request: TestApp['request'] = async (method, url, body, headers = {}, options = {}) => {
    const res = await fastify.inject({ method, url, payload: body as never, headers, remoteAddress: options.remoteAddress });
    const text = res.body;
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, body: isJson && text ? JSON.parse(text) : text, headers: res.headers };
  };

  const signedIn = (body: any, password: string): Account => ({
    id: body.account.id,
    email: body.account.email,
    password,
    role: body.account.role,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    headers: { authorization: `Bearer ${body.accessToken}` },
  });

  const t: TestApp = {
    app,
    env,
    db: app.get(DataSource),
    request,
    async signUp(role, patch = {}) {
      const password = patch.password ?? GOOD_PASSWORD;
      const res = await request('POST', '/api/v1/auth/register', {
        email: patch.email ?? uniqueEmail(role),
        password,
        role,
        displayName: patch.displayName ?? `Test ${role}`,
      });
      if (res.status !== 201) throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
      return signedIn(res.body, password);
    },
    admin() {
      admin ??= (async () => {
        const email = uniqueEmail('admin');
        await app.get(AccountsService).createAdmin({ email, password: GOOD_PASSWORD, displayName: 'Regional staff' });
        const res = await request('POST', '/api/v1/auth/login', { email, password: GOOD_PASSWORD });
        if (res.status !== 200) throw new Error(`admin login answered ${res.status}: ${JSON.stringify(res.body)}`);
        return signedIn(res.body, GOOD_PASSWORD);
      })();
      return admin;
    },
    async withRecord(role, patch = {}) {
      const account = await t.signUp(role);
      const { route, body } = RECORD_ROUTE[role];
      const res = await request('POST', route, body(patch), account.headers);
      if (res.status !== 201) throw new Error(`POST ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return { ...account, recordId: res.body.id };
    },
    as(account) {
      return { account, request: (method, url, body, headers = {}) => request(method, url, body, { ...account.headers, ...headers }) };
    },
    async close() {
      for (const name of Object.values(QueueName)) {
        const queue = app.get<Queue>(getQueueToken(name), { strict: false });
        await queue.obliterate({ force: true }).catch(() => undefined);
      }
      await app.close();
    },
  };
  return t;
}
