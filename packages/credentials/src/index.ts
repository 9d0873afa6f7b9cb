/**
 * @hocvu/credentials — certificates as W3C Verifiable Credentials, without Nest.
 *
 * Each Hocvu certificate is a VC 2.0 Open Badges 3.0 `OpenBadgeCredential` signed with an
 * `eddsa-rdfc-2022` Data Integrity proof (Digital Bazaar's libraries) by the installation's issuer, a
 * `did:web` DID derived from its public address. Revocation is a Bitstring Status List credential.
 * docs/certificates.md shows the credential and explains each choice.
 *
 * Who uses what:
 * - the worker: `loadIssuerKey` once, then `issueCertificateCredential` per certificate; after a
 *   revocation, `createStatusListCredential` to re-sign the list;
 * - the API: `issuerDid` + `didDocument` (served at `didWebDocumentPath(did)`), the status lists it
 *   stored, and `verifyCertificateCredential` for uploaded credentials;
 * - operators: `generateIssuerKey` to make a key, kept in the secret store as JSON.
 *
 * Everything runs offline: JSON-LD contexts are bundled and `createDocumentLoader` refuses every URL it
 * does not know, so signing and verifying never touch the network.
 */
export {
  type CertificateCredential,
  type CertificateCredentialInput,
  type CertificateDetails,
  certificateDetails,
  type DataIntegrityProofValue,
  identityHash,
  type IdentityObject,
  issueCertificateCredential,
  type IssueOptions,
  unsignedCertificateCredential,
} from './certificate-credential';
export {
  type ConfiguredIssuer,
  IssuerConfigError,
  type IssuerSettings,
  loadConfiguredIssuer,
  loadIssuerForProcess,
} from './configured-issuer';
export {
  BUNDLED_CONTEXTS,
  DID_V1_CONTEXT_URL,
  MULTIKEY_V1_CONTEXT_URL,
  OPEN_BADGES_CONTEXT_URL,
  VC_V2_CONTEXT_URL,
} from './contexts';
export { didWebDocumentPath, didWebDocumentUrl, isDidWeb, issuerDid } from './did-web';
export {
  createDocumentLoader,
  type DidDocumentResolver,
  type DocumentLoader,
  DocumentLoaderError,
  DocumentLoaderErrorCode,
  type DocumentLoaderOptions,
  type RemoteDocument,
  type StatusListFetcher,
} from './document-loader';
export {
  type DidDocument,
  didDocument,
  generateIssuerKey,
  IssuerKey,
  type IssuerPublicKey,
  loadIssuerKey,
  publicIssuerKey,
  type SerializedIssuerKey,
} from './issuer-key';
export {
  createStatusListCredential,
  revokedIndexes,
  STATUS_LIST_LENGTH,
  statusBit,
  type StatusListCredential,
  type StatusListCredentialInput,
} from './status-list';
export {
  type CertificateVerificationOptions,
  type CertificateVerificationResult,
  type CredentialProblem,
  CredentialProblemCode,
  verifyCertificateCredential,
} from './verify';
