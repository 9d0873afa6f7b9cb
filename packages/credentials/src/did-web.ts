/**
 * did:web (https://w3c-ccg.github.io/did-method-web/): the issuer's DID is its public address, and its
 * DID document is a JSON file served there. A base URL with a path gives a DID with path segments, whose
 * document is `<path>/did.json` instead of `/.well-known/did.json`.
 */

const DID_WEB_PREFIX = 'did:web:';

/**
 * The did:web DID of a Hocvu installation from its public base URL: `https://hocvu.dienbien.gov.vn` →
 * `did:web:hocvu.dienbien.gov.vn`, `http://127.0.0.1:3000` → `did:web:127.0.0.1%3A3000` (the port's colon
 * is percent-encoded), `https://example.vn/hocvu` → `did:web:example.vn:hocvu`.
 *
 * Resolvers fetch did:web documents over https only, so a DID made from an http address (local
 * development) is resolvable by Hocvu itself, which knows its own DID document, but by nobody else.
 */
export function issuerDid(publicBaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicBaseUrl);
  } catch {
    throw new TypeError(`Not an absolute URL: ${publicBaseUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`A did:web needs an http(s) base URL, not ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`A did:web base URL has no credentials, query or fragment: ${publicBaseUrl}`);
  }
  // `url.host` is lower-cased, punycoded and omits the scheme's default port.
  const host = url.host.replace(':', '%3A');
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll(':', '%3A'));
  return [DID_WEB_PREFIX + host, ...segments].join(':');
}

/** The path, on the DID's own host, where its DID document is served: `/.well-known/did.json` or `/<path>/did.json`. */
export function didWebDocumentPath(did: string): string {
  const { segments } = parseDidWeb(did);
  return segments.length === 0 ? '/.well-known/did.json' : `/${segments.join('/')}/did.json`;
}

/**
 * Where a did:web resolver fetches the DID document, per the method spec: always https. Hocvu serves the
 * same path on its own origin, so a local http installation answers at `http://<host>` + this path.
 */
export function didWebDocumentUrl(did: string): string {
  const { host } = parseDidWeb(did);
  return `https://${host}${didWebDocumentPath(did)}`;
}

/** True for a did:web DID (without fragment); the check every did:web function makes first. */
export function isDidWeb(value: string): boolean {
  try {
    parseDidWeb(value);
    return true;
  } catch {
    return false;
  }
}

function parseDidWeb(did: string): { host: string; segments: string[] } {
  if (!did.startsWith(DID_WEB_PREFIX) || /[#?/]/.test(did)) {
    throw new TypeError(`Not a did:web DID: ${did}`);
  }
  const [encodedHost = '', ...segments] = did.slice(DID_WEB_PREFIX.length).split(':');
  // Only the port's colon is ever encoded in the host part.
  const host = encodedHost.replace(/%3A/i, ':');
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) || segments.some((segment) => segment === '')) {
    throw new TypeError(`Not a did:web DID: ${did}`);
  }
  return { host, segments: segments.map((segment) => segment.replaceAll('%3A', ':')) };
}
