import { issue } from '@digitalbazaar/vc';
import { createHash, randomBytes } from 'node:crypto';

import { OPEN_BADGES_CONTEXT_URL, VC_V2_CONTEXT_URL } from './contexts';
import { isDidWeb } from './did-web';
import { createDocumentLoader } from './document-loader';
import type { IssuerKey } from './issuer-key';
import { normalizeStrings, toDateTimeStamp } from './json';
import { signingSuite } from './suite';

/** What the worker knows about a certificate when it issues its credential. */
export interface CertificateCredentialInput {
  /**
   * The certificate's public verification page, e.g. `https://hocvu.dienbien.gov.vn/xac-minh/DB-2026-000123`.
   * Becomes the credential's `id`; printed as a QR code on the PDF.
   */
  verificationUrl: string;
  /** Human serial printed on the certificate, e.g. `DB-2026-000123`: `credentialSubject.licenseNumber`. */
  serial: string;
  issuer: {
    /** did:web of the installation (`issuerDid(publicBaseUrl)`); must be the signing key's controller. */
    did: string;
    /** e.g. "Sở Khoa học và Công nghệ tỉnh Điện Biên". */
    name: string;
    /** Public web page of the issuing body, if any. */
    url?: string;
  };
  /** When the certificate takes effect: the completion being certified. */
  validFrom: Date | string;
  /** Omit for certificates that do not expire (the campaign's do not). */
  validUntil?: Date | string;
  /** Title shown by wallets; defaults to "Chứng nhận hoàn thành: <achievement name>". */
  name?: string;
  learner: {
    /** Full name as printed on the certificate, e.g. "Quàng Thị Hoa". */
    name: string;
    /**
     * Citizen id (CCCD), only when a verifier must be able to match it. Never written in clear: the
     * credential carries `sha256$hex(citizenId + salt)` and the salt, per OB 3.0's IdentityObject. A
     * 12-digit number behind a published salt can be found by brute force with enough computing power,
     * so leave it out unless it is needed.
     */
    citizenId?: string;
    /** Salt for the citizen id hash; random (16 bytes, hex) when omitted. */
    citizenIdSalt?: string;
  };
  /** The course's achievement: the same for every learner of the course. */
  achievement: {
    /** Stable URL of the achievement, e.g. `<base>/khoa-hoc/<slug>#chung-nhan`. */
    id: string;
    name: string;
    description: string;
    /** How it is earned, e.g. "Hoàn thành tất cả bài học và đạt bài kiểm tra cuối khoá." */
    criteriaNarrative: string;
    /** OB 3.0 achievement type; default `Certificate`. */
    achievementType?: string;
    /** Course code, e.g. `BDHVS-THANH-TOAN-01`. */
    humanCode?: string;
    /** BCP 47 language of the texts; default `vi`. */
    inLanguage?: string;
  };
  /** Where this certificate's revocation bit lives (see `createStatusListCredential`). */
  status: { statusListCredential: string; statusListIndex: number };
}

/** OB 3.0 IdentityObject: one way of identifying the learner (the subject has no DID). */
export interface IdentityObject {
  type: 'IdentityObject';
  identityType: string;
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface DataIntegrityProofValue {
  type: 'DataIntegrityProof';
  cryptosuite: string;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
}

/** The signed credential `issueCertificateCredential` returns (and what verification reads). */
export interface CertificateCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: { id: string; type: string[]; name: string; url?: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    type: string[];
    identifier: IdentityObject[];
    licenseNumber: string;
    achievement: {
      id: string;
      type: string[];
      name: string;
      description: string;
      criteria: { narrative: string };
      achievementType: string;
      humanCode?: string;
      inLanguage: string;
    };
  };
  credentialStatus: {
    id: string;
    type: 'BitstringStatusListEntry';
    statusPurpose: 'revocation';
    statusListIndex: string;
    statusListCredential: string;
  };
  proof: DataIntegrityProofValue;
}

export interface IssueOptions {
  /** The proof's `created`; default now. Fixing it makes a retry produce the very same credential. */
  created?: Date;
}

/** Contexts only: signing resolves no DID. One loader for all issuance (jsonld.js caches by URL anyway). */
const issuanceLoader = createDocumentLoader();

/**
 * Signs a certificate as a W3C VC 2.0 Open Badges 3.0 `OpenBadgeCredential` with an `eddsa-rdfc-2022`
 * Data Integrity proof. Every string is NFC-normalised first, and canonicalisation runs in JSON-LD safe
 * mode, so a term no context defines fails here rather than being silently left out of the signature.
 */
export async function issueCertificateCredential(
  input: CertificateCredentialInput,
  key: IssuerKey,
  options: IssueOptions = {},
): Promise<CertificateCredential> {
  const credential = unsignedCertificateCredential(input);
  if (key.controller !== credential.issuer.id) {
    throw new TypeError(
      `The key ${key.id} belongs to ${key.controller}, not to the issuer ${credential.issuer.id}`,
    );
  }
  const suite = signingSuite(key, options.created ?? new Date());
  const signed = await issue({ credential, suite, documentLoader: issuanceLoader });
  return signed as unknown as CertificateCredential;
}

/** The credential before signing (exported for tests and for previewing). */
export function unsignedCertificateCredential(
  input: CertificateCredentialInput,
): Omit<CertificateCredential, 'proof'> {
  const normalized = normalizeStrings(input);
  const { issuer, learner, achievement, status } = normalized;
  if (!isDidWeb(issuer.did)) throw new TypeError(`The issuer must be a did:web DID, not ${issuer.did}`);
  assertUrl(normalized.verificationUrl, 'verificationUrl');
  assertUrl(achievement.id, 'achievement.id');
  assertUrl(status.statusListCredential, 'status.statusListCredential');
  assertText(normalized.serial, 'serial');
  assertText(learner.name, 'learner.name');
  assertText(achievement.name, 'achievement.name');
  if (!Number.isSafeInteger(status.statusListIndex) || status.statusListIndex < 0) {
    throw new TypeError(
      `status.statusListIndex must be a non-negative integer, not ${status.statusListIndex}`,
    );
  }

  const identifier: IdentityObject[] = [
    // OB 3.0 has no `name` on AchievementSubject; an IdentityObject of type "name" is its way to name the learner.
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name },
  ];
  if (learner.citizenId !== undefined) {
    const salt = learner.citizenIdSalt ?? randomBytes(16).toString('hex');
    identifier.push({
      type: 'IdentityObject',
      identityType: 'nationalIdentityNumber',
      hashed: true,
      identityHash: identityHash(learner.citizenId, salt),
      salt,
    });
  }

  const credential: Omit<CertificateCredential, 'proof'> = {
    '@context': [VC_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL],
    id: normalized.verificationUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: normalized.name ?? `Chứng nhận hoàn thành: ${achievement.name}`,
    issuer: {
      id: issuer.did,
      type: ['Profile'],
      name: issuer.name,
      ...(issuer.url === undefined ? {} : { url: issuer.url }),
    },
    validFrom: toDateTimeStamp(input.validFrom, 'validFrom'),
    ...(input.validUntil === undefined
      ? {}
      : { validUntil: toDateTimeStamp(input.validUntil, 'validUntil') }),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      // OB 3.0's "number issued with this credential": where the certificate's serial belongs.
      licenseNumber: normalized.serial,
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteriaNarrative },
        achievementType: achievement.achievementType ?? 'Certificate',
        ...(achievement.humanCode === undefined ? {} : { humanCode: achievement.humanCode }),
        inLanguage: achievement.inLanguage ?? 'vi',
      },
    },
    credentialStatus: {
      // An id of its own keeps the entry out of RDF blank-node hashing (cheaper canonicalisation).
      id: `${status.statusListCredential}#${status.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.statusListIndex),
      statusListCredential: status.statusListCredential,
    },
  };
  return normalizeStrings(credential);
}

/** OB 3.0 IdentityHash: `sha256$` + hex SHA-256 of the value followed by the salt. */
export function identityHash(value: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(value.normalize('NFC') + salt, 'utf8')
    .digest('hex')}`;
}

/** What a verification page shows of a certificate credential. */
export interface CertificateDetails {
  verificationUrl: string;
  serial: string;
  learnerName: string;
  achievementName: string;
  issuerName: string;
  validFrom: string;
}

/** Reads the displayed fields of a certificate credential (signed or not: check `verified` first). */
export function certificateDetails(credential: CertificateCredential): CertificateDetails {
  const learner = credential.credentialSubject.identifier.find(
    (entry) => entry.identityType === 'name' && !entry.hashed,
  );
  return {
    verificationUrl: credential.id,
    serial: credential.credentialSubject.licenseNumber,
    learnerName: learner?.identityHash ?? '',
    achievementName: credential.credentialSubject.achievement.name,
    issuerName: credential.issuer.name,
    validFrom: credential.validFrom,
  };
}

function assertUrl(value: string, field: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`${field} must be an absolute http(s) URL, not ${value}`);
  }
}

function assertText(value: string, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${field} must not be empty`);
}
