import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

import { MULTIKEY_V1_CONTEXT_URL } from './contexts';
import type { IssuerKey } from './issuer-key';

/**
 * Public keys already imported, by multibase. The cryptosuite's own verifier re-imports the key into
 * OpenSSL for every proof (about 0.5 ms, a tenth of a verification); an issuer has a handful of keys.
 */
const publicKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 64;

async function importPublicKey(verificationMethod: Record<string, unknown>): Promise<KeyObject> {
  const multibase = verificationMethod.publicKeyMultibase;
  const cached = typeof multibase === 'string' ? publicKeys.get(multibase) : undefined;
  if (cached !== undefined) return cached;
  // The library validates the Multikey (type, multicodec header, length) before we trust its bytes.
  const pair = await Ed25519Multikey.from({ '@context': MULTIKEY_V1_CONTEXT_URL, ...verificationMethod });
  const { publicKey } = await pair.export({ publicKey: true, raw: true });
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.clear();
  publicKeys.set(pair.publicKeyMultibase, key);
  return key;
}

/** eddsa-rdfc-2022 as Digital Bazaar implements it, with a verifier that reuses imported keys. */
const eddsaRdfc2022 = {
  ...cryptosuite,
  createVerifier: async ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => {
    const key = await importPublicKey(verificationMethod);
    return {
      id: verificationMethod.id,
      algorithm: 'Ed25519',
      verify: ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) =>
        Promise.resolve(verify(null, data, key, signature)),
    };
  },
};

/** A Data Integrity suite that signs with `key`. */
export function signingSuite(key: IssuerKey, created: Date): DataIntegrityProof {
  return new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022, date: created });
}

/** A Data Integrity suite for verifying (a fresh one per call: it caches the last document's hash). */
export function verifyingSuite(): DataIntegrityProof {
  return new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
}
