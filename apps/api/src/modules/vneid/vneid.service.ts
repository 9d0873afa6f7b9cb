import { ErrorCode, Role, UserStatus } from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import { DataSource, QueryFailedError } from 'typeorm';

import { AppError } from '../../common/errors/app-error';
import { ApiConfig } from '../../config/api-config';
import { AuditService } from '../audit/audit.service';
import { AuthService, ClientInfo, IssuedSession } from '../auth/auth.service';
import { User } from '../users/user.entity';
import { birthYearOf } from '../users/users.service';
import { identityFromClaims, VneidIdentity } from './vneid-claims';
import { VneidFlows } from './vneid-flows';

/** Never a password: accounts made by "Sign in with VNeID" sign in through VNeID only. */
const NO_PASSWORD = '!vneid';

export type CallbackOutcome =
  { kind: 'signed_in'; session: IssuedSession; returnTo: string } | { kind: 'linked'; returnTo: string };

/**
 * "Sign in with VNeID" and linking VNeID to an existing account: OpenID Connect authorization code
 * flow with PKCE, state and nonce (openid-client). One citizen id maps to at most one account (a
 * keyed hash, unique in the database); the id itself is stored only encrypted.
 */
@Injectable()
export class VneidService {
  private readonly logger = new Logger(VneidService.name);
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: ApiConfig,
    private readonly flows: VneidFlows,
    private readonly auth: AuthService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get redirectUri(): string {
    return `${this.config.PUBLIC_URL}/api/auth/vneid/callback`;
  }

  /** Starts a round trip: remembers state, nonce and the PKCE verifier; returns the flow id and the URL. */
  async start(returnTo: string, linkUserId?: string): Promise<{ flowId: string; authorizationUrl: string }> {
    const configuration = await this.provider();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const flowId = await this.flows.create({ state, nonce, codeVerifier, returnTo, linkUserId });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile citizen',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { flowId, authorizationUrl: url.href };
  }

  /**
   * The provider sent the browser back. Everything is checked before anything is written: the flow
   * (single use), the state, the code exchange with the PKCE verifier, the ID token's signature,
   * issuer, audience and nonce, then the claims.
   */
  async callback(flowId: string | undefined, query: string, client: ClientInfo): Promise<CallbackOutcome> {
    const flow = await this.flows.take(flowId);
    if (!flow) throw failed('No VNeID sign-in in progress in this browser (expired or already used)');
    const params = new URLSearchParams(query);
    if (params.has('error')) throw failed(`VNeID answered ${params.get('error')}`);
    const configuration = await this.provider();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        new URL(`${this.redirectUri}?${query}`),
        {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
      );
      claims = tokens.claims();
    } catch (error) {
      // Wrong state, replayed code, bad signature or nonce: the reason goes to the log, not to the page.
      this.logger.warn(`VNeID callback refused: ${(error as Error).message}`);
      throw failed('VNeID sign-in could not be verified');
    }
    const identity = claims ? identityFromClaims(claims) : 'no ID token';
    if (typeof identity === 'string') {
      this.logger.warn(`VNeID ID token unusable: ${identity}`);
      throw failed('VNeID did not send a usable identity');
    }
    if (flow.linkUserId) {
      await this.link(flow.linkUserId, identity);
      return { kind: 'linked', returnTo: flow.returnTo };
    }
    const user = await this.findOrCreate(identity);
    if (user.status !== UserStatus.Active) {
      throw new AppError(ErrorCode.AccountDisabled, HttpStatus.FORBIDDEN, 'This account is disabled');
    }
    return {
      kind: 'signed_in',
      session: await this.auth.startSession(user, client),
      returnTo: flow.returnTo,
    };
  }

  private async findOrCreate(identity: VneidIdentity): Promise<User> {
    const hash = this.cipher.lookupHash(identity.citizenId);
    const users = this.dataSource.getRepository(User);
    const existing = await users.findOneBy({ citizenIdHash: hash });
    if (existing) {
      const fields = this.identityFields(identity, existing);
      await users.update({ id: existing.id }, fields);
      return { ...existing, ...fields };
    }
    try {
      return await users.save(
        users.create({
          phone: null,
          email: null,
          passwordHash: NO_PASSWORD,
          role: Role.Learner,
          fullName: identity.fullName,
          birthDateEncrypted: identity.birthDate ? this.cipher.encrypt(identity.birthDate) : null,
          birthYear: identity.birthDate ? birthYearOf(identity.birthDate) : null,
          gender: identity.gender,
          citizenIdEncrypted: this.cipher.encrypt(identity.citizenId),
          citizenIdHash: hash,
          identityLevel: identity.level,
          identityVerifiedAt: identity.level === 2 ? new Date() : null,
        }),
      );
    } catch (error) {
      // Two callbacks for one new citizen at once: the unique index lets one insert win; use its row.
      if (isUniqueViolation(error)) {
        const winner = await users.findOneBy({ citizenIdHash: hash });
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async link(userId: string, identity: VneidIdentity): Promise<void> {
    const hash = this.cipher.lookupHash(identity.citizenId);
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw failed('The account to link no longer exists');
      if (user.citizenIdHash && user.citizenIdHash !== hash) {
        throw new AppError(
          ErrorCode.VneidIdentityMismatch,
          HttpStatus.CONFLICT,
          'This account is linked to another citizen id',
        );
      }
      const holder = await manager.findOneBy(User, { citizenIdHash: hash });
      if (holder && holder.id !== userId) {
        throw new AppError(
          ErrorCode.VneidAlreadyLinked,
          HttpStatus.CONFLICT,
          'This VNeID identity is linked to another account',
        );
      }
      await manager.update(User, { id: userId }, this.identityFields(identity, user));
      await this.audit.record(
        {
          actorId: userId,
          action: 'user.vneid_linked',
          targetType: 'user',
          targetId: userId,
          details: { identityLevel: identity.level },
        },
        manager,
      );
    });
  }

  /** What VNeID vouches for overrides what was typed in; the level is VNeID's latest word. */
  private identityFields(identity: VneidIdentity, user: User): Partial<User> {
    return {
      citizenIdEncrypted: user.citizenIdEncrypted ?? this.cipher.encrypt(identity.citizenId),
      citizenIdHash: this.cipher.lookupHash(identity.citizenId),
      identityLevel: identity.level,
      identityVerifiedAt: identity.level === 2 ? (user.identityVerifiedAt ?? new Date()) : null,
      fullName: identity.fullName,
      ...(identity.birthDate
        ? {
            birthDateEncrypted: this.cipher.encrypt(identity.birthDate),
            birthYear: birthYearOf(identity.birthDate),
          }
        : {}),
      ...(identity.gender ? { gender: identity.gender } : {}),
    };
  }

  /** The provider's configuration, discovered once; a failed discovery is retried on the next call. */
  private provider(): Promise<oidc.Configuration> {
    if (!this.config.VNEID_ISSUER) {
      return Promise.reject(
        new AppError(
          ErrorCode.VneidUnavailable,
          HttpStatus.SERVICE_UNAVAILABLE,
          'VNeID sign-in is turned off',
        ),
      );
    }
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.VNEID_ISSUER),
        this.config.VNEID_CLIENT_ID,
        undefined,
        oidc.ClientSecretBasic(this.config.VNEID_CLIENT_SECRET),
        {
          execute: [
            // openid-client trusts an ID token from the token endpoint on the strength of TLS alone
            // (OpenID Connect Core 3.1.3.7); we also check its signature against VNeID's keys, so a
            // token altered by anything between us and VNeID is refused.
            oidc.enableNonRepudiationChecks,
            // Plain http only for a local issuer (the simulator); a real VNeID is https.
            ...(this.config.VNEID_ISSUER.startsWith('http:') ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        this.logger.warn(`VNeID discovery failed: ${(error as Error).message}`);
        throw new AppError(
          ErrorCode.VneidUnavailable,
          HttpStatus.SERVICE_UNAVAILABLE,
          'VNeID cannot be reached',
        );
      });
    return this.configuration;
  }
}

function failed(message: string): AppError {
  return new AppError(ErrorCode.VneidSignInFailed, HttpStatus.BAD_REQUEST, message);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
