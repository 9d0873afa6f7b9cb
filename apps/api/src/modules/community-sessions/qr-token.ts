import { QR_TOKEN_ALPHABET, QR_TOKEN_LENGTH } from '@hocvu/contracts';
import { randomInt } from 'node:crypto';

/** A fresh learner QR token (format and reasons in packages/contracts/src/community.ts). */
export function newQrToken(): string {
  let token = '';
  for (let index = 0; index < QR_TOKEN_LENGTH; index += 1) {
    token += QR_TOKEN_ALPHABET[randomInt(QR_TOKEN_ALPHABET.length)];
  }
  return token;
}
