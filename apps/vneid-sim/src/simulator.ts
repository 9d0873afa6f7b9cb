import { pinoOptions } from '@hocvu/server-kit';
import Fastify, { type FastifyError, LogController } from 'fastify';
import type { JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { JWKS } from 'oidc-provider';

import { attestationRoutes } from './attestation/attestation.routes';
import { attestationAdminRoutes } from './attestation/attestation-admin.routes';
import { AttestationStore } from './attestation/attestation-store';
import { TrustedKeys } from './attestation/trusted-keys';
import { CitizenRegistry } from './citizens/citizen-registry';
import { FaultInjector } from './faults/fault-injector';
import { type FaultSettings, NO_FAULTS, randomSeed } from './faults/fault-settings';
import { faultRoutes } from './faults/faults.routes';
import { requireAdminToken } from './http/admin-token';
import { writeMaintenance } from './http/error-body';
import { interactionRoutes } from './oidc/interaction.routes';
import { createOidcProvider, type OidcClient } from './oidc/oidc-provider';

export interface SimulatorOptions {
  host: string;
  /** 0 = any free port (tests). */
  port: number;
  /** null = http://127.0.0.1:<port> (or the listening host when it is a specific one). */
  issuer: string | null;
  clients: OidcClient[];
  signingJwks: JWKS | null;
  /** null = random at start. */
  cookieSecret: string | null;
  testPassword: string;
  /** Made-up citizens added for load tests (generatedCitizen); 0 or absent for none. */
  generatedCitizens?: number;
  trustedJwks: JWK[];
  trustedJwksUrl: string | null;
  adminToken: string;
  faults: FaultSettings;
  logLevel: string;
  logPretty: boolean;
}

export interface RunningSimulator {
  /** Where it listens: the attestation and admin APIs. */
  url: string;
  /** The OpenID Connect issuer (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  adminToken: string;
  close(): Promise<void>;
}

/** Options for a simulator on a free local port with no faults: what tests start from. */
export function localSimulatorOptions(overrides: Partial<SimulatorOptions> = {}): SimulatorOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    issuer: null,
    clients: [
      {
        clientId: 'hocvu-portal',
        clientSecret: 'hocvu-vneid-sim-secret',
        redirectUris: ['http://127.0.0.1:3000/api/auth/vneid/callback'],
      },
    ],
    signingJwks: null,
    cookieSecret: null,
    testPassword: 'vneid2026',
    trustedJwks: [],
    trustedJwksUrl: null,
    adminToken: 'vneid-sim-admin',
    faults: { ...NO_FAULTS, seed: randomSeed() },
    logLevel: 'silent',
    logPretty: false,
    ...overrides,
  };
}

// Fastify's own 4xx, in the simulator's error codes.
const FASTIFY_ERROR_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
};

// Never faulted, so tests and operators can always inspect and lift faults.
const ALWAYS_UP = /^\/(admin|health)(\/|\?|$)/;
// Served by Fastify; every other path belongs to the OpenID Connect provider.
const OWN_ROUTES = /^\/(attestations|interaction)(\/|\?|$)|^\/(\?|$)/;

/**
 * Starts the simulator: one HTTP server whose requests go either to Fastify (attestation API, login
 * pages, admin API) or to oidc-provider (a Koa application). It listens before the provider is made,
 * because with port 0 the issuer URL is known only then.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const registry = new CitizenRegistry(options.testPassword, undefined, options.generatedCitizens ?? 0);
  const store = new AttestationStore();
  const faults = new FaultInjector(options.faults);
  const trustedKeys = await TrustedKeys.create(options.trustedJwks, options.trustedJwksUrl);
  // Filled in once listening (the issuer URL needs the port); until then the provider's paths answer 404.
  const oidc: {
    provider?: Provider;
    callback?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  } = {};

  const app = Fastify({
    logger: pinoOptions({ name: 'vneid-sim', level: options.logLevel, pretty: options.logPretty }),
    // One log line per attestation outcome and per fault change is enough; no line per request.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    // Closing must not wait for requests the timeout fault holds open.
    forceCloseConnections: true,
    serverFactory: (fastifyHandler) =>
      createServer((req, res) => {
        const path = req.url ?? '/';
        // The attestation routes apply maintenance themselves, to count it against the idempotency key.
        if (ALWAYS_UP.test(path) || path.startsWith('/attestations')) return fastifyHandler(req, res);
        const maintenance = faults.maintenance();
        if (maintenance.active)
          return writeMaintenance(req.headers.accept, res, maintenance.retryAfterSeconds);
        if (OWN_ROUTES.test(path) || !oidc.callback) return fastifyHandler(req, res);
        // Koa answers its own errors; the promise never rejects.
        void oidc.callback(req, res);
      }),
  });

  // Login and consent forms post application/x-www-form-urlencoded.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ code: 'INTERNAL_ERROR', message: 'Internal error' });
    }
    const code =
      FASTIFY_ERROR_CODES[error.code] ?? (error instanceof SyntaxError ? 'INVALID_JSON' : 'BAD_REQUEST');
    return reply.code(status).send({ code, message: error.message });
  });

  app.get('/health', () => ({ status: 'ok' }));
  app.get('/', () => ({
    name: 'VNeID simulator (Hocvu development and tests; not the real VNeID)',
    issuer: oidc.provider?.issuer,
    discovery: oidc.provider ? `${oidc.provider.issuer}/.well-known/openid-configuration` : undefined,
    attestations: '/attestations',
    contract: 'docs/vneid-adapter.md',
  }));
  attestationRoutes(app, { store, registry, trustedKeys, faults });
  interactionRoutes(app, {
    provider: () => {
      if (!oidc.provider) throw new Error('The OpenID Connect provider is not ready');
      return oidc.provider;
    },
    registry,
    testPassword: options.testPassword,
  });
  // An encapsulated plugin, so the token check guards these routes only.
  await app.register((admin, _options, done) => {
    admin.addHook('preHandler', requireAdminToken(options.adminToken));
    faultRoutes(admin, faults);
    attestationAdminRoutes(admin, store);
    admin.post('/admin/reset', (_request, reply) => {
      store.reset();
      faults.reset();
      return reply.code(204).send();
    });
    done();
  });

  await app.listen({ host: options.host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  const reachableHost = ['0.0.0.0', '::', ''].includes(options.host) ? '127.0.0.1' : options.host;
  const url = `http://${reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost}:${port}`;
  const issuer = (options.issuer ?? url).replace(/\/+$/, '');

  const provider = createOidcProvider({
    issuer,
    clients: options.clients,
    signingJwks: options.signingJwks,
    cookieSecret: options.cookieSecret ?? randomBytes(32).toString('base64url'),
    registry,
  });
  provider.on('server_error', (_ctx, error) =>
    app.log.error({ err: error }, 'OpenID Connect provider error'),
  );
  oidc.provider = provider;
  oidc.callback = provider.callback();

  return {
    url,
    issuer,
    adminToken: options.adminToken,
    close: async () => {
      faults.releaseAll();
      await app.close();
    },
  };
}
