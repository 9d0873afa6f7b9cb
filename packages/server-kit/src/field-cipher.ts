import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts personal data (birth dates, later citizen ids) at rest with AES-256-GCM.
 *
 * Keys are configured as `kid:base64key` pairs; the active key encrypts, every listed key decrypts,
 * so keys can be rotated without rewriting old rows at once. The stored form is
 * `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts) so the key id travels with the value.
 *
 * Look-up hashes (to find a row by an encrypted value, e.g. a citizen id) use their own key, derived
 * from the key named by `lookupKeyId`: rotating the active encryption key must not change them.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly lookupKey: Buffer;

  constructor(
    keySpec: string,
    private readonly activeKeyId: string,
    /** Required, not defaulted to the active key: that one rotates, and look-up hashes must not. */
    lookupKeyId: string,
  ) {
    this.keys = parseKeySpec(keySpec);
    if (!this.keys.has(activeKeyId)) {
      throw new Error(`Active encryption key id "${activeKeyId}" is not among the configured keys`);
    }
    const base = this.keys.get(lookupKeyId);
    if (!base)
      throw new Error(
        `Look-up key id "${lookupKeyId}" is not among the configured keys: set DATA_LOOKUP_KEY_ID to the id of a key in DATA_ENCRYPTION_KEYS (keep that key listed for good)`,
      );
    this.lookupKey = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), 'hocvu lookup hash v1', 32));
  }

  encrypt(plaintext: string): string {
    const key = this.keys.get(this.activeKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', this.activeKeyId, b64(iv), b64(tag), b64(ciphertext)].join('.');
  }

  decrypt(stored: string): string {
    const [version, kid, iv, tag, ciphertext] = stored.split('.');
    if (version !== 'v1' || !kid || !iv || !tag || ciphertext === undefined) {
      throw new Error('Malformed encrypted value');
    }
    const key = this.keys.get(kid);
    if (!key) {
      throw new FieldDecryptionError(
        `A value was encrypted with key id "${kid}", which DATA_ENCRYPTION_KEYS does not list: add that key back`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new FieldDecryptionError(
        `A value encrypted with key id "${kid}" does not decrypt with the key of that id in DATA_ENCRYPTION_KEYS: ` +
          "the database was written with another key (another checkout's .env?). Use the original key, or a database of its own",
      );
    }
  }

  /**
   * Checks that a stored value decrypts with the configured keys, so a process started with the wrong
   * keys says so at start-up instead of failing on the first learner's profile.
   */
  assertDecrypts(stored: string | null | undefined): void {
    if (stored) this.decrypt(stored);
  }

  /** Keyed hash for equality look-ups on encrypted columns (stable across rotations of the active key). */
  lookupHash(value: string): string {
    return createHmac('sha256', this.lookupKey).update(value).digest('base64url');
  }
}

/**
 * At start-up, decrypts the newest encrypted birth date and citizen id in the database: a process
 * started with other DATA_ENCRYPTION_KEYS than the data was written with (another checkout's .env, a
 * lost key) stops with a message naming the fix, instead of failing on the first profile or attestation.
 */
export async function assertKeysReadDatabase(
  db: { query(sql: string): Promise<{ value: string }[]> },
  cipher: FieldCipher,
): Promise<void> {
  const rows = await db.query(
    `(SELECT birth_date_enc AS value FROM users WHERE birth_date_enc IS NOT NULL ORDER BY created_at DESC LIMIT 1)
     UNION ALL
     (SELECT citizen_id_enc FROM users WHERE citizen_id_enc IS NOT NULL ORDER BY created_at DESC LIMIT 1)`,
  );
  for (const row of rows) cipher.assertDecrypts(row.value);
}

/** Encrypted data that the configured keys cannot read; the message names the fix. */
export class FieldDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

export function parseKeySpec(keySpec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of keySpec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    if (separator <= 0) throw new Error('Each encryption key must be written as kid:base64key');
    const kid = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32) throw new Error(`Encryption key "${kid}" must be 32 bytes (base64 of 32 bytes)`);
    keys.set(kid, key);
  }
  if (keys.size === 0) throw new Error('No encryption key configured');
  return keys;
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64url');
}
