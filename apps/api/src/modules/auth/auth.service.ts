import { ErrorCode, looksLikeEmail, normaliseVietnamesePhone, UserStatus } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

import { AccessTokenClaims } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { ApiConfig } from '../../config/api-config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthSession } from './auth-session.entity';
import { LoginDto, RegisterDto, SessionDto } from './dto/auth.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { RefreshToken } from './refresh-token.entity';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string | null;
}

/** What a successful sign-in hands to the controller: the body and the cookie value. */
export interface IssuedSession {
  body: SessionDto;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: ApiConfig,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async register(dto: RegisterDto, client: ClientInfo): Promise<IssuedSession> {
    const user = await this.users.registerLearner(dto);
    return this.startSession(user, client);
  }

  async login(dto: LoginDto, client: ClientInfo): Promise<IssuedSession> {
    const login = parseIdentifier(dto.identifier);
    // The account key is the normalised identifier, so "0912…" and "+84912…" share one counter.
    const accountKey = login.email ?? login.phone ?? dto.identifier.toLowerCase();
    await this.limiter.beforeAttempt(client.ip, accountKey);

    const user = await this.users.findByLogin(login);
    const valid = user
      ? await this.users.verifyPassword(user, dto.password)
      : await this.users.burnPasswordCheck(dto.password);
    if (!user || !valid) {
      await this.limiter.recordFailure(accountKey);
      throw new AppError(
        ErrorCode.InvalidCredentials,
        HttpStatus.UNAUTHORIZED,
        'Wrong phone/email or password',
      );
    }
    if (user.status !== UserStatus.Active) {
      throw new AppError(ErrorCode.AccountDisabled, HttpStatus.FORBIDDEN, 'This account is disabled');
    }
    await this.limiter.recordSuccess(accountKey);
    return this.startSession(user, client);
  }

  /**
   * Rotates the refresh token. A token can be used once: presenting a used one means it was copied,
   * so the whole session is revoked and both the thief and the owner must sign in again.
   */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    if (!refreshToken) throw invalidRefresh();
    const tokenHash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, {
        where: { tokenHash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { kind: 'invalid' as const };
      const session = await manager.findOne(AuthSession, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now())
        return { kind: 'invalid' as const };
      if (token.usedAt) {
        await manager.update(
          AuthSession,
          { id: session.id },
          { revokedAt: new Date(), revokeReason: 'refresh_token_reused' },
        );
        await this.audit.record(
          {
            actorId: session.userId,
            action: 'auth.refresh_token_reused',
            targetType: 'session',
            targetId: session.id,
            requestId: client.requestId,
          },
          manager,
        );
        return { kind: 'reused' as const };
      }
      const user = await manager.findOneBy(User, { id: session.userId });
      if (!user || user.status !== UserStatus.Active) return { kind: 'invalid' as const };
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      await manager.update(AuthSession, { id: session.id }, { lastUsedAt: new Date() });
      const next = newRefreshToken();
      await manager.insert(RefreshToken, { sessionId: session.id, tokenHash: sha256(next) });
      return { kind: 'rotated' as const, user, sessionId: session.id, refreshToken: next };
    });
    // The revocation above has committed before we answer.
    if (outcome.kind === 'reused') {
      throw new AppError(
        ErrorCode.RefreshTokenReused,
        HttpStatus.UNAUTHORIZED,
        'This session was ended for safety; sign in again',
      );
    }
    if (outcome.kind === 'invalid') throw invalidRefresh();
    return {
      body: await this.sessionBody(outcome.user, outcome.sessionId),
      refreshToken: outcome.refreshToken,
    };
  }

  /** Revokes the session behind the cookie; idempotent and silent for unknown tokens. */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'sign_out'
        WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)`,
      [sha256(refreshToken)],
    );
  }

  /** A new sign-in session for a user already authenticated by other means (password, VNeID). */
  async startSession(user: User, client: ClientInfo): Promise<IssuedSession> {
    const refreshToken = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const sessionId = await this.dataSource.transaction(async (manager) => {
      const session = await manager.save(AuthSession, {
        userId: user.id,
        lastUsedAt: new Date(),
        expiresAt,
        revokedAt: null,
        revokeReason: null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await manager.insert(RefreshToken, { sessionId: session.id, tokenHash: sha256(refreshToken) });
      return session.id;
    });
    return { body: await this.sessionBody(user, sessionId), refreshToken };
  }

  private async sessionBody(user: User, sessionId: string): Promise<SessionDto> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, sid: sessionId, cid: user.communeId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    return {
      accessToken,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      user: await this.users.toProfile(user),
    };
  }
}

function parseIdentifier(identifier: string): { phone?: string; email?: string } {
  if (looksLikeEmail(identifier)) return { email: identifier.trim().toLowerCase() };
  const phone = normaliseVietnamesePhone(identifier);
  return phone ? { phone } : {};
}

function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function invalidRefresh(): AppError {
  return new AppError(ErrorCode.RefreshTokenInvalid, HttpStatus.UNAUTHORIZED, 'Sign in again');
}
