import {
  type CertificateCredential,
  type CertificateCredentialInput,
  type CertificateVerificationOptions,
  createStatusListCredential,
  didDocument,
  generateIssuerKey,
  issueCertificateCredential,
  issuerDid,
  type IssuerKey,
  loadIssuerKey,
  type StatusListCredential,
} from '../src';

export const BASE_URL = 'http://127.0.0.1:3000';
export const DID = issuerDid(BASE_URL);
export const STATUS_LIST_URL = `${BASE_URL}/api/credentials/status/1`;

/** A certificate for Quàng Thị Hoa, overridable field by field. */
export function aCertificateInput(
  overrides: Partial<CertificateCredentialInput> = {},
): CertificateCredentialInput {
  return {
    verificationUrl: `${BASE_URL}/xac-minh/DB-2026-000123`,
    serial: 'DB-2026-000123',
    issuer: { did: DID, name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên' },
    validFrom: '2026-10-10T09:30:00+07:00',
    learner: { name: 'Quàng Thị Hoa' },
    achievement: {
      id: `${BASE_URL}/khoa-hoc/thanh-toan-khong-dung-tien-mat#chung-nhan`,
      name: 'Thanh toán không dùng tiền mặt',
      description: 'Sử dụng ví điện tử, chuyển khoản và mã QR an toàn.',
      criteriaNarrative: 'Hoàn thành tất cả bài học và đạt bài kiểm tra cuối khoá.',
      humanCode: 'BDHVS-THANH-TOAN-01',
    },
    status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 42 },
    ...overrides,
  };
}

/** An issuer with keys, its DID document and status lists, and the verification options that know them. */
export class TestIssuer {
  readonly statusLists = new Map<string, StatusListCredential>();
  private readonly documentKeys: IssuerKey[];

  private constructor(private signingKey: IssuerKey) {
    this.documentKeys = [signingKey];
  }

  /** The key that signs credentials and status lists. */
  get key(): IssuerKey {
    return this.signingKey;
  }

  static async create(did = DID): Promise<TestIssuer> {
    return new TestIssuer(await loadIssuerKey(await generateIssuerKey(did)));
  }

  /** Keys the DID document lists (default: the signing key only). */
  listKeys(...keys: IssuerKey[]): this {
    this.documentKeys.splice(0, this.documentKeys.length, ...keys);
    return this;
  }

  /** Signs from now on with `key` (rotation), without changing the DID document. */
  signWith(key: IssuerKey): this {
    this.signingKey = key;
    return this;
  }

  issue(overrides: Partial<CertificateCredentialInput> = {}, key = this.key): Promise<CertificateCredential> {
    return issueCertificateCredential(aCertificateInput(overrides), key, {
      created: new Date('2026-10-10T02:31:00Z'),
    });
  }

  async publishStatusList(
    revokedIndexes: number[] = [],
    url = STATUS_LIST_URL,
  ): Promise<StatusListCredential> {
    const list = await createStatusListCredential(
      { id: url, issuer: this.key.controller, revokedIndexes, validFrom: '2026-10-01T00:00:00Z' },
      this.key,
    );
    this.statusLists.set(url, list);
    return list;
  }

  options(overrides: Partial<CertificateVerificationOptions> = {}): CertificateVerificationOptions {
    const did = this.key.controller;
    return {
      resolveDidDocument: (candidate) =>
        candidate === did ? didDocument(did, this.documentKeys) : undefined,
      fetchStatusList: (url) => this.statusLists.get(url),
      now: new Date('2026-11-01T00:00:00Z'),
      ...overrides,
    };
  }
}

/** A deep copy to tamper with. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
