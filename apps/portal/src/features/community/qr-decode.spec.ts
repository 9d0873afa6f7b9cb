import { qrPayload } from '@hocvu/contracts';
import { describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';

import { decodeQrToken } from './qr-decode';

/** A QR code drawn as a camera would see it: black modules on white, scaled up, with a quiet zone. */
function frameOf(text: string, scale = 6, margin = 4): { pixels: Uint8ClampedArray; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + margin * 2) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const offset = (((y + margin) * scale + dy) * size + (x + margin) * scale + dx) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
      }
    }
  }
  return { pixels, size };
}

describe('reading an attendance QR code from a camera frame', () => {
  it('finds the learner’s token in the code the "my QR" page draws', () => {
    const { pixels, size } = frameOf(qrPayload('AB12CD34EF56'));
    expect(decodeQrToken(pixels, size, size)).toBe('AB12CD34EF56');
  });

  it('ignores other QR codes (a certificate link) and frames without a code', () => {
    const certificate = frameOf('https://hocvu.example/verify/DB-2026-000123');
    expect(decodeQrToken(certificate.pixels, certificate.size, certificate.size)).toBeNull();
    const blank = new Uint8ClampedArray(100 * 100 * 4).fill(255);
    expect(decodeQrToken(blank, 100, 100)).toBeNull();
  });
});
