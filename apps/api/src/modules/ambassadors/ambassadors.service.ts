import { AMBASSADOR_MINIMUM_LEARNERS, ErrorCode, maskPhone, Role } from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ROSTER_NO_PASSWORD } from '../rosters/rosters.service';
import {
  AmbassadorStatusDto,
  HelpedLearnerDto,
  HelpedLearnerListDto,
  RegisterHelpedLearnerDto,
  RegisterHelpedLearnerResultDto,
} from './dto/ambassador.dto';

interface Account {
  id: string;
  role: Role;
  status: string;
  communeId: string | null;
  ambassador: boolean;
  phone: string | null;
  citizenIdHash: string | null;
}

interface HelpedRow {
  id: string;
  fullName: string;
  phone: string | null;
  linkedAt: Date;
  enrolledCourses: number;
  completedCourses: number;
  certificates: number;
  confirmedOnVneid: boolean;
  identityVerified: boolean;
  sessionsAttended: number;
}

const SELECT_ACCOUNT = `
  SELECT id, role, status, commune_id AS "communeId", ambassador, phone, citizen_id_hash AS "citizenIdHash"
    FROM users`;

/**
 * Digital ambassadors ("đại sứ số"): learners an admin marks, who register the people they help and
 * follow their progress. The flag lives on the learner's account; the permission `ambassador.help`
 * comes with the learner role, and every call here checks the flag in the database (a token issued
 * before unmarking must not keep the access).
 *
 * Scoping: an ambassador works in their own commune — they link only learners of that commune, and
 * create new accounts there. Admins mark learners of their own commune (province admins: any).
 */
@Injectable()
export class AmbassadorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  /** Marks or unmarks a learner; unmarking removes their links so those learners can be paired again. */
  async setAmbassador(
    userId: string,
    ambassador: boolean,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<AmbassadorStatusDto> {
    return this.dataSource.transaction(async (manager) => {
      const [account] = await manager.query<Account[]>(`${SELECT_ACCOUNT} WHERE id = $1 FOR UPDATE`, [
        userId,
      ]);
      // Another commune's people are reported as missing, like GET /api/users/:id.
      if (!account || (actor.role === Role.CommuneAdmin && account.communeId !== actor.communeId)) {
        throw AppError.notFound(ErrorCode.UserNotFound, 'No such user');
      }
      if (account.role !== Role.Learner) {
        throw new AppError(
          ErrorCode.NotALearner,
          HttpStatus.UNPROCESSABLE_ENTITY,
          'Only learners can be ambassadors',
        );
      }
      await manager.query(`UPDATE users SET ambassador = $2, updated_at = now() WHERE id = $1`, [
        userId,
        ambassador,
      ]);
      const unlinked = ambassador
        ? 0
        : (
            await manager.query<{ n: number }[]>(
              `WITH gone AS (DELETE FROM ambassador_learners WHERE ambassador_id = $1 RETURNING 1)
               SELECT count(*)::int AS n FROM gone`,
              [userId],
            )
          )[0].n;
      if (account.ambassador !== ambassador) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: ambassador ? 'user.ambassador_marked' : 'user.ambassador_unmarked',
            targetType: 'user',
            targetId: userId,
            details: ambassador ? {} : { unlinked },
            requestId,
          },
          manager,
        );
      }
      const [{ n }] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ambassador_learners WHERE ambassador_id = $1`,
        [userId],
      );
      return { userId, ambassador, learners: n };
    });
  }

  async learners(actor: AuthUser): Promise<HelpedLearnerListDto> {
    const ambassador = await this.ambassadorOf(actor, this.dataSource.manager);
    const rows = await this.helped(this.dataSource.manager, ambassador.id);
    return { items: rows.map(toHelped), minimumLearners: AMBASSADOR_MINIMUM_LEARNERS };
  }

  /**
   * Registers a learner the ambassador helps: links the learner of the same commune who has this phone
   * or citizen id, or creates a passwordless account for them in the ambassador's commune (like a
   * roster row: they sign in later with VNeID, or with a temporary password the commune hands over).
   *
   * Not an account-lookup oracle: the input is checked in full (a name is always required) before any
   * look-up, and every account that exists but is not the ambassador's to link — another commune's,
   * staff, disabled, or phone and id of two different accounts — gets the same 409
   * HELPED_LEARNER_UNAVAILABLE. Only a learner of the ambassador's own commune is told apart (linked, or
   * LEARNER_HAS_AMBASSADOR), which tells the ambassador nothing a successful link would not.
   */
  async register(
    dto: RegisterHelpedLearnerDto,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<RegisterHelpedLearnerResultDto> {
    if (!dto.phone && !dto.citizenId) {
      throw AppError.validation([
        { field: 'phone', rules: ['required'], message: 'Give the phone number or the citizen id' },
      ]);
    }
    const citizenIdHash = dto.citizenId ? this.cipher.lookupHash(dto.citizenId) : null;
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: an admin unmarking this ambassador (FOR UPDATE) waits until the link is written.
      const ambassador = await this.ambassadorOf(actor, manager, 'FOR SHARE');
      const communeId = ambassador.communeId;
      if (!communeId) {
        throw new AppError(ErrorCode.UnitOutOfScope, HttpStatus.FORBIDDEN, 'Your account has no commune yet');
      }
      // FOR SHARE too: the learner cannot move to another commune (PATCH /api/me) while being linked.
      const matches = await manager.query<Account[]>(
        `${SELECT_ACCOUNT} WHERE phone = $1 OR citizen_id_hash = $2 FOR SHARE`,
        [dto.phone ?? null, citizenIdHash],
      );
      let learner = matches[0];
      let created = false;
      if (learner) {
        if (matches.length === 1 && learner.id === ambassador.id) {
          throw AppError.validation([
            { field: 'phone', rules: ['notSelf'], message: 'You cannot help yourself' },
          ]);
        }
        if (
          matches.length > 1 ||
          learner.role !== Role.Learner ||
          learner.status !== 'active' ||
          learner.communeId !== communeId
        ) {
          throw unavailable();
        }
      } else {
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO users (phone, password_hash, role, status, full_name, birth_year, gender, citizen_id_enc,
                              citizen_id_hash, commune_id, target_group, must_change_password, created_by)
           VALUES ($1, $2, 'learner', 'active', $3, $4, $5, $6, $7, $8, $9, false, $10)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            dto.phone ?? null,
            ROSTER_NO_PASSWORD,
            dto.fullName,
            dto.birthYear ?? null,
            dto.gender ?? null,
            dto.citizenId ? this.cipher.encrypt(dto.citizenId) : null,
            citizenIdHash,
            communeId,
            dto.targetGroup ?? null,
            ambassador.id,
          ],
        );
        // Someone registered the same phone or citizen id a moment ago: let the caller try again (it links).
        if (!row) {
          throw new AppError(
            ErrorCode.PhoneTaken,
            HttpStatus.CONFLICT,
            'An account with this phone or id was just created',
          );
        }
        learner = { ...ambassador, id: row.id, ambassador: false };
        created = true;
      }

      const [existing] = await manager.query<{ ambassadorId: string }[]>(
        `SELECT ambassador_id AS "ambassadorId" FROM ambassador_learners WHERE learner_id = $1`,
        [learner.id],
      );
      if (existing && existing.ambassadorId !== ambassador.id) {
        throw new AppError(
          ErrorCode.LearnerHasAmbassador,
          HttpStatus.CONFLICT,
          'This learner is already helped by another ambassador',
        );
      }
      if (!existing) {
        // The unique learner_id decides a race between two ambassadors: the loser gets the 409 above next time.
        const inserted = await manager.query<unknown[]>(
          `INSERT INTO ambassador_learners (ambassador_id, learner_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
          [ambassador.id, learner.id],
        );
        if (inserted.length === 0) {
          throw new AppError(
            ErrorCode.LearnerHasAmbassador,
            HttpStatus.CONFLICT,
            'This learner is already helped by another ambassador',
          );
        }
        await this.audit.record(
          {
            actorId: actor.id,
            action: created ? 'ambassador.learner_registered' : 'ambassador.learner_linked',
            targetType: 'user',
            targetId: learner.id,
            requestId,
          },
          manager,
        );
      }
      const [row] = await this.helped(manager, ambassador.id, learner.id);
      return { learner: toHelped(row), created };
    });
  }

  /** Ends the link (the learner's account stays); unknown or another ambassador's learner → 404. */
  async unlink(learnerId: string, actor: AuthUser, requestId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ambassador = await this.ambassadorOf(actor, manager, 'FOR SHARE');
      // Counted in SQL: TypeORM answers a bare DELETE … RETURNING with [rows, count], not the rows.
      const [{ n }] = await manager.query<{ n: number }[]>(
        `WITH gone AS (DELETE FROM ambassador_learners WHERE ambassador_id = $1 AND learner_id = $2 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [ambassador.id, learnerId],
      );
      if (n === 0) throw AppError.notFound(ErrorCode.UserNotFound, 'You do not help this learner');
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'ambassador.learner_unlinked',
          targetType: 'user',
          targetId: learnerId,
          requestId,
        },
        manager,
      );
    });
  }

  /**
   * The caller, if they are an active learner with the ambassador flag (read now, not from the token).
   * Inside a transaction, `FOR SHARE` holds the flag (and the commune) until it commits.
   */
  private async ambassadorOf(
    actor: AuthUser,
    manager: EntityManager,
    lock: '' | 'FOR SHARE' = '',
  ): Promise<Account> {
    const [account] = await manager.query<Account[]>(`${SELECT_ACCOUNT} WHERE id = $1 ${lock}`, [actor.id]);
    if (!account || account.role !== Role.Learner || !account.ambassador || account.status !== 'active') {
      throw new AppError(
        ErrorCode.NotAnAmbassador,
        HttpStatus.FORBIDDEN,
        'Only digital ambassadors can do this',
      );
    }
    return account;
  }

  /** The ambassador's learners with their progress: a few index look-ups per learner (≈ 5–50 learners). */
  private helped(manager: EntityManager, ambassadorId: string, learnerId?: string): Promise<HelpedRow[]> {
    return manager.query<HelpedRow[]>(
      `SELECT u.id, u.full_name AS "fullName", u.phone, l.created_at AS "linkedAt",
              (SELECT count(*)::int FROM enrolments e WHERE e.user_id = u.id) AS "enrolledCourses",
              (SELECT count(DISTINCT c.course_id)::int FROM course_completions c WHERE c.user_id = u.id)
                AS "completedCourses",
              (SELECT count(*)::int FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)
                AS "certificates",
              EXISTS (SELECT 1 FROM certificates c JOIN certificate_attestations a ON a.certificate_id = c.id
                       WHERE c.user_id = u.id AND c.revoked_at IS NULL AND a.state = 'confirmed')
                AS "confirmedOnVneid",
              COALESCE(u.identity_level = 2, false) AS "identityVerified",
              (SELECT count(*)::int FROM community_session_attendance s WHERE s.user_id = u.id) AS "sessionsAttended"
         FROM ambassador_learners l JOIN users u ON u.id = l.learner_id
        WHERE l.ambassador_id = $1 AND ($2::uuid IS NULL OR l.learner_id = $2)
        ORDER BY u.full_name, u.id`,
      [ambassadorId, learnerId ?? null],
    );
  }
}

/** The one answer for an account that exists but is not the ambassador's to link (see register). */
function unavailable(): AppError {
  return new AppError(
    ErrorCode.HelpedLearnerUnavailable,
    HttpStatus.CONFLICT,
    'You cannot register this person; the commune office can help',
  );
}

function toHelped(row: HelpedRow): HelpedLearnerDto {
  return {
    ...row,
    // The ambassador knows the person; the last digits are enough to tell two people apart.
    phone: row.phone ? maskPhone(row.phone) : null,
    linkedAt: new Date(row.linkedAt).toISOString(),
  };
}
