import { ATTESTATION_JWS_TYPE } from '@hocvu/attestation';
import {
  calculateJwkThumbprint,
  compactVerify,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  type JWK,
  type JWSHeaderParameters,
} from 'jose';

/** Why a JWS was not accepted, as the attestation API answers it. */
export class JwsRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 503,
    readonly code: 'INVALID_JWS' | 'INVALID_SIGNATURE' | 'UNKNOWN_KEY' | 'KEYS_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'JwsRefused';
  }
}

type KeyResolver = ReturnType<typeof createLocalJWKSet>;

// Only public members: a private key pasted into the trusted list by mistake is used as its public half.
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use'] as const;

/** EdDSA is what Hocvu signs with (docs/vneid-adapter.md); ES256 is accepted for other signers. */
export const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256'];

/**
 * The public keys whose signatures the simulator accepts: a JWKS given inline and/or one fetched from
 * a URL (looked up when a `kid` is not found inline, cached by jose). Keys without a `kid` get their
 * RFC 7638 thumbprint, the key id Hocvu's adapter sends by default.
 */
export class TrustedKeys {
  private constructor(
    private readonly resolvers: KeyResolver[],
    readonly count: number,
  ) {}

  static async create(jwks: JWK[], url: string | null): Promise<TrustedKeys> {
    const keys = await Promise.all(
      jwks.map(async (jwk) => {
        const key = Object.fromEntries(
          PUBLIC_MEMBERS.filter((member) => jwk[member] !== undefined).map((member) => [member, jwk[member]]),
        ) as JWK;
        key.kid ??= await calculateJwkThumbprint(key, 'sha256');
        return key;
      }),
    );
    const resolvers: KeyResolver[] = [];
    if (keys.length > 0) resolvers.push(createLocalJWKSet({ keys }));
    if (url) resolvers.push(createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 }) as KeyResolver);
    return new TrustedKeys(resolvers, keys.length + (url ? 1 : 0));
  }

  /** The verified payload and header, or a `JwsRefused` saying why not. */
  async verify(jws: string): Promise<{ payload: Uint8Array; header: JWSHeaderParameters }> {
    let header: JWSHeaderParameters;
    try {
      header = decodeProtectedHeader(jws);
    } catch {
      throw new JwsRefused(400, 'INVALID_JWS', 'Not a compact JWS');
    }
    if (header.typ !== ATTESTATION_JWS_TYPE) {
      throw new JwsRefused(400, 'INVALID_JWS', `The JWS header must have typ "${ATTESTATION_JWS_TYPE}"`);
    }
    if (this.resolvers.length === 0) {
      throw new JwsRefused(401, 'UNKNOWN_KEY', 'No trusted keys are configured (VNEID_SIM_TRUSTED_JWKS)');
    }
    for (const resolver of this.resolvers) {
      try {
        const verified = await compactVerify(jws, resolver, { algorithms: ACCEPTED_ALGORITHMS });
        return { payload: verified.payload, header: verified.protectedHeader };
      } catch (error) {
        const code = joseCode(error);
        if (code === 'ERR_JWKS_NO_MATCHING_KEY') continue;
        throw refusal(code, error);
      }
    }
    throw new JwsRefused(
      401,
      'UNKNOWN_KEY',
      `No trusted key matches kid ${JSON.stringify(header.kid ?? null)}`,
    );
  }
}

// jose's errors carry a stable `code`; read it by property (the error may come from another realm).
function joseCode(error: unknown): string | undefined {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function refusal(code: string | undefined, error: unknown): JwsRefused {
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new JwsRefused(401, 'INVALID_SIGNATURE', 'The signature does not verify with the trusted key');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return new JwsRefused(503, 'KEYS_UNAVAILABLE', `The trusted key set could not be read: ${detail}`);
    default:
      return new JwsRefused(400, 'INVALID_JWS', `The JWS is not acceptable: ${detail}`);
  }
}
