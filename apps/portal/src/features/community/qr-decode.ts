import { parseQrToken } from '@hocvu/contracts';
import jsQR from 'jsqr';

/**
 * Reads a learner's attendance code from one camera frame (RGBA pixels), or null when the frame holds
 * no QR code or one that is not ours. jsQR is pure JavaScript: it runs the same on a cheap Android
 * phone as in the unit test, without the BarcodeDetector API most of them lack.
 */
export function decodeQrToken(pixels: Uint8ClampedArray, width: number, height: number): string | null {
  const code = jsQR(pixels, width, height, { inversionAttempts: 'attemptBoth' });
  return code ? parseQrToken(code.data) : null;
}
