import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from './session-store';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBodyDto'];

/** An API refusal or failure, with the API's one error shape when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }

  /** The reason the API gave for one field (`home.municipality`), or for any field under it. */
  field(name: string): string | undefined {
    const problems = this.body?.errors ?? [];
    return (problems.find((p) => p.field === name) ?? problems.find((p) => p.field.startsWith(`${name}.`) || p.field.startsWith(`${name}[`)))?.reason;
  }
}

let language = 'it';
export const setApiLanguage = (lang: string) => {
  language = lang;
};

const auth: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    if (!request.url.includes('/api/v1/auth/')) {
      const token = await session.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
};

/**
 * The typed client: paths, parameters and bodies come from the API's OpenAPI document. Answers are read
 * as JSON (openapi-fetch's default), so only the JSON media types type them: routes that also offer
 * `?format=csv` are downloaded through links, never through this client.
 */
export const api = createClient<paths, `${string}/json`>({
  baseUrl: '',
  // The API reads lists as comma-separated values (region=ITC1,ITC4).
  querySerializer: { array: { style: 'form', explode: false } },
});
api.use(auth);

/** Unwraps an openapi-fetch answer: the data, or an ApiError. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (error !== undefined || !response.ok) {
    if (response.status === 401) session.expired();
    throw new ApiError(response.status, (error as ErrorBody | undefined) ?? null);
  }
  return data as T;
}
