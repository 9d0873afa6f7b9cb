import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';

import { DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL } from './contexts';
import { isDidWeb } from './did-web';
import { asRecord } from './json';

/** The public half of an issuer key, as its DID document lists it (a Multikey verification method). */
export interface IssuerPublicKey {
  /** `<did>#<publicKeyMultibase>`: the key's fingerprint makes its id unique and self-describing. */
  id: string;
  type: 'Multikey';
  /** The issuer's DID. */
  controller: string;
  /** Multibase (base58btc, `z6Mk…`) of the multicodec Ed25519 public key. */
  publicKeyMultibase: string;
}

/**
 * An issuer key as stored in configuration or a secret store (JSON). Keep it secret: whoever holds
 * `secretKeyMultibase` can sign certificates in the province's name.
 */
export interface SerializedIssuerKey extends IssuerPublicKey {
  secretKeyMultibase: string;
}

/** The issuer's DID document: what the API serves at the did:web address. */
export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: IssuerPublicKey[];
  assertionMethod: string[];
}

/**
 * An issuer key ready to sign (from `loadIssuerKey`). The private key lives in a Node `KeyObject` made
 * once, so signing does not re-import it per credential, and it is not an enumerable property: logging
 * the object does not print it.
 */
export class IssuerKey {
  readonly #privateKey: KeyObject;

  /** @internal Use `loadIssuerKey`. */
  constructor(
    readonly publicKey: IssuerPublicKey,
    privateKey: KeyObject,
  ) {
    this.#privateKey = privateKey;
  }

  get id(): string {
    return this.publicKey.id;
  }

  get controller(): string {
    return this.publicKey.controller;
  }

  /** @internal The Data Integrity signer interface (`{ id, algorithm, sign }`). */
  signer(): { id: string; algorithm: 'Ed25519'; sign(options: { data: Uint8Array }): Promise<Uint8Array> } {
    const privateKey = this.#privateKey;
    return {
      id: this.id,
      algorithm: 'Ed25519',
      sign: ({ data }) => Promise.resolve(sign(null, data, privateKey)),
    };
  }

  toJSON(): IssuerPublicKey {
    return this.publicKey;
  }
}

/** A fresh Ed25519 issuer key for `did`, serialisable as JSON (store it as a secret). */
export async function generateIssuerKey(did: string): Promise<SerializedIssuerKey> {
  assertDid(did);
  const pair = await Ed25519Multikey.generate({ controller: did });
  return {
    id: pair.id,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase!,
  };
}

/**
 * Reads a serialised issuer key (e.g. parsed from configuration). Fails early, with a message that never
 * contains the secret, when the JSON is not an Ed25519 Multikey or its halves do not belong together.
 */
export async function loadIssuerKey(serialized: unknown): Promise<IssuerKey> {
  const key = asRecord(serialized);
  const { id, controller, publicKeyMultibase, secretKeyMultibase } = key ?? {};
  if (
    key?.type !== 'Multikey' ||
    typeof id !== 'string' ||
    typeof controller !== 'string' ||
    typeof publicKeyMultibase !== 'string' ||
    typeof secretKeyMultibase !== 'string'
  ) {
    throw new TypeError(
      'An issuer key must be a serialised Ed25519 Multikey: { id, type: "Multikey", controller, publicKeyMultibase, secretKeyMultibase }',
    );
  }
  assertDid(controller);
  if (!id.startsWith(`${controller}#`)) {
    throw new TypeError(`The issuer key id ${id} must be a fragment of its controller ${controller}`);
  }
  let raw: { publicKey: Uint8Array; secretKey?: Uint8Array };
  try {
    const pair = await Ed25519Multikey.from({
      '@context': MULTIKEY_V1_CONTEXT_URL,
      id,
      type: 'Multikey',
      controller,
      publicKeyMultibase,
      secretKeyMultibase,
    });
    raw = await pair.export({ publicKey: true, secretKey: true, raw: true, canonicalize: true });
  } catch {
    throw new TypeError(`The issuer key ${id} is not a valid Ed25519 Multikey`);
  }
  if (raw.publicKey.length !== 32 || raw.secretKey?.length !== 32) {
    throw new TypeError(`The issuer key ${id} is not a valid Ed25519 Multikey`);
  }
  const x = Buffer.from(raw.publicKey).toString('base64url');
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x, d: Buffer.from(raw.secretKey).toString('base64url') },
    format: 'jwk',
  });
  // Node derives the public key from the seed: a mismatch means the two multibase values were mixed up.
  if ((createPublicKey(privateKey).export({ format: 'jwk' }) as { x?: string }).x !== x) {
    throw new TypeError(`The secret and public halves of issuer key ${id} do not belong together`);
  }
  return new IssuerKey({ id, type: 'Multikey', controller, publicKeyMultibase }, privateKey);
}

/** The public half of a key (what a DID document lists); never carries the secret. */
export function publicIssuerKey(key: IssuerPublicKey | IssuerKey): IssuerPublicKey {
  const { id, controller, publicKeyMultibase } = key instanceof IssuerKey ? key.publicKey : key;
  return { id, type: 'Multikey', controller, publicKeyMultibase };
}

/**
 * The DID document of `did` with its keys as Multikey verification methods, each allowed to assert
 * credentials (`assertionMethod`). Key rotation: list the new key and every older key whose credentials
 * must still verify; sign with the newest. Removing a key invalidates everything it signed (the way to
 * answer a leaked key).
 */
export function didDocument(did: string, publicKeys: readonly (IssuerPublicKey | IssuerKey)[]): DidDocument {
  assertDid(did);
  if (publicKeys.length === 0) throw new TypeError('A DID document needs at least one key');
  const verificationMethod = publicKeys.map(publicIssuerKey);
  for (const key of verificationMethod) {
    if (key.controller !== did || !key.id.startsWith(`${did}#`)) {
      throw new TypeError(`Key ${key.id} belongs to ${key.controller}, not to ${did}`);
    }
  }
  if (new Set(verificationMethod.map((key) => key.id)).size !== verificationMethod.length) {
    throw new TypeError('A DID document lists each key once');
  }
  return {
    // The DID context first: jsonld-signatures then reads `assertionMethod` without JSON-LD framing.
    '@context': [DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL],
    id: did,
    verificationMethod,
    assertionMethod: verificationMethod.map((key) => key.id),
  };
}

function assertDid(did: string): void {
  if (!isDidWeb(did)) throw new TypeError(`The issuer must be a did:web DID, not ${did}`);
}
