import { issue } from '@digitalbazaar/vc';
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';

import type { DataIntegrityProofValue } from './certificate-credential';
import { VC_V2_CONTEXT_URL } from './contexts';
import { createDocumentLoader } from './document-loader';
import type { IssuerKey } from './issuer-key';
import { toDateTimeStamp } from './json';
import { signingSuite } from './suite';

/**
 * Entries per status list: the Bitstring Status List spec's minimum (16 KiB uncompressed), so that one
 * certificate's index says little about who holds it. A list of all zeros compresses to ~150 bytes.
 */
export const STATUS_LIST_LENGTH = 131_072;

export interface StatusListCredentialInput {
  /** URL the API serves the list at; `credentialStatus.statusListCredential` of each certificate. */
  id: string;
  /** The issuer's DID: the same issuer as the certificates, or verification rejects the list. */
  issuer: string;
  /** Indexes of revoked certificates. */
  revokedIndexes: Iterable<number>;
  /** Default `STATUS_LIST_LENGTH`. */
  length?: number;
  /** Default now. */
  validFrom?: Date | string;
  /** Until when a verifier may rely on this copy; default none (the API always serves the newest). */
  validUntil?: Date | string;
}

export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    /** Multibase base64url (`u…`) of the GZIP-compressed bitstring, per the spec. */
    encodedList: string;
  };
  proof: DataIntegrityProofValue;
}

const issuanceLoader = createDocumentLoader();

/**
 * A signed `BitstringStatusListCredential` (VC 2.0) for revocation, ready to serve. Sign a new one after
 * each revocation; the list itself is a bitstring where bit i set means "certificate i is revoked".
 */
export async function createStatusListCredential(
  input: StatusListCredentialInput,
  key: IssuerKey,
): Promise<StatusListCredential> {
  const length = input.length ?? STATUS_LIST_LENGTH;
  if (!Number.isSafeInteger(length) || length <= 0) {
    throw new TypeError(`A status list length must be a positive integer, not ${length}`);
  }
  if (key.controller !== input.issuer) {
    throw new TypeError(`The key ${key.id} belongs to ${key.controller}, not to the issuer ${input.issuer}`);
  }
  const list = await createList({ length });
  for (const index of input.revokedIndexes) {
    if (!Number.isSafeInteger(index) || index < 0 || index >= length) {
      throw new RangeError(`Status list index ${index} is outside 0…${length - 1}`);
    }
    list.setStatus(index, true);
  }
  const credential = {
    '@context': [VC_V2_CONTEXT_URL],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: toDateTimeStamp(input.validFrom ?? new Date(), 'validFrom'),
    ...(input.validUntil === undefined
      ? {}
      : { validUntil: toDateTimeStamp(input.validUntil, 'validUntil') }),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: await list.encode(),
    },
  };
  const suite = signingSuite(key, new Date());
  return (await issue({
    credential,
    suite,
    documentLoader: issuanceLoader,
  })) as unknown as StatusListCredential;
}

/** The indexes set in a status list credential's `encodedList` (for admin views and tests). */
export async function revokedIndexes(encodedList: string): Promise<number[]> {
  const list = await decodeList({ encodedList });
  const indexes: number[] = [];
  for (let index = 0; index < list.length; index++) if (list.getStatus(index)) indexes.push(index);
  return indexes;
}

/** Bit `index` of an encoded list; throws when the list does not decode or is too short. */
export async function statusBit(encodedList: string, index: number): Promise<boolean> {
  const list = await decodeList({ encodedList });
  if (index >= list.length)
    throw new RangeError(`Index ${index} is beyond the list's ${list.length} entries`);
  return list.getStatus(index);
}
