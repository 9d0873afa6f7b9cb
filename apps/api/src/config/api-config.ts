import { EnvVar, ServerConfig } from '@hocvu/server-kit';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/**
 * Every environment variable the API reads, validated at start-up. Feature code injects this class
 * instead of reading process.env. `.env.example` is checked against it by a test.
 */
export class ApiConfig extends ServerConfig {
  @EnvVar({ description: 'Interface the API listens on (0.0.0.0 inside containers)' })
  @IsString()
  API_HOST = '127.0.0.1';

  @EnvVar({ description: 'Port the API listens on; the portal proxies /api to it' })
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT = 3000;

  @EnvVar({ description: 'Maximum PostgreSQL connections held by one API process' })
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @EnvVar({
    description: 'HMAC secret signing access tokens (at least 32 characters)',
    sensitive: true,
    example: '',
  })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters; generate one with `openssl rand -base64 48`' })
  JWT_ACCESS_SECRET = '';

  @EnvVar({ description: 'Lifetime of an access token in seconds' })
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @EnvVar({ description: 'Lifetime of a sign-in session (refresh token) in days' })
  @IsInt()
  @Min(1)
  @Max(180)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @EnvVar({
    description:
      'Send the refresh cookie with the Secure flag (browsers accept it on http://127.0.0.1 and localhost)',
  })
  @IsBoolean()
  COOKIE_SECURE = true;

  @EnvVar({
    description:
      'OpenID Connect issuer of VNeID (npm start runs the simulator there); empty turns "Sign in with VNeID" off',
  })
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'must be an http(s) URL or empty' })
  VNEID_ISSUER = 'http://127.0.0.1:3400';

  @EnvVar({ description: 'Client id Hocvu is registered under at VNeID' })
  @IsString()
  VNEID_CLIENT_ID = 'hocvu-portal';

  @EnvVar({
    description: "Client secret for VNeID (client_secret_basic); the default is the simulator's",
    sensitive: true,
  })
  @IsString()
  VNEID_CLIENT_SECRET = 'hocvu-vneid-sim-secret';

  @EnvVar({
    description: 'Failed sign-ins allowed per account in the window before it is locked for the window',
  })
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @EnvVar({ description: 'Sign-in attempts allowed per IP address in the window (a class may share one IP)' })
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS_PER_IP = 100;

  @EnvVar({ description: 'Length of the sign-in rate-limit window in seconds' })
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  @EnvVar({
    description: 'Comma-separated origins allowed by CORS; empty keeps CORS off (same-origin portal)',
  })
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  @EnvVar({ description: 'Trust X-Forwarded-* headers (set true behind nginx or a load balancer)' })
  @IsBoolean()
  TRUST_PROXY = false;

  @EnvVar({ description: 'Folder where resumable video uploads are assembled before they move into storage' })
  @IsString()
  UPLOAD_PATH = 'var/uploads';

  @EnvVar({
    description: 'Minimum lifetime in seconds of signed video/caption URLs (rounded up to the hour)',
  })
  @IsInt()
  @Min(600)
  @Max(86_400)
  MEDIA_URL_TTL_SECONDS = 4 * 3600;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}
