import { ConfigError } from '@hocvu/server-kit';
import type { JWK } from 'jose';

import { parseMaintenance, randomSeed } from '../faults/fault-settings';
import type { SimulatorOptions } from '../simulator';
import type { VneidSimConfig } from './vneid-sim-config';

/**
 * Turns the validated environment into simulator options. The checks class-validator cannot express
 * (JSON keys, URL lists) are made here, and reported the same way: every problem, then exit.
 */
export function simulatorOptionsFromConfig(config: VneidSimConfig): SimulatorOptions {
  const problems: string[] = [];

  const redirectUris = config.VNEID_SIM_REDIRECT_URIS.split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  if (redirectUris.length === 0) problems.push('VNEID_SIM_REDIRECT_URIS: at least one redirect URI');
  for (const uri of redirectUris) {
    if (!/^https?:\/\/[^\s#]+$/.test(uri))
      problems.push(`VNEID_SIM_REDIRECT_URIS: ${uri} is not an http(s) URL`);
  }

  const trusted = parseKeys('VNEID_SIM_TRUSTED_JWKS', config.VNEID_SIM_TRUSTED_JWKS, problems);
  const signing = parseKeys('VNEID_SIM_SIGNING_JWKS', config.VNEID_SIM_SIGNING_JWKS, problems, true);
  if (signing?.some((key) => typeof key.d !== 'string')) {
    problems.push('VNEID_SIM_SIGNING_JWKS: keys must be private (with "d")');
  }

  const maintenance = parseMaintenance(config.VNEID_SIM_MAINTENANCE);
  if (maintenance === null) problems.push('VNEID_SIM_MAINTENANCE: not a readable date-time');
  const rates =
    config.VNEID_SIM_ERROR_RATE + config.VNEID_SIM_RATE_LIMIT_RATE + config.VNEID_SIM_TIMEOUT_RATE;
  if (rates > 1) {
    problems.push(
      'VNEID_SIM_ERROR_RATE + VNEID_SIM_RATE_LIMIT_RATE + VNEID_SIM_TIMEOUT_RATE: at most 1 together',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    host: config.VNEID_SIM_HOST,
    port: config.VNEID_SIM_PORT,
    issuer: config.VNEID_SIM_ISSUER || null,
    clients: [
      {
        clientId: config.VNEID_SIM_CLIENT_ID,
        clientSecret: config.VNEID_SIM_CLIENT_SECRET,
        redirectUris,
      },
    ],
    signingJwks: signing ? { keys: signing } : null,
    cookieSecret: config.VNEID_SIM_COOKIE_SECRET || null,
    testPassword: config.VNEID_SIM_TEST_PASSWORD,
    generatedCitizens: config.VNEID_SIM_GENERATED_CITIZENS,
    trustedJwks: trusted ?? [],
    trustedJwksUrl: config.VNEID_SIM_TRUSTED_JWKS_URL || null,
    adminToken: config.VNEID_SIM_ADMIN_TOKEN,
    faults: {
      latencyMs: config.VNEID_SIM_LATENCY_MS,
      errorRate: config.VNEID_SIM_ERROR_RATE,
      rateLimitRate: config.VNEID_SIM_RATE_LIMIT_RATE,
      timeoutRate: config.VNEID_SIM_TIMEOUT_RATE,
      afterCommitShare: config.VNEID_SIM_AFTER_COMMIT_SHARE,
      retryAfterSeconds: config.VNEID_SIM_RETRY_AFTER_SECONDS,
      maintenance: maintenance ?? false,
      seed: config.VNEID_SIM_FAULT_SEED === '' ? randomSeed() : Number(config.VNEID_SIM_FAULT_SEED),
    },
    logLevel: config.VNEID_SIM_LOG_LEVEL,
    logPretty: config.VNEID_SIM_LOG_PRETTY,
  };
}

/** A JWK or a JWKS given as JSON; null when empty. Secrets are never echoed in the problem. */
function parseKeys(name: string, value: string, problems: string[], secret = false): JWK[] | null {
  if (value.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    problems.push(`${name}: not JSON${secret ? '' : ` (${value.slice(0, 40)}…)`}`);
    return null;
  }
  const keys: unknown[] =
    parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { keys?: unknown }).keys)
      ? (parsed as { keys: unknown[] }).keys
      : [parsed];
  if (keys.length === 0 || keys.some((key) => key === null || typeof key !== 'object' || !('kty' in key))) {
    problems.push(`${name}: must be a JWK ({ "kty": … }) or a JWKS ({ "keys": [ … ] })`);
    return null;
  }
  return keys as JWK[];
}
