import { calculateJwkThumbprint, CompactSign, importJWK, type JWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';

import { canonicalCompletionRecord, type CompletionRecord } from './completion-record';

/** Signature algorithm of attestations: Ed25519 (small keys, deterministic signatures, no parameters to get wrong). */
export const ATTESTATION_JWS_ALGORITHM = 'EdDSA';
/** `typ` header of an attestation JWS, so a token signed for anything else is never taken for one. */
export const ATTESTATION_JWS_TYPE = 'hocvu-completion+jws';

/** An Ed25519 key as a JWK (RFC 8037): `x` is the public key, `d` (private keys only) the seed. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
  kid?: string;
}

export interface AttestationKeyPair {
  /** Keep secret: configure it where Hocvu signs (the worker). */
  privateJwk: Ed25519Jwk & { d: string; kid: string };
  /** Give this to the attestation service (or its JWKS) so it can verify Hocvu's signatures. */
  publicJwk: Ed25519Jwk & { kid: string };
  keyId: string;
}

/** A fresh Ed25519 key pair whose key id is the RFC 7638 thumbprint of its public key. */
export async function generateAttestationKeyPair(): Promise<AttestationKeyPair> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x } as const;
  const keyId = await attestationKeyId(publicJwk);
  return {
    privateJwk: { ...publicJwk, d: jwk.d, kid: keyId },
    publicJwk: { ...publicJwk, kid: keyId },
    keyId,
  };
}

/** The public half of an Ed25519 JWK (what to publish), keeping or computing its key id. */
export async function publicAttestationJwk(jwk: Ed25519Jwk): Promise<Ed25519Jwk & { kid: string }> {
  const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  return { ...publicJwk, kid: jwk.kid ?? (await attestationKeyId(publicJwk)) };
}

/** RFC 7638 thumbprint (SHA-256) of a key's public members: the default key id. */
export function attestationKeyId(jwk: Ed25519Jwk): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'sha256');
}

/** A signing key read by `importAttestationSigningKey`. */
export type AttestationSigningKey = Awaited<ReturnType<typeof importJWK>>;

/** Reads the private signing key once; fails early on a key of the wrong type. */
export async function importAttestationSigningKey(jwk: Ed25519Jwk): Promise<AttestationSigningKey> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') {
    throw new TypeError(
      'The attestation signing key must be a private Ed25519 JWK ({ kty: "OKP", crv: "Ed25519", x, d })',
    );
  }
  return importJWK(jwk as JWK, ATTESTATION_JWS_ALGORITHM);
}

/**
 * Compact JWS (RFC 7515) over the canonical record. Ed25519 signatures are deterministic, so the same
 * record and key always give the same token: a retry sends exactly what the first attempt sent.
 */
export async function signCompletionRecord(
  record: CompletionRecord,
  key: AttestationSigningKey,
  keyId: string,
): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(canonicalCompletionRecord(record)));
  return new CompactSign(payload)
    .setProtectedHeader({ alg: ATTESTATION_JWS_ALGORITHM, typ: ATTESTATION_JWS_TYPE, kid: keyId })
    .sign(key);
}
