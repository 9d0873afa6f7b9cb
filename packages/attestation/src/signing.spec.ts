import { compactVerify, importJWK, type JWK } from 'jose';

import type { CompletionRecord } from './completion-record';
import {
  ATTESTATION_JWS_TYPE,
  attestationKeyId,
  generateAttestationKeyPair,
  importAttestationSigningKey,
  publicAttestationJwk,
  signCompletionRecord,
} from './signing';

const record: CompletionRecord = {
  citizenId: '011175012358',
  fullName: 'Quàng Thị Hoa',
  birthDate: '1975-09-02',
  courseCode: 'BDHVS-THANH-TOAN-01',
  courseTitle: 'Thanh toán không dùng tiền mặt',
  completedAt: '2026-10-10T09:30:00+07:00',
  certificateSerial: 'DB-2026-000124',
  issuer: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
};

describe('attestation signing', () => {
  it('generates an Ed25519 pair whose key id is the public key thumbprint', async () => {
    const pair = await generateAttestationKeyPair();
    expect(pair.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: pair.privateJwk.x, kid: pair.keyId });
    expect(pair.privateJwk.d).toEqual(expect.any(String));
    expect(await attestationKeyId(pair.publicJwk)).toBe(pair.keyId);
    expect(await publicAttestationJwk(pair.privateJwk)).toEqual(pair.publicJwk);
  });

  it('signs the canonical record as an EdDSA compact JWS the public key verifies', async () => {
    const pair = await generateAttestationKeyPair();
    const key = await importAttestationSigningKey(pair.privateJwk);
    const jws = await signCompletionRecord(record, key, pair.keyId);

    const verified = await compactVerify(jws, await importJWK(pair.publicJwk as JWK, 'EdDSA'));
    expect(verified.protectedHeader).toEqual({ alg: 'EdDSA', typ: ATTESTATION_JWS_TYPE, kid: pair.keyId });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(record);
    // Deterministic: a retry sends the very same token.
    expect(await signCompletionRecord({ ...record }, key, pair.keyId)).toBe(jws);
  });

  it('refuses a key that is not a private Ed25519 JWK', async () => {
    const pair = await generateAttestationKeyPair();
    await expect(importAttestationSigningKey(pair.publicJwk)).rejects.toThrow(/private Ed25519 JWK/);
  });
});
