import { VNEID_SIM_DEFAULT_ADMIN_TOKEN, VNEID_TEST_PASSWORD } from '@hocvu/attestation/testing';
import { EnvVar } from '@hocvu/server-kit';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Every environment variable the VNeID simulator reads, validated at start-up. The defaults make
 * `npm start` work on one machine; every secret here is a simulator's and guards nothing real.
 */
export class VneidSimConfig {
  @EnvVar({ description: 'Interface the VNeID simulator listens on (0.0.0.0 inside containers)' })
  @IsString()
  VNEID_SIM_HOST = '127.0.0.1';

  @EnvVar({ description: 'Port of the VNeID simulator (0 = any free port, printed at start)' })
  @IsInt()
  @Min(0)
  @Max(65535)
  VNEID_SIM_PORT = 3400;

  @EnvVar({
    description:
      'OpenID Connect issuer URL, reachable by browsers and by the API; empty = http://127.0.0.1:<VNEID_SIM_PORT>',
  })
  @Matches(/^(https?:\/\/[^\s/?#]+(\/[^\s?#]*)?)?$/, { message: 'must be an http(s) URL without query' })
  VNEID_SIM_ISSUER = '';

  @EnvVar({ description: 'Client id of the registered OpenID Connect client (Hocvu)' })
  @Matches(/^[\w.:-]{1,100}$/, { message: 'must be 1–100 letters, digits or . _ : -' })
  VNEID_SIM_CLIENT_ID = 'hocvu-portal';

  @EnvVar({
    description: 'Secret of that client (client_secret_basic); empty registers a public client (PKCE only)',
    sensitive: true,
  })
  @IsString()
  VNEID_SIM_CLIENT_SECRET = 'hocvu-vneid-sim-secret';

  @EnvVar({ description: 'Comma-separated redirect URIs registered for that client' })
  @IsString()
  VNEID_SIM_REDIRECT_URIS = [3000, 8080]
    .flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`])
    .map((origin) => `${origin}/api/auth/vneid/callback`)
    .join(',');

  @EnvVar({
    description: 'Private JWKS (JSON) signing ID tokens; empty = a fresh RS256 key at every start',
    sensitive: true,
  })
  @IsString()
  VNEID_SIM_SIGNING_JWKS = '';

  @EnvVar({
    description: 'Secret signing the login cookies; empty = random at every start (sign-ins end on restart)',
    sensitive: true,
  })
  @IsString()
  VNEID_SIM_COOKIE_SECRET = '';

  @EnvVar({ description: 'Password every test citizen signs in with on the login page' })
  @IsString()
  VNEID_SIM_TEST_PASSWORD = VNEID_TEST_PASSWORD;

  @EnvVar({
    description:
      'Public key(s) whose attestation signatures are accepted, a JWK or JWKS as JSON (npm start writes one into .env)',
  })
  @IsString()
  VNEID_SIM_TRUSTED_JWKS = '';

  @EnvVar({ description: 'URL of a JWKS with more trusted attestation keys (fetched when a kid is unknown)' })
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'must be an http(s) URL' })
  VNEID_SIM_TRUSTED_JWKS_URL = '';

  @EnvVar({
    description: 'Token the admin endpoints (/admin/*) require in the X-Admin-Token header',
    sensitive: true,
  })
  @IsString()
  VNEID_SIM_ADMIN_TOKEN = VNEID_SIM_DEFAULT_ADMIN_TOKEN;

  @EnvVar({ description: 'Fault: milliseconds added before every attestation API answer' })
  @IsInt()
  @Min(0)
  @Max(60_000)
  VNEID_SIM_LATENCY_MS = 0;

  @EnvVar({ description: 'Fault: share (0–1) of attestation requests answered 500 or 503' })
  @IsNumber()
  @Min(0)
  @Max(1)
  VNEID_SIM_ERROR_RATE = 0;

  @EnvVar({ description: 'Fault: share (0–1) of attestation requests answered 429 with Retry-After' })
  @IsNumber()
  @Min(0)
  @Max(1)
  VNEID_SIM_RATE_LIMIT_RATE = 0;

  @EnvVar({
    description: 'Fault: share (0–1) of attestation requests never answered (the client must time out)',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  VNEID_SIM_TIMEOUT_RATE = 0;

  @EnvVar({
    description: 'Fault: share (0–1) of injected errors and timeouts that strike after the record was stored',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  VNEID_SIM_AFTER_COMMIT_SHARE = 0.5;

  @EnvVar({ description: 'Retry-After seconds sent with 429s and with maintenance that has no end time' })
  @IsInt()
  @Min(0)
  @Max(86_400)
  VNEID_SIM_RETRY_AFTER_SECONDS = 2;

  @EnvVar({
    description:
      'Fault: maintenance (everything but /admin and /health answers 503): false, true or an ISO end time',
  })
  @Matches(/^(true|false|\d{4}-\d{2}-\d{2}T\S+)$/, { message: 'must be true, false or an ISO date-time' })
  VNEID_SIM_MAINTENANCE = 'false';

  @EnvVar({
    description: 'Seed of the fault dice, for reproducible runs; empty = random (GET /admin/faults shows it)',
  })
  @Matches(/^(\d{1,10})?$/, { message: 'must be a whole number' })
  VNEID_SIM_FAULT_SEED = '';

  @EnvVar({
    description:
      'Made-up citizens added for load tests (generatedCitizen(0…n-1) in @hocvu/attestation/testing); not listed on the login page',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  VNEID_SIM_GENERATED_CITIZENS = 0;

  @EnvVar({
    description: 'pino log level of the simulator: fatal | error | warn | info | debug | trace | silent',
  })
  @IsIn(LOG_LEVELS)
  VNEID_SIM_LOG_LEVEL = 'info';

  @EnvVar({ description: 'Human-readable single-line simulator logs (needs the pino-pretty dev dependency)' })
  @IsBoolean()
  VNEID_SIM_LOG_PRETTY = false;
}
