import { parseQrToken, QR_TOKEN_LENGTH } from '@hocvu/contracts';

import { newQrToken } from './qr-token';

describe('new learner QR tokens', () => {
  it('are 12 characters of the unambiguous alphabet, different every time, and parse back', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newQrToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(token).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${QR_TOKEN_LENGTH}}$`));
      expect(parseQrToken(token)).toBe(token);
    }
  });
});
