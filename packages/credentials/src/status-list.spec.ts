import { gunzipSync } from 'node:zlib';

import { DID, STATUS_LIST_URL, TestIssuer } from '../test/builders';
import { createStatusListCredential, revokedIndexes, STATUS_LIST_LENGTH, statusBit } from './status-list';

describe('status list credential', () => {
  it('is a signed VC 2.0 BitstringStatusListCredential for revocation', async () => {
    const issuer = await TestIssuer.create();
    const list = await issuer.publishStatusList([3]);
    expect(list).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: STATUS_LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: DID,
      validFrom: '2026-10-01T00:00:00Z',
      credentialSubject: {
        id: `${STATUS_LIST_URL}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: expect.stringMatching(/^u[A-Za-z0-9_-]+$/),
      },
      proof: expect.objectContaining({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        verificationMethod: issuer.key.id,
      }),
    });
  });

  it('encodes the list per the spec: multibase base64url (u) of the GZIP of the bits, index 0 leftmost', async () => {
    const issuer = await TestIssuer.create();
    const revoked = [0, 9, 42, STATUS_LIST_LENGTH - 1];
    const list = await issuer.publishStatusList(revoked);
    // Decoded here with Node's zlib, independently of the libraries that encoded it.
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBe(STATUS_LIST_LENGTH / 8);
    const set: number[] = [];
    bits.forEach((byte, index) => {
      for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) set.push(index * 8 + bit);
    });
    expect(set).toEqual(revoked);
    expect(await revokedIndexes(list.credentialSubject.encodedList)).toEqual(revoked);
    expect(await statusBit(list.credentialSubject.encodedList, 42)).toBe(true);
    expect(await statusBit(list.credentialSubject.encodedList, 43)).toBe(false);
    await expect(statusBit(list.credentialSubject.encodedList, STATUS_LIST_LENGTH)).rejects.toThrow(
      RangeError,
    );
    // An empty list of the spec's minimum size stays small enough to serve on every verification.
    expect((await issuer.publishStatusList([])).credentialSubject.encodedList.length).toBeLessThan(200);
  });

  it('refuses indexes outside the list and keys of another issuer', async () => {
    const issuer = await TestIssuer.create();
    const other = await TestIssuer.create('did:web:elsewhere.vn');
    const input = { id: STATUS_LIST_URL, issuer: DID, revokedIndexes: [8], length: 8 };
    await expect(createStatusListCredential(input, issuer.key)).rejects.toThrow(/outside 0…7/);
    await expect(createStatusListCredential({ ...input, length: 0 }, issuer.key)).rejects.toThrow(/positive/);
    await expect(createStatusListCredential({ ...input, revokedIndexes: [] }, other.key)).rejects.toThrow(
      /not to the issuer/,
    );
  });
});
