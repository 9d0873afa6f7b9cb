import { isRole } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { ApiConfig } from '../../config/api-config';
import { AppError } from '../errors/app-error';
import { AccessTokenClaims, AuthUser } from './auth-user';

/** Verifies the short-lived access token sent as `Authorization: Bearer …`. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: ApiConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A ready KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which costs more than the signature check itself.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_ACCESS_SECRET, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser {
    if (!claims.sub || !claims.sid || !isRole(claims.role)) throw AppError.unauthenticated();
    return { id: claims.sub, role: claims.role, sessionId: claims.sid, communeId: claims.cid ?? null };
  }
}
