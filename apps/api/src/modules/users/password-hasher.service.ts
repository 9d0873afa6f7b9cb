import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with one of OWASP's equivalent parameter sets (12 MiB, 3 passes, 1 lane). Of those sets it
 * needs the least memory per concurrent hash, which keeps the API inside its RSS budget during
 * sign-in storms on campaign days (docs/performance.md); hashes carry their parameters, so these can
 * be raised later without breaking existing passwords.
 */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 12288, timeCost: 3, parallelism: 1 });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
