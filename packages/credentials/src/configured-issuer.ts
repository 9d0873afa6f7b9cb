import { issuerDid } from './did-web';
import {
  type DidDocument,
  didDocument,
  type IssuerKey,
  type IssuerPublicKey,
  loadIssuerKey,
} from './issuer-key';
import { asRecord } from './json';

/** An installation's issuer as configured: its DID, signing key and the DID document the API serves. */
export interface ConfiguredIssuer {
  did: string;
  key: IssuerKey;
  document: DidDocument;
}

export interface IssuerSettings {
  /** PUBLIC_URL: the did:web is derived from it. */
  publicUrl: string;
  /** CERTIFICATE_SIGNING_KEY: a serialised Multikey (JSON). */
  signingKey: string;
  /** CERTIFICATE_RETIRED_KEYS: JSON array of public keys still listed (may be empty). */
  retiredKeys?: string;
}

/** Configuration that cannot make an issuer; the message names the setting that fixes it. */
export class IssuerConfigError extends Error {}

/**
 * Reads the issuer from configuration and checks it belongs to this installation: the key's controller
 * must be the did:web of PUBLIC_URL, or every certificate it signed would name an issuer nobody can
 * resolve. Never puts the secret in a message.
 */
export async function loadConfiguredIssuer(settings: IssuerSettings): Promise<ConfiguredIssuer> {
  const did = issuerDid(settings.publicUrl);
  if (settings.signingKey.trim() === '') {
    throw new IssuerConfigError(
      `CERTIFICATE_SIGNING_KEY is empty: certificates cannot be signed. Make a key for ${did} with ` +
        '`node apps/api/dist/apps/api/src/cli.js issuer-key` and set it (npm start does this itself).',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(settings.signingKey);
  } catch {
    throw new IssuerConfigError('CERTIFICATE_SIGNING_KEY is not JSON (a serialised Ed25519 Multikey)');
  }
  let key: IssuerKey;
  try {
    key = await loadIssuerKey(parsed);
  } catch (error) {
    throw new IssuerConfigError(`CERTIFICATE_SIGNING_KEY: ${(error as Error).message}`);
  }
  if (key.controller !== did) {
    throw new IssuerConfigError(
      `CERTIFICATE_SIGNING_KEY belongs to ${key.controller}, but PUBLIC_URL ${settings.publicUrl} makes the issuer ${did}. ` +
        'Make a key for this address (`node apps/api/dist/apps/api/src/cli.js issuer-key`) or fix PUBLIC_URL.',
    );
  }
  const retired = parseRetiredKeys(settings.retiredKeys ?? '', did);
  let document: DidDocument;
  try {
    document = didDocument(did, [key, ...retired.filter((old) => old.id !== key.id)]);
  } catch (error) {
    throw new IssuerConfigError(`CERTIFICATE_RETIRED_KEYS: ${(error as Error).message}`);
  }
  return { did, key, document };
}

function parseRetiredKeys(value: string, did: string): IssuerPublicKey[] {
  if (value.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new IssuerConfigError('CERTIFICATE_RETIRED_KEYS is not a JSON array of public keys');
  }
  if (!Array.isArray(parsed)) throw new IssuerConfigError('CERTIFICATE_RETIRED_KEYS must be a JSON array');
  return parsed.map((entry, index) => {
    const record = asRecord(entry);
    const { id, controller, publicKeyMultibase } = record ?? {};
    if (typeof id !== 'string' || typeof publicKeyMultibase !== 'string' || controller !== did) {
      throw new IssuerConfigError(
        `CERTIFICATE_RETIRED_KEYS[${index}] must be { id, controller: "${did}", publicKeyMultibase }`,
      );
    }
    if ('secretKeyMultibase' in (record ?? {})) {
      throw new IssuerConfigError(
        `CERTIFICATE_RETIRED_KEYS[${index}] holds a secret key: list public halves only`,
      );
    }
    return { id, type: 'Multikey', controller: did, publicKeyMultibase };
  });
}

/**
 * The issuer for a server process: production refuses to start without a valid key (it would accept
 * work it cannot sign, or serve nothing to verify against); elsewhere the process starts, `warn` gets
 * the fix, and the problem is returned for the certificate code paths to report.
 */
export async function loadIssuerForProcess(
  settings: IssuerSettings,
  options: { production: boolean; warn: (message: string) => void },
): Promise<ConfiguredIssuer | IssuerConfigError> {
  try {
    return await loadConfiguredIssuer(settings);
  } catch (error) {
    if (!(error instanceof IssuerConfigError) || options.production) throw error;
    options.warn(error.message);
    return error;
  }
}
