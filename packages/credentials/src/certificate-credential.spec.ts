import { aCertificateInput, DID, STATUS_LIST_URL, TestIssuer } from '../test/builders';
import {
  certificateDetails,
  identityHash,
  issueCertificateCredential,
  unsignedCertificateCredential,
} from './certificate-credential';
import { generateIssuerKey, loadIssuerKey } from './issuer-key';

describe('certificate credential', () => {
  it('is a VC 2.0 OpenBadgeCredential with an eddsa-rdfc-2022 proof by the issuer', async () => {
    const issuer = await TestIssuer.create();
    const credential = await issuer.issue();

    expect(credential).toEqual({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'http://127.0.0.1:3000/xac-minh/DB-2026-000123',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Chứng nhận hoàn thành: Thanh toán không dùng tiền mặt',
      issuer: { id: DID, type: ['Profile'], name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên' },
      validFrom: '2026-10-10T09:30:00+07:00',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Quàng Thị Hoa' },
        ],
        licenseNumber: 'DB-2026-000123',
        achievement: {
          id: 'http://127.0.0.1:3000/khoa-hoc/thanh-toan-khong-dung-tien-mat#chung-nhan',
          type: ['Achievement'],
          name: 'Thanh toán không dùng tiền mặt',
          description: 'Sử dụng ví điện tử, chuyển khoản và mã QR an toàn.',
          criteria: { narrative: 'Hoàn thành tất cả bài học và đạt bài kiểm tra cuối khoá.' },
          achievementType: 'Certificate',
          humanCode: 'BDHVS-THANH-TOAN-01',
          inLanguage: 'vi',
        },
      },
      credentialStatus: {
        id: `${STATUS_LIST_URL}#42`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '42',
        statusListCredential: STATUS_LIST_URL,
      },
      proof: {
        type: 'DataIntegrityProof',
        created: '2026-10-10T02:31:00Z',
        verificationMethod: issuer.key.id,
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{80,}$/),
      },
    });
    expect(certificateDetails(credential)).toEqual({
      verificationUrl: 'http://127.0.0.1:3000/xac-minh/DB-2026-000123',
      serial: 'DB-2026-000123',
      learnerName: 'Quàng Thị Hoa',
      achievementName: 'Thanh toán không dùng tiền mặt',
      issuerName: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
      validFrom: '2026-10-10T09:30:00+07:00',
    });
  });

  it('signs deterministically for the same input and proof date (a retried job issues the same credential)', async () => {
    const issuer = await TestIssuer.create();
    expect(await issuer.issue()).toEqual(await issuer.issue());
  });

  it('writes Vietnamese text in NFC whatever form it arrives in', async () => {
    const issuer = await TestIssuer.create();
    const decomposed = 'Quàng Thị Hoa'.normalize('NFD');
    expect(decomposed).not.toBe('Quàng Thị Hoa');
    const credential = await issuer.issue({
      learner: { name: decomposed },
      issuer: { did: DID, name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên'.normalize('NFD') },
    });
    expect(credential.credentialSubject.identifier[0]?.identityHash).toBe('Quàng Thị Hoa'.normalize('NFC'));
    expect(credential.issuer.name).toBe('Sở Khoa học và Công nghệ tỉnh Điện Biên'.normalize('NFC'));
  });

  it('never writes the citizen id in clear: a salted SHA-256 IdentityObject', () => {
    const citizenId = '011175012358';
    const credential = unsignedCertificateCredential(
      aCertificateInput({ learner: { name: 'Quàng Thị Hoa', citizenId, citizenIdSalt: 'a1b2c3' } }),
    );
    expect(JSON.stringify(credential)).not.toContain(citizenId);
    expect(credential.credentialSubject.identifier[1]).toEqual({
      type: 'IdentityObject',
      identityType: 'nationalIdentityNumber',
      hashed: true,
      identityHash: identityHash(citizenId, 'a1b2c3'),
      salt: 'a1b2c3',
    });
    // sha256("011175012358" + "a1b2c3"), computed independently.
    expect(identityHash(citizenId, 'a1b2c3')).toBe(
      'sha256$52c43ed20f6bedc8625010fca02fe374ea3ea34dcc68109ca138698764c27eaf',
    );
    // A random salt when none is given: two credentials do not share a hash.
    const withRandomSalt = unsignedCertificateCredential(
      aCertificateInput({ learner: { name: 'A', citizenId } }),
    );
    expect(withRandomSalt.credentialSubject.identifier[1]?.salt).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses input it cannot turn into a valid credential', async () => {
    const key = await loadIssuerKey(await generateIssuerKey(DID));
    const foreignKey = await loadIssuerKey(await generateIssuerKey('did:web:elsewhere.vn'));
    expect(() => unsignedCertificateCredential(aCertificateInput({ verificationUrl: 'xac-minh/1' }))).toThrow(
      /verificationUrl/,
    );
    expect(() => unsignedCertificateCredential(aCertificateInput({ serial: ' ' }))).toThrow(/serial/);
    expect(() => unsignedCertificateCredential(aCertificateInput({ validFrom: '2026-10-10' }))).toThrow(
      /time zone/,
    );
    expect(() =>
      unsignedCertificateCredential(
        aCertificateInput({ status: { statusListCredential: STATUS_LIST_URL, statusListIndex: -1 } }),
      ),
    ).toThrow(/statusListIndex/);
    await expect(issueCertificateCredential(aCertificateInput(), foreignKey)).rejects.toThrow(
      /not to the issuer/,
    );
    await expect(
      issueCertificateCredential(aCertificateInput({ issuer: { did: 'did:key:z6Mk', name: 'X' } }), key),
    ).rejects.toThrow(/did:web/);
  });

  it('accepts a Date for validFrom and writes it in UTC', () => {
    const credential = unsignedCertificateCredential(
      aCertificateInput({ validFrom: new Date('2026-10-10T09:30:00+07:00') }),
    );
    expect(credential.validFrom).toBe('2026-10-10T02:30:00Z');
  });
});
