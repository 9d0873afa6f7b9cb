import createClient, { type Client, type Middleware } from 'openapi-fetch';

import type { components, paths } from './schema';

export type { components, paths } from './schema';

/** Schemas of the API, by name: `Schema<'UserProfileDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type HocvuClient = Client<paths>;

export interface HocvuClientOptions {
  /** Origin of the API; empty for same-origin (the portal is served behind the same host). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  middleware?: Middleware[];
}

/** The typed HTTP client every consumer of the API uses; types come from the committed OpenAPI document. */
export function createHocvuClient(options: HocvuClientOptions = {}): HocvuClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const middleware of options.middleware ?? []) client.use(middleware);
  return client;
}
