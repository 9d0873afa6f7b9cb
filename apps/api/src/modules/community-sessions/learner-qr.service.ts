import { formatQrToken, qrPayload } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { MyQrDto } from './dto/community-session.dto';
import { newQrToken } from './qr-token';

/**
 * The learner's own attendance QR: a random token stored per account (learner_qr_tokens), issued on
 * first view and renewable, so a photo of someone's screen stops working once they renew it.
 */
@Injectable()
export class LearnerQrService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async mine(actor: AuthUser): Promise<MyQrDto> {
    const [existing] = await this.dataSource.query<{ token: string; fullName: string }[]>(
      `SELECT t.token, u.full_name AS "fullName" FROM users u LEFT JOIN learner_qr_tokens t ON t.user_id = u.id
        WHERE u.id = $1`,
      [actor.id],
    );
    if (existing?.token) return toDto(existing.token, existing.fullName);
    return this.issue(actor, false);
  }

  async renew(actor: AuthUser, requestId: string | null): Promise<MyQrDto> {
    const qr = await this.issue(actor, true);
    await this.audit.record({
      actorId: actor.id,
      action: 'user.qr_renewed',
      targetType: 'user',
      targetId: actor.id,
      requestId,
    });
    return qr;
  }

  /** A fresh token (60 random bits: a collision is retried, never expected). */
  private async issue(actor: AuthUser, replace: boolean): Promise<MyQrDto> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const token = newQrToken();
      const rows = await this.dataSource
        .query<{ token: string; fullName: string }[]>(
          `WITH upsert AS (
           INSERT INTO learner_qr_tokens (user_id, token) VALUES ($1, $2)
           ON CONFLICT (user_id) DO ${replace ? 'UPDATE SET token = excluded.token, created_at = now()' : 'NOTHING'}
           RETURNING token)
         SELECT COALESCE((SELECT token FROM upsert), (SELECT token FROM learner_qr_tokens WHERE user_id = $1)) AS token,
                (SELECT full_name FROM users WHERE id = $1) AS "fullName"`,
          [actor.id, token],
        )
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) return [];
          throw error;
        });
      if (rows[0]?.token) return toDto(rows[0].token, rows[0].fullName);
    }
    throw new Error('Could not issue a unique QR token');
  }
}

function toDto(token: string, fullName: string): MyQrDto {
  return { payload: qrPayload(token), code: formatQrToken(token), fullName };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
