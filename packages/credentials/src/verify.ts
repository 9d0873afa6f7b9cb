import { verifyCredential, type VerifyCredentialResult } from '@digitalbazaar/vc';

import type { CertificateCredential } from './certificate-credential';
import { VC_V2_CONTEXT_URL } from './contexts';
import {
  createDocumentLoader,
  type DidDocumentResolver,
  type DocumentLoader,
  DocumentLoaderError,
  DocumentLoaderErrorCode,
  errorMessage,
  type StatusListFetcher,
} from './document-loader';
import { asRecord, isDateTimeStamp } from './json';
import { statusBit } from './status-list';
import { verifyingSuite } from './suite';

/** Why a credential is not valid. Stable: the API returns them and the portal translates them. */
export const CredentialProblemCode = {
  /** Not a JSON object shaped as a VC 2.0 Open Badges credential with one Data Integrity proof. */
  Malformed: 'MALFORMED',
  /** Names a JSON-LD context that is not bundled; it is refused, never fetched. */
  UnknownContext: 'UNKNOWN_CONTEXT',
  /** Issued (or claiming to be issued) by a DID this server does not know. */
  UnknownIssuer: 'UNKNOWN_ISSUER',
  /** The proof does not match the content (edited), or was made by a key the issuer does not list. */
  SignatureInvalid: 'SIGNATURE_INVALID',
  /** `validFrom` is in the future. */
  NotYetValid: 'NOT_YET_VALID',
  /** `validUntil` has passed. */
  Expired: 'EXPIRED',
  /** The issuer revoked it: its bit is set in the status list. */
  Revoked: 'REVOKED',
  /** Its status list could not be obtained, so revocation could not be checked. */
  StatusUnavailable: 'STATUS_UNAVAILABLE',
  /** Its status list was obtained but is not a valid list signed by the same issuer. */
  StatusListInvalid: 'STATUS_LIST_INVALID',
} as const;
export type CredentialProblemCode = (typeof CredentialProblemCode)[keyof typeof CredentialProblemCode];

export interface CredentialProblem {
  code: CredentialProblemCode;
  /** English, for logs and API clients; the portal shows its own text per code. */
  message: string;
}

export interface CertificateVerificationOptions {
  /** The DID documents this server trusts (its own); `undefined` for any other DID. */
  resolveDidDocument: DidDocumentResolver;
  /** The status list credential at a URL (the API reads its own from the database); `undefined` if none. */
  fetchStatusList: StatusListFetcher;
  /** Default now. */
  now?: Date;
  /** Tolerance for clocks that disagree, on `validFrom`/`validUntil`; default 300 s (as @digitalbazaar/vc). */
  maxClockSkewSeconds?: number;
}

export interface CertificateVerificationResult {
  valid: boolean;
  /** `revoked`: authentic, unaltered and in its validity period, but revoked. `invalid`: anything else. */
  status: 'valid' | 'revoked' | 'invalid';
  problems: CredentialProblem[];
  /** The credential as parsed, once it had the shape of one; its content is trustworthy only if `valid`. */
  credential?: CertificateCredential;
}

const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022';

/**
 * Verifies an uploaded certificate credential: shape, validity period, the `eddsa-rdfc-2022` proof
 * against the issuer's DID document (which the caller resolves: only our own issuer is known), then the
 * revocation bit in its Bitstring Status List (itself verified). Takes any JSON value and never throws:
 * every failure is a problem with a stable code, and all problems found are reported, not just the first.
 */
export async function verifyCertificateCredential(
  input: unknown,
  options: CertificateVerificationOptions,
): Promise<CertificateVerificationResult> {
  try {
    return await verify(input, options);
  } catch (error) {
    // Only a bug (or a library surprise) gets here: say so rather than crash the request.
    return result([problem('MALFORMED', `The credential could not be verified: ${errorMessage(error)}`)]);
  }
}

async function verify(
  input: unknown,
  options: CertificateVerificationOptions,
): Promise<CertificateVerificationResult> {
  const now = options.now ?? new Date();
  const skewMs = (options.maxClockSkewSeconds ?? 300) * 1000;

  // A JSON round trip: the library code below then sees plain data only (no getters, prototypes, cycles).
  let parsed: unknown;
  try {
    parsed = JSON.parse(JSON.stringify(input) ?? 'null');
  } catch {
    return result([problem('MALFORMED', 'The credential is not JSON data')]);
  }
  const shapeProblems = credentialShapeProblems(parsed);
  if (shapeProblems.length > 0) return result(shapeProblems);
  const credential = parsed as CertificateCredential;

  const problems: CredentialProblem[] = [];
  if (Date.parse(credential.validFrom) - skewMs > now.getTime()) {
    problems.push(problem('NOT_YET_VALID', `The credential is valid only from ${credential.validFrom}`));
  }
  if (credential.validUntil !== undefined && Date.parse(credential.validUntil) + skewMs < now.getTime()) {
    problems.push(problem('EXPIRED', `The credential expired at ${credential.validUntil}`));
  }

  const documentLoader = createDocumentLoader({ resolveDidDocument: options.resolveDidDocument });
  const signature = await verifyCredential({
    credential,
    suite: verifyingSuite(),
    documentLoader,
    // Status is checked below, with its own problem codes and the caller's fetcher.
    checkStatus: () => Promise.resolve({ verified: true }),
    now,
    // Dates are checked above, each with its own code; an infinite skew turns off the library's check,
    // which would otherwise stop before the signature is even looked at.
    maxClockSkew: Infinity,
  });
  if (!signature.verified) {
    problems.push(signatureProblem(signature));
    return result(problems, credential);
  }

  problems.push(...(await statusProblems(credential, options, documentLoader, now)));
  return result(problems, credential);
}

function credentialShapeProblems(value: unknown): CredentialProblem[] {
  const credential = asRecord(value);
  if (credential === undefined) return [problem('MALFORMED', 'A credential must be a JSON object')];

  const problems: string[] = [];
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT_URL) {
    problems.push(`"@context" must be an array starting with ${VC_V2_CONTEXT_URL} (a VC 2.0 credential)`);
  } else if (!context.every((entry) => typeof entry === 'string')) {
    problems.push('"@context" must list context URLs only (embedded contexts are not accepted)');
  }
  const types = typeof credential.type === 'string' ? [credential.type] : credential.type;
  if (
    !Array.isArray(types) ||
    !types.includes('VerifiableCredential') ||
    !types.includes('OpenBadgeCredential')
  ) {
    problems.push('"type" must include VerifiableCredential and OpenBadgeCredential');
  }
  const issuer = credential.issuer;
  if (typeof issuer !== 'string' && typeof asRecord(issuer)?.id !== 'string') {
    problems.push('"issuer" must be a DID or a profile with an "id"');
  }
  if (asRecord(credential.credentialSubject) === undefined)
    problems.push('"credentialSubject" must be an object');
  if (!isDateTimeStamp(credential.validFrom))
    problems.push('"validFrom" must be a date-time with a time zone');
  if (credential.validUntil !== undefined && !isDateTimeStamp(credential.validUntil)) {
    problems.push('"validUntil" must be a date-time with a time zone');
  }
  const proof = asRecord(credential.proof);
  if (proof === undefined) {
    problems.push('The credential has no proof (exactly one Data Integrity proof object is expected)');
  }
  if (problems.length > 0) return problems.map((message) => problem('MALFORMED', message));

  if (proof?.type !== 'DataIntegrityProof' || proof.cryptosuite !== EDDSA_RDFC_2022) {
    return [
      problem(
        'SIGNATURE_INVALID',
        `Only ${EDDSA_RDFC_2022} Data Integrity proofs are accepted, not ${String(proof?.type)}/${String(proof?.cryptosuite)}`,
      ),
    ];
  }
  return [];
}

/** The most telling cause of a failed proof check, found in the library's nested errors. */
function signatureProblem(signature: VerifyCredentialResult): CredentialProblem {
  const errors = collectErrors([signature.error, ...(signature.results ?? []).map((entry) => entry.error)]);
  const loaderError = errors.find(
    (error): error is DocumentLoaderError => error instanceof DocumentLoaderError,
  );
  if (loaderError !== undefined) {
    switch (loaderError.code) {
      case DocumentLoaderErrorCode.UnknownIssuer:
        return problem('UNKNOWN_ISSUER', loaderError.message);
      case DocumentLoaderErrorCode.UnknownDocument:
        return problem(
          'UNKNOWN_CONTEXT',
          `The credential uses the JSON-LD context ${loaderError.url}, which is not one of the bundled contexts`,
        );
      case DocumentLoaderErrorCode.UnknownKey:
      case DocumentLoaderErrorCode.StatusUnavailable:
        return problem('SIGNATURE_INVALID', loaderError.message);
    }
  }
  // JSON-LD safe mode: a property no context defines would be dropped from what the proof covers.
  const undefinedTerm = errors.find((error) => error.name === 'jsonld.ValidationError');
  if (undefinedTerm !== undefined) {
    return problem(
      'MALFORMED',
      `The credential has content its JSON-LD contexts do not define: ${undefinedTerm.message}`,
    );
  }
  const first = errors.find((error) => !(error.name === 'VerificationError' && error.message === ''));
  return problem(
    'SIGNATURE_INVALID',
    `The signature does not match the credential's content${first === undefined ? '' : ` (${first.message})`}`,
  );
}

/** Every Error reachable through `errors`, `cause` and jsonld.js's `details.cause`, depth first. */
function collectErrors(roots: unknown[]): Error[] {
  const found: Error[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    // jsonld-signatures reports several failed proofs as an array of errors.
    if (Array.isArray(value)) return value.forEach(visit);
    if (!(value instanceof Error) || seen.has(value)) return;
    seen.add(value);
    found.push(value);
    const withNested = value as Error & { errors?: unknown; details?: { cause?: unknown } };
    if (Array.isArray(withNested.errors)) withNested.errors.forEach(visit);
    visit(withNested.cause);
    visit(withNested.details?.cause);
  };
  roots.forEach(visit);
  return found;
}

async function statusProblems(
  credential: CertificateCredential,
  options: CertificateVerificationOptions,
  documentLoader: DocumentLoader,
  now: Date,
): Promise<CredentialProblem[]> {
  const raw: unknown = credential.credentialStatus;
  if (raw === undefined) return [];
  // One entry: Hocvu issues exactly one, and a list of them would need a policy for mixed answers.
  const { type, statusPurpose, statusListIndex, statusListCredential: url } = asRecord(raw) ?? {};
  if (
    type !== 'BitstringStatusListEntry' ||
    statusPurpose !== 'revocation' ||
    typeof statusListIndex !== 'string' ||
    !/^\d{1,9}$/.test(statusListIndex) ||
    typeof url !== 'string'
  ) {
    return [problem('MALFORMED', '"credentialStatus" must be a revocation BitstringStatusListEntry')];
  }

  let fetched: unknown;
  try {
    fetched = await options.fetchStatusList(url);
  } catch (error) {
    return [
      problem('STATUS_UNAVAILABLE', `The status list ${url} could not be read: ${errorMessage(error)}`),
    ];
  }
  if (fetched === undefined || fetched === null) {
    return [problem('STATUS_UNAVAILABLE', `No status list is known at ${url}`)];
  }

  const issuerId = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
  const invalid = (reason: string): CredentialProblem[] => [
    problem('STATUS_LIST_INVALID', `The status list ${url} is not valid: ${reason}`),
  ];
  let list: Record<string, unknown> | undefined;
  try {
    list = asRecord(JSON.parse(JSON.stringify(fetched)));
  } catch {
    list = undefined;
  }
  const subject = asRecord(list?.credentialSubject);
  const listIssuer = typeof list?.issuer === 'string' ? list.issuer : asRecord(list?.issuer)?.id;
  if (list === undefined || !Array.isArray(list['@context']) || list['@context'][0] !== VC_V2_CONTEXT_URL) {
    return invalid('not a VC 2.0 credential');
  }
  if (!Array.isArray(list.type) || !list.type.includes('BitstringStatusListCredential')) {
    return invalid('not a BitstringStatusListCredential');
  }
  // The list must be the one the certificate names, from the same issuer: a valid list of some other
  // issuer (or another of ours) says nothing about this certificate.
  if (list.id !== url) return invalid(`its id is ${String(list.id)}`);
  if (listIssuer !== issuerId) return invalid(`it was issued by ${String(listIssuer)}, not by ${issuerId}`);
  if (subject?.type !== 'BitstringStatusList' || subject.statusPurpose !== 'revocation') {
    return invalid('its subject is not a revocation BitstringStatusList');
  }
  if (typeof subject.encodedList !== 'string') return invalid('it has no encodedList');

  const signature = await verifyCredential({
    credential: list,
    suite: verifyingSuite(),
    documentLoader,
    now,
  });
  if (!signature.verified) return invalid(signatureProblem(signature).message);

  let revoked: boolean;
  try {
    revoked = await statusBit(subject.encodedList, Number(statusListIndex));
  } catch (error) {
    return invalid(errorMessage(error));
  }
  return revoked ? [problem('REVOKED', 'The issuer has revoked this certificate')] : [];
}

function problem(code: CredentialProblemCode, message: string): CredentialProblem {
  return { code, message };
}

function result(
  problems: CredentialProblem[],
  credential?: CertificateCredential,
): CertificateVerificationResult {
  const status =
    problems.length === 0
      ? 'valid'
      : problems.every((entry) => entry.code === 'REVOKED')
        ? 'revoked'
        : 'invalid';
  return {
    valid: problems.length === 0,
    status,
    problems,
    ...(credential === undefined ? {} : { credential }),
  };
}
