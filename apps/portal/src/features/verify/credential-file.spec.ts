import { describe, expect, it } from '@jest/globals';

import { normaliseSerial, parseCredentialText, problemCodes } from './credential-file';

describe('an uploaded credential file', () => {
  it('is read as the JSON object it holds', () => {
    expect(parseCredentialText('{"type":["VerifiableCredential"],"id":"x"}')).toEqual({
      ok: true,
      credential: { type: ['VerifiableCredential'], id: 'x' },
    });
  });

  it('tolerates a byte-order mark and surrounding blank lines', () => {
    expect(parseCredentialText('\uFEFF\n  {"a":1}\n')).toEqual({ ok: true, credential: { a: 1 } });
  });

  it('is refused, without asking the server, when it is not a JSON object', () => {
    expect(parseCredentialText('%PDF-1.7 …')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseCredentialText('[1,2]')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseCredentialText('"text"')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseCredentialText('null')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseCredentialText('{"a":')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseCredentialText('   ')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('a serial typed from paper', () => {
  it('is tidied into the printed form', () => {
    expect(normaliseSerial(' db-2026-000123 ')).toBe('DB-2026-000123');
    expect(normaliseSerial('DB – 2026 – 000123')).toBe('DB-2026-000123');
    expect(normaliseSerial('DB 2026-000123')).toBeNull();
  });

  it('is refused when it cannot be a serial', () => {
    expect(normaliseSerial('')).toBeNull();
    expect(normaliseSerial('DB-2026-12')).toBeNull();
    expect(normaliseSerial('../etc/passwd')).toBeNull();
  });
});

describe('problems reported about a credential', () => {
  it('are explained once each, in order, unknown ones in general words', () => {
    expect(
      problemCodes([
        { code: 'SIGNATURE_INVALID' },
        { code: 'REVOKED' },
        { code: 'SIGNATURE_INVALID' },
        { code: 'SOMETHING_NEW' },
        { code: 'ANOTHER_NEW' },
      ]),
    ).toEqual(['SIGNATURE_INVALID', 'REVOKED', 'OTHER']);
    expect(problemCodes([])).toEqual([]);
  });
});
