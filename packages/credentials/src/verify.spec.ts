import { Socket } from 'node:net';

import { copy, STATUS_LIST_URL, TestIssuer } from '../test/builders';
import type { CertificateCredential } from './certificate-credential';
import { createDocumentLoader, DocumentLoaderError } from './document-loader';
import { generateIssuerKey, loadIssuerKey } from './issuer-key';
import { verifyCertificateCredential } from './verify';

/** The problem codes of a verification, for compact assertions. */
async function codes(credential: unknown, issuer: TestIssuer, now?: Date): Promise<string[]> {
  const result = await verifyCertificateCredential(credential, issuer.options(now ? { now } : {}));
  return result.problems.map((problem) => problem.code);
}

describe('verifying a certificate credential', () => {
  let issuer: TestIssuer;
  let credential: CertificateCredential;

  beforeAll(async () => {
    issuer = await TestIssuer.create();
    await issuer.publishStatusList([7]);
    credential = await issuer.issue();
  });

  it('accepts the credential as issued', async () => {
    const result = await verifyCertificateCredential(credential, issuer.options());
    expect(result).toEqual({ valid: true, status: 'valid', problems: [], credential });
  });

  it('accepts a credential with every optional field: all of them are defined by the contexts', async () => {
    const full = await issuer.issue({
      issuer: {
        did: issuer.key.controller,
        name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
        url: 'https://sokhcn.dienbien.gov.vn',
      },
      validUntil: '2031-10-10T00:00:00+07:00',
      name: 'Chứng nhận Bình dân học vụ số',
      learner: { name: 'Lò Văn Páo', citizenId: '011175012358' },
      achievement: {
        id: 'http://127.0.0.1:3000/khoa-hoc/vneid#chung-nhan',
        name: 'Sử dụng VNeID',
        description: 'Cài đặt, kích hoạt và dùng tài khoản định danh điện tử.',
        criteriaNarrative: 'Đạt bài kiểm tra cuối khoá.',
        achievementType: 'CertificateOfCompletion',
        humanCode: 'BDHVS-VNEID-01',
        inLanguage: 'vi',
      },
    });
    expect(await codes(full, issuer)).toEqual([]);
  });

  it('accepts it after a JSON round trip (upload), whatever the order of its properties', async () => {
    const reordered = Object.fromEntries(
      Object.entries(JSON.parse(JSON.stringify(credential)) as object).reverse(),
    );
    expect(await codes(reordered, issuer)).toEqual([]);
  });

  describe('an edited credential is invalid, with SIGNATURE_INVALID', () => {
    const edits: [string, (edited: CertificateCredential) => void][] = [
      [
        'the learner name',
        (edited) => (edited.credentialSubject.identifier[0].identityHash = 'Quàng Thị Hòa'),
      ],
      ['the achievement name', (edited) => (edited.credentialSubject.achievement.name = 'An toàn thông tin')],
      ['validFrom', (edited) => (edited.validFrom = '2026-09-10T09:30:00+07:00')],
      ['the serial', (edited) => (edited.credentialSubject.licenseNumber = 'DB-2026-000124')],
      ['the issuer name', (edited) => (edited.issuer.name = 'Bộ Khoa học và Công nghệ')],
      ['the status index', (edited) => (edited.credentialStatus.statusListIndex = '43')],
      ['the verification URL', (edited) => (edited.id = 'http://127.0.0.1:3000/xac-minh/DB-2026-000999')],
      [
        'one diacritic (Thị → Thi)',
        (edited) => (edited.credentialSubject.identifier[0].identityHash = 'Quàng Thi Hoa'),
      ],
      [
        'the name decomposed to NFD (same text on screen, other code points)',
        (edited) => {
          const subject = edited.credentialSubject.identifier[0];
          subject.identityHash = subject.identityHash.normalize('NFD');
        },
      ],
      ['the proof date', (edited) => (edited.proof.created = '2026-10-11T02:31:00Z')],
      ['the proof value', (edited) => (edited.proof.proofValue = `z${'1'.repeat(86)}`)],
    ];
    it.each(edits)('%s', async (_, edit) => {
      const edited = copy(credential);
      edit(edited);
      const result = await verifyCertificateCredential(edited, issuer.options());
      expect(result).toMatchObject({ valid: false, status: 'invalid' });
      expect(result.problems.map((problem) => problem.code)).toEqual(['SIGNATURE_INVALID']);
    });
  });

  it('rejects a property that no context defines (JSON-LD safe mode), not silently ignore it', async () => {
    const edited = copy(credential) as CertificateCredential & { grade?: string };
    edited.grade = 'Xuất sắc';
    const result = await verifyCertificateCredential(edited, issuer.options());
    expect(result.status).toBe('invalid');
    expect(result.problems).toEqual([
      { code: 'MALFORMED', message: expect.stringContaining('do not define') },
    ]);
  });

  it('rejects a credential signed by another key of the same DID that the DID document does not list', async () => {
    const impostor = await TestIssuer.create();
    const forged = await impostor.issue();
    const result = await verifyCertificateCredential(forged, issuer.options());
    expect(result.status).toBe('invalid');
    expect(result.problems).toEqual([
      { code: 'SIGNATURE_INVALID', message: expect.stringContaining('not listed in the DID document') },
    ]);
  });

  it('rejects a signature by a listed key that is swapped in for the real one', async () => {
    const impostor = await TestIssuer.create();
    // The forger's proof claims to be made by our key.
    const forged = copy(await impostor.issue());
    forged.proof.verificationMethod = issuer.key.id;
    expect(await codes(forged, issuer)).toEqual(['SIGNATURE_INVALID']);
  });

  it('reports an issuer it does not know as UNKNOWN_ISSUER', async () => {
    const stranger = await TestIssuer.create('did:web:truong-hoc.example.vn');
    await stranger.publishStatusList();
    const foreign = await stranger.issue({
      issuer: { did: 'did:web:truong-hoc.example.vn', name: 'Trường X' },
    });
    const result = await verifyCertificateCredential(foreign, issuer.options());
    expect(result.problems).toEqual([
      { code: 'UNKNOWN_ISSUER', message: expect.stringContaining('did:web:truong-hoc.example.vn') },
    ]);
  });

  it('says revoked when its bit is set in the status list', async () => {
    const revoked = await issuer.issue({
      status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 7 },
    });
    const result = await verifyCertificateCredential(revoked, issuer.options());
    expect(result).toMatchObject({ valid: false, status: 'revoked', problems: [{ code: 'REVOKED' }] });
    // Revoking re-signs the list; the same credential is then valid again only if its bit is cleared.
    await issuer.publishStatusList([]);
    expect(await codes(revoked, issuer)).toEqual([]);
    await issuer.publishStatusList([7]);
  });

  it('reports STATUS_LIST_INVALID when the status list itself was tampered with', async () => {
    const cleared = copy(issuer.statusLists.get(STATUS_LIST_URL)!);
    // Someone swaps in an all-clear list, keeping the real proof.
    const allClear = await (await TestIssuer.create()).publishStatusList([]);
    cleared.credentialSubject.encodedList = allClear.credentialSubject.encodedList;
    const revoked = await issuer.issue({
      status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 7 },
    });
    const result = await verifyCertificateCredential(revoked, {
      ...issuer.options(),
      fetchStatusList: () => cleared,
    });
    expect(result.status).toBe('invalid');
    expect(result.problems).toEqual([
      { code: 'STATUS_LIST_INVALID', message: expect.stringContaining('signature does not match') },
    ]);
  });

  it('reports STATUS_LIST_INVALID for a genuine list of another issuer or at another URL', async () => {
    const other = await TestIssuer.create('did:web:elsewhere.vn');
    const foreignList = await other.publishStatusList([]);
    expect(
      await verifyCertificateCredential(credential, {
        ...issuer.options(),
        fetchStatusList: () => foreignList,
      }),
    ).toMatchObject({ status: 'invalid', problems: [{ code: 'STATUS_LIST_INVALID' }] });

    const otherUrl = await issuer.publishStatusList([], 'http://127.0.0.1:3000/api/credentials/status/2');
    expect(
      await verifyCertificateCredential(credential, { ...issuer.options(), fetchStatusList: () => otherUrl }),
    ).toMatchObject({ status: 'invalid', problems: [{ code: 'STATUS_LIST_INVALID' }] });
    issuer.statusLists.delete('http://127.0.0.1:3000/api/credentials/status/2');
  });

  it('reports STATUS_UNAVAILABLE when the list cannot be had', async () => {
    for (const fetchStatusList of [
      () => undefined,
      () => {
        throw new Error('database down');
      },
    ]) {
      const result = await verifyCertificateCredential(credential, { ...issuer.options(), fetchStatusList });
      expect(result).toMatchObject({
        valid: false,
        status: 'invalid',
        problems: [{ code: 'STATUS_UNAVAILABLE' }],
      });
    }
  });

  it('refuses a credential naming an unknown context, without fetching it', async () => {
    const url = 'https://evil.example/contexts/extra.jsonld';
    // The loader verification uses throws for that URL, naming it...
    await expect(createDocumentLoader()(url)).rejects.toBeInstanceOf(DocumentLoaderError);
    // ...and verification turns that into an invalid result; no connection is opened (every TCP client,
    // node:http, undici or fetch, goes through Socket#connect).
    const connectSpy = jest.spyOn(Socket.prototype, 'connect');
    const edited = copy(credential);
    edited['@context'] = [...edited['@context'], url];
    const result = await verifyCertificateCredential(edited, issuer.options());
    expect(result.status).toBe('invalid');
    expect(result.problems).toEqual([{ code: 'UNKNOWN_CONTEXT', message: expect.stringContaining(url) }]);
    expect(connectSpy).not.toHaveBeenCalled();
    connectSpy.mockRestore();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'DB-2026-000123'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an empty object', {}],
    [
      'a VC 1.1 credential',
      { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'] },
    ],
    ['an embedded context', { '@context': ['https://www.w3.org/ns/credentials/v2', { x: 'urn:x' }] }],
  ])('answers MALFORMED for %s, without throwing', async (_, input) => {
    const result = await verifyCertificateCredential(input, issuer.options());
    expect(result.valid).toBe(false);
    expect(result.status).toBe('invalid');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((problem) => problem.code === 'MALFORMED')).toBe(true);
    expect(result.credential).toBeUndefined();
  });

  it('answers MALFORMED for an unsigned credential and SIGNATURE_INVALID for an unsupported proof', async () => {
    const { proof, ...unsigned } = copy(credential);
    expect(await codes(unsigned, issuer)).toEqual(['MALFORMED']);
    expect(await codes({ ...unsigned, proof: { ...proof, cryptosuite: 'ecdsa-rdfc-2019' } }, issuer)).toEqual(
      ['SIGNATURE_INVALID'],
    );
    const cyclic: Record<string, unknown> = { ...unsigned };
    cyclic.self = cyclic;
    expect(await codes(cyclic, issuer)).toEqual(['MALFORMED']);
  });

  it('checks the validity period with its own codes, and still checks the signature', async () => {
    const future = await issuer.issue({ validFrom: '2027-01-01T00:00:00+07:00' });
    expect(await codes(future, issuer)).toEqual(['NOT_YET_VALID']);
    const expiring = await issuer.issue({ validUntil: '2026-10-31T00:00:00+07:00' });
    expect(await codes(expiring, issuer)).toEqual(['EXPIRED']);
    expect(await codes(expiring, issuer, new Date('2026-10-20T00:00:00Z'))).toEqual([]);
    const edited = copy(future);
    edited.credentialSubject.licenseNumber = 'DB-2026-000999';
    expect(await codes(edited, issuer)).toEqual(['NOT_YET_VALID', 'SIGNATURE_INVALID']);
  });

  it('keeps verifying credentials of a rotated key while the DID document lists it', async () => {
    const rotating = await TestIssuer.create();
    await rotating.publishStatusList();
    const oldCredential = await rotating.issue();
    const newKey = await loadIssuerKey(await generateIssuerKey(rotating.key.controller));
    rotating.listKeys(newKey, rotating.key).signWith(newKey);
    const newCredential = await rotating.issue();

    expect(newCredential.proof.verificationMethod).toBe(newKey.id);
    expect(await codes(oldCredential, rotating)).toEqual([]);
    expect(await codes(newCredential, rotating)).toEqual([]);

    // Retiring the old key (e.g. after a leak) invalidates what it signed, status lists included:
    // re-sign them with the new key first.
    rotating.listKeys(newKey);
    expect(await codes(oldCredential, rotating)).toEqual(['SIGNATURE_INVALID']);
    expect(await codes(newCredential, rotating)).toEqual(['STATUS_LIST_INVALID']);
    await rotating.publishStatusList();
    expect(await codes(newCredential, rotating)).toEqual([]);
  });
});
