import { randomBytes } from 'node:crypto';

import { assertKeysReadDatabase, FieldCipher, FieldDecryptionError } from './field-cipher';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('FieldCipher', () => {
  it('round-trips Vietnamese text and never stores the plaintext', () => {
    const cipher = new FieldCipher(`a:${keyA}`, 'a', 'a');
    const stored = cipher.encrypt('1958-03-07');
    expect(stored).not.toContain('1958');
    expect(stored.startsWith('v1.a.')).toBe(true);
    expect(cipher.decrypt(stored)).toBe('1958-03-07');
  });

  it('uses a fresh IV so equal values encrypt differently', () => {
    const cipher = new FieldCipher(`a:${keyA}`, 'a', 'a');
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('decrypts values written under an older key after rotation', () => {
    const old = new FieldCipher(`a:${keyA}`, 'a', 'a');
    const rotated = new FieldCipher(`a:${keyA},b:${keyB}`, 'b', 'a');
    const stored = old.encrypt('Lò Văn Hùng');
    expect(rotated.decrypt(stored)).toBe('Lò Văn Hùng');
    expect(rotated.encrypt('y').startsWith('v1.b.')).toBe(true);
  });

  it('rejects tampered ciphertext', () => {
    const cipher = new FieldCipher(`a:${keyA}`, 'a', 'a');
    const parts = cipher.encrypt('2000-01-01').split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('refuses keys of the wrong size and a missing active key', () => {
    expect(() => new FieldCipher('a:c2hvcnQ=', 'a', 'a')).toThrow(/32 bytes/);
    expect(() => new FieldCipher(`a:${keyA}`, 'b', 'a')).toThrow(/not among/);
  });

  it('keeps look-up hashes when the active key rotates, and they are not the plain value', () => {
    const before = new FieldCipher(`a:${keyA}`, 'a', 'a');
    const after = new FieldCipher(`a:${keyA},b:${keyB}`, 'b', 'a');
    const hash = before.lookupHash('011068004127');
    expect(after.lookupHash('011068004127')).toBe(hash);
    expect(hash).not.toContain('011068004127');
    expect(before.lookupHash('011068004128')).not.toBe(hash);
    // Another look-up key gives other hashes (a stolen table cannot be matched without the key).
    expect(new FieldCipher(`b:${keyB}`, 'b', 'b').lookupHash('011068004127')).not.toBe(hash);
    expect(() => new FieldCipher(`a:${keyA}`, 'a', 'z')).toThrow(/Look-up key id/);
  });
});

describe('FieldCipher with the wrong keys', () => {
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('names the fix when the key of that id is another key', () => {
    const written = new FieldCipher(`k1:${key(1)}`, 'k1', 'k1').encrypt('1961-09-02');
    const other = new FieldCipher(`k1:${key(2)}`, 'k1', 'k1');
    expect(() => other.decrypt(written)).toThrow(FieldDecryptionError);
    expect(() => other.assertDecrypts(written)).toThrow(/another key/);
    expect(() => other.assertDecrypts(null)).not.toThrow();
  });

  it('names the fix when the key id is not configured', () => {
    const written = new FieldCipher(`old:${key(1)}`, 'old', 'old').encrypt('x');
    expect(() => new FieldCipher(`k1:${key(2)}`, 'k1', 'k1').decrypt(written)).toThrow(/add that key back/);
  });
});

describe('assertKeysReadDatabase', () => {
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
  const written = new FieldCipher(`k1:${key(1)}`, 'k1', 'k1').encrypt('011068004127');
  const db = { query: () => Promise.resolve([{ value: written }]) };

  it('passes with the keys the values were written with, and stops naming the fix with others', async () => {
    await expect(
      assertKeysReadDatabase(db, new FieldCipher(`k1:${key(1)}`, 'k1', 'k1')),
    ).resolves.toBeUndefined();
    await expect(assertKeysReadDatabase(db, new FieldCipher(`k1:${key(2)}`, 'k1', 'k1'))).rejects.toThrow(
      /another key/,
    );
  });
});
