import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider, { type ClientMetadata, type Configuration, type JWKS } from 'oidc-provider';

import type { CitizenRegistry } from '../citizens/citizen-registry';
import { createMemoryAdapterFactory } from './memory-adapter';
import { renderErrorPage } from './pages';

export interface OidcClient {
  clientId: string;
  /** Empty: a public client (token endpoint auth `none`), protected by PKCE alone. */
  clientSecret: string;
  redirectUris: string[];
  clientName?: string;
}

export interface OidcOptions {
  issuer: string;
  clients: OidcClient[];
  /** Private JWKS signing ID tokens; null = a fresh RS256 key. */
  signingJwks: JWKS | null;
  cookieSecret: string;
  registry: CitizenRegistry;
}

/**
 * Claims per scope. `profile` carries the standard claims a VNeID sign-in gives; the custom `citizen`
 * scope adds the citizen id and identification level, so a relying party must ask for them explicitly.
 */
export const SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'birthdate', 'gender'],
  citizen: ['citizen_id', 'identification_level'],
} as const;

/**
 * The OpenID Connect provider (oidc-provider): authorization code flow only, PKCE (S256) required of
 * every client, ID tokens carrying the granted claims. Sessions, codes and grants live in memory
 * (createMemoryAdapterFactory) — fine for a simulator, lost on restart.
 */
export function createOidcProvider(options: OidcOptions): Provider {
  const { registry } = options;
  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    clients: options.clients.map((client): ClientMetadata => ({
      client_id: client.clientId,
      client_name: client.clientName ?? 'Hocvu — Học vụ số',
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      ...(client.clientSecret
        ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
        : { token_endpoint_auth_method: 'none' }),
    })),
    // oidc-provider 9 implements only S256, so "required" also means "S256".
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: Object.keys(SCOPE_CLAIMS),
    claims: Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]])),
    // Put the granted claims into the ID token too, not only behind the userinfo endpoint.
    conformIdTokenClaims: false,
    jwks: options.signingJwks ?? { keys: [generateSigningKey()] },
    cookies: { keys: [options.cookieSecret] },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 3600,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    findAccount: (_ctx, subject) => {
      const citizen = registry.findBySubject(subject);
      if (!citizen) return undefined;
      return {
        accountId: subject,
        // oidc-provider keeps only the claims of the scopes the citizen granted.
        claims: () => ({
          sub: subject,
          name: citizen.fullName,
          birthdate: citizen.birthDate,
          gender: citizen.gender,
          citizen_id: citizen.citizenId,
          identification_level: citizen.identificationLevel,
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(
        String(out.error),
        out.error_description ? String(out.error_description) : '',
      );
    },
  };
  return new Provider(options.issuer, configuration);
}

/** An RS256 key for ID tokens (RS256 is what every OpenID Connect client accepts by default). */
function generateSigningKey(): JWKS['keys'][number] {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: `sim-${randomUUID().slice(0, 8)}`,
    alg: 'RS256',
    use: 'sig',
  };
}
