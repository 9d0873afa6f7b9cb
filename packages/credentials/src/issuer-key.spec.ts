import { didDocument, generateIssuerKey, loadIssuerKey, publicIssuerKey } from './issuer-key';

const did = 'did:web:127.0.0.1%3A3000';

describe('issuer keys', () => {
  it('generates a serialisable Ed25519 Multikey whose id is its fingerprint under the DID', async () => {
    const key = await generateIssuerKey(did);
    expect(key).toEqual({
      id: `${did}#${key.publicKeyMultibase}`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
      secretKeyMultibase: expect.stringMatching(/^z/),
    });
    // JSON round trip: what the secret store holds is enough to sign again.
    const loaded = await loadIssuerKey(JSON.parse(JSON.stringify(key)));
    expect(loaded.publicKey).toEqual(publicIssuerKey(key));
    expect(loaded.id).toBe(key.id);
  });

  it('never shows the secret when a loaded key is logged or serialised', async () => {
    const key = await generateIssuerKey(did);
    const loaded = await loadIssuerKey(key);
    expect(JSON.stringify(loaded)).not.toContain(key.secretKeyMultibase);
    expect(Object.values(loaded)).not.toContain(key.secretKeyMultibase);
  });

  it('refuses keys that are not Ed25519 Multikeys or whose halves do not match', async () => {
    const key = await generateIssuerKey(did);
    const other = await generateIssuerKey(did);
    await expect(loadIssuerKey(null)).rejects.toThrow(/serialised Ed25519 Multikey/);
    await expect(loadIssuerKey({ ...key, type: 'JsonWebKey' })).rejects.toThrow(
      /serialised Ed25519 Multikey/,
    );
    await expect(loadIssuerKey({ ...key, secretKeyMultibase: 'zNotAKey' })).rejects.toThrow(/not a valid/);
    await expect(loadIssuerKey({ ...key, secretKeyMultibase: other.secretKeyMultibase })).rejects.toThrow(
      /do not belong together/,
    );
    await expect(loadIssuerKey({ ...key, id: 'did:web:elsewhere.vn#k' })).rejects.toThrow(
      /fragment of its controller/,
    );
    // The message never repeats the secret.
    const error = await loadIssuerKey({ ...key, secretKeyMultibase: other.secretKeyMultibase }).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).not.toContain(other.secretKeyMultibase);
  });

  it('builds a DID document with Multikey verification methods allowed to assert credentials', async () => {
    const oldKey = await generateIssuerKey(did);
    const newKey = await loadIssuerKey(await generateIssuerKey(did));
    const document = didDocument(did, [newKey, oldKey]);
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        {
          id: newKey.id,
          type: 'Multikey',
          controller: did,
          publicKeyMultibase: newKey.publicKey.publicKeyMultibase,
        },
        { id: oldKey.id, type: 'Multikey', controller: did, publicKeyMultibase: oldKey.publicKeyMultibase },
      ],
      assertionMethod: [newKey.id, oldKey.id],
    });
    expect(JSON.stringify(document)).not.toContain(oldKey.secretKeyMultibase);
  });

  it("refuses a DID document without keys, with another DID's key or with a key twice", async () => {
    const key = await generateIssuerKey(did);
    const foreign = await generateIssuerKey('did:web:elsewhere.vn');
    expect(() => didDocument(did, [])).toThrow(/at least one key/);
    expect(() => didDocument(did, [foreign])).toThrow(/not to did:web:127/);
    expect(() => didDocument(did, [key, key])).toThrow(/once/);
    expect(() => didDocument('did:key:z6Mk', [key])).toThrow(/did:web/);
  });
});
