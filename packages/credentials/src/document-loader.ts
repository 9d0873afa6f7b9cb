import { BUNDLED_CONTEXTS, MULTIKEY_V1_CONTEXT_URL } from './contexts';
import { isDidWeb } from './did-web';
import { asRecord } from './json';

/**
 * Answers "what is the DID document of `did`?" for the DIDs this server trusts (its own, with every key
 * still valid): `undefined` for any other. The API and worker know their own document, so no network.
 */
export type DidDocumentResolver = (did: string) => unknown;

/** Answers "what is the status list credential at `url`?" (e.g. from the database); `undefined` if none. */
export type StatusListFetcher = (url: string) => unknown;

export interface DocumentLoaderOptions {
  resolveDidDocument?: DidDocumentResolver;
  fetchStatusList?: StatusListFetcher;
}

/** A JSON-LD remote document (jsonld.js's `RemoteDocument`). */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  /** `'static'`: jsonld.js keeps the processed context for the life of the process (see below). */
  tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export const DocumentLoaderErrorCode = {
  /** Neither a bundled context, nor a DID, nor a status list the fetcher knows. */
  UnknownDocument: 'UNKNOWN_DOCUMENT',
  /** A DID the resolver does not know (another issuer), or not a did:web. */
  UnknownIssuer: 'UNKNOWN_ISSUER',
  /** A key (DID URL) that the issuer's DID document does not list: never ours, or removed. */
  UnknownKey: 'UNKNOWN_KEY',
  /** The status list fetcher failed. */
  StatusUnavailable: 'STATUS_UNAVAILABLE',
} as const;
export type DocumentLoaderErrorCode = (typeof DocumentLoaderErrorCode)[keyof typeof DocumentLoaderErrorCode];

/** Why the offline document loader refused a URL; verification turns the code into a problem. */
export class DocumentLoaderError extends Error {
  constructor(
    readonly code: DocumentLoaderErrorCode,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DocumentLoaderError';
  }
}

/**
 * The JSON-LD document loader used for signing and verifying: bundled contexts, the DID documents the
 * resolver knows, status lists the fetcher knows, and nothing else. It never touches the network, so an
 * uploaded credential cannot make the server fetch a URL of the uploader's choosing, and verification does
 * not depend on w3.org or imsglobal.org being up.
 *
 * Contexts are returned with `tag: 'static'`: jsonld.js then caches the resolved and processed context
 * across operations (untagged, it reloads and reprocesses the whole OB 3.0 context on every sign and
 * verify). The cache is global to jsonld.js and keyed by URL, which is safe because every loader made here
 * serves the same bundled contexts.
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const { resolveDidDocument, fetchStatusList } = options;

  return async (url: string): Promise<RemoteDocument> => {
    const context = BUNDLED_CONTEXTS.get(url);
    if (context !== undefined)
      return { contextUrl: null, documentUrl: url, document: context, tag: 'static' };

    if (url.startsWith('did:')) return loadDidUrl(url, resolveDidDocument);

    if (fetchStatusList !== undefined && /^https?:\/\//.test(url)) {
      let statusList: unknown;
      try {
        statusList = await fetchStatusList(url);
      } catch (error) {
        throw new DocumentLoaderError(
          DocumentLoaderErrorCode.StatusUnavailable,
          url,
          `The status list ${url} could not be read: ${errorMessage(error)}`,
          { cause: error },
        );
      }
      if (statusList !== undefined && statusList !== null) {
        return { contextUrl: null, documentUrl: url, document: statusList };
      }
    }

    throw new DocumentLoaderError(
      DocumentLoaderErrorCode.UnknownDocument,
      url,
      `Refused to load ${url}: it is not a bundled JSON-LD context, a known DID or a known status list (nothing is fetched from the network)`,
    );
  };
}

async function loadDidUrl(url: string, resolve: DidDocumentResolver | undefined): Promise<RemoteDocument> {
  const hash = url.indexOf('#');
  const did = hash === -1 ? url : url.slice(0, hash);
  if (!isDidWeb(did)) {
    throw new DocumentLoaderError(
      DocumentLoaderErrorCode.UnknownIssuer,
      url,
      `Unknown issuer ${did}: only did:web issuers known to this server are accepted`,
    );
  }
  let resolved: unknown;
  try {
    resolved = await resolve?.(did);
  } catch (error) {
    throw new DocumentLoaderError(
      DocumentLoaderErrorCode.UnknownIssuer,
      url,
      `The DID document of ${did} could not be resolved: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  const document = asRecord(resolved);
  if (document === undefined) {
    throw new DocumentLoaderError(
      DocumentLoaderErrorCode.UnknownIssuer,
      url,
      `Unknown issuer ${did}: this server verifies only certificates it issued`,
    );
  }
  if (document.id !== did) {
    throw new DocumentLoaderError(
      DocumentLoaderErrorCode.UnknownIssuer,
      url,
      `The DID document resolved for ${did} is that of ${String(document.id)}`,
    );
  }
  if (hash === -1) return { contextUrl: null, documentUrl: url, document };

  const fragment = url.slice(hash);
  const methods = Array.isArray(document.verificationMethod)
    ? (document.verificationMethod as unknown[])
    : [];
  const method = methods
    .map(asRecord)
    .find((candidate) => candidate?.id === url || candidate?.id === fragment);
  if (method === undefined) {
    throw new DocumentLoaderError(
      DocumentLoaderErrorCode.UnknownKey,
      url,
      `The key ${url} is not listed in the DID document of ${did} (not its key, or retired)`,
    );
  }
  // The Multikey library wants the verification method as a document of its own, with its context.
  return {
    contextUrl: null,
    documentUrl: url,
    document: { '@context': MULTIKEY_V1_CONTEXT_URL, ...method, id: url },
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
