import { formatQrToken, parseQrToken, qrPayload } from './community';

describe('learner QR tokens', () => {
  it('read back from the QR payload or from what a person types', () => {
    const token = 'AB12CD34EF56';
    expect(parseQrToken(qrPayload(token))).toBe(token);
    expect(parseQrToken(formatQrToken(token))).toBe(token);
    expect(formatQrToken(token)).toBe('AB12-CD34-EF56');
    expect(parseQrToken(' ab12 cd34-ef56 ')).toBe(token);
    // Letters that look like digits are read as the digits.
    expect(parseQrToken('ABI2-CD34-EF56')).toBe(token);
    expect(parseQrToken('hocvu:ab12cd34ef56')).toBe(token);
  });

  it('refuse what cannot be a token', () => {
    expect(parseQrToken('')).toBeNull();
    expect(parseQrToken('AB12CD34EF5')).toBeNull();
    expect(parseQrToken('AB12CD34EF56X')).toBeNull();
    expect(parseQrToken('AB12CD34EFU6')).toBeNull();
    expect(parseQrToken('https://example.com/AB12CD34EF56')).toBeNull();
    expect(parseQrToken('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
