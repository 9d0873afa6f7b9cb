import { type AttestationAdapter, type Ed25519Jwk, HttpAttestationAdapter } from '@hocvu/attestation';
import { FieldCipher } from '@hocvu/server-kit';
import { Logger, Provider } from '@nestjs/common';

import { WorkerConfig } from '../../config/worker-config';
import { CircuitBreaker } from './circuit-breaker';

/** The VNeID attestation adapter, or null when attestations are off (no URL or no key configured). */
export const ATTESTATION_ADAPTER = Symbol('ATTESTATION_ADAPTER');

export const attestationAdapterProvider: Provider = {
  provide: ATTESTATION_ADAPTER,
  inject: [WorkerConfig],
  useFactory: (config: WorkerConfig): AttestationAdapter | null => {
    const logger = new Logger('Attestations');
    if (config.VNEID_ATTESTATION_URL === '') {
      logger.warn('VNEID_ATTESTATION_URL is empty: attestations wait as pending until it is set');
      return null;
    }
    if (config.VNEID_ATTESTATION_SIGNING_KEY === '') {
      const message =
        'VNEID_ATTESTATION_SIGNING_KEY is empty: set it to the private Ed25519 JWK whose public half VNeID trusts (npm start makes one)';
      if (config.NODE_ENV === 'production') throw new Error(message);
      logger.warn(`${message}; attestations wait as pending`);
      return null;
    }
    let signingKey: Ed25519Jwk;
    try {
      signingKey = JSON.parse(config.VNEID_ATTESTATION_SIGNING_KEY) as Ed25519Jwk;
    } catch {
      throw new Error('VNEID_ATTESTATION_SIGNING_KEY is not JSON (a private Ed25519 JWK)');
    }
    const header = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(config.VNEID_ATTESTATION_HEADER);
    if (config.VNEID_ATTESTATION_HEADER !== '' && !header) {
      throw new Error('VNEID_ATTESTATION_HEADER must read "Name: value"');
    }
    return new HttpAttestationAdapter({
      baseUrl: config.VNEID_ATTESTATION_URL,
      signingKey,
      timeoutMs: config.VNEID_ATTESTATION_TIMEOUT_MS,
      ...(header ? { headers: { [header[1]]: header[2] } } : {}),
    });
  },
};

export const circuitBreakerProvider: Provider = {
  provide: CircuitBreaker,
  inject: [WorkerConfig],
  useFactory: (config: WorkerConfig) =>
    new CircuitBreaker(config.ATTESTATION_BREAKER_THRESHOLD, config.ATTESTATION_BREAKER_COOLDOWN_MS),
};

export const fieldCipherProvider: Provider = {
  provide: FieldCipher,
  inject: [WorkerConfig],
  useFactory: (config: WorkerConfig) =>
    new FieldCipher(
      config.DATA_ENCRYPTION_KEYS,
      config.DATA_ENCRYPTION_ACTIVE_KEY_ID,
      config.DATA_LOOKUP_KEY_ID,
    ),
};
