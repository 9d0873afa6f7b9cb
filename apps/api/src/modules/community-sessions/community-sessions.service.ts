import {
  AttendanceMethod,
  ErrorCode,
  maskPhone,
  normaliseVietnamesePhone,
  parseQrToken,
  Role,
} from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { assertCourseOpen } from '../learning/course-open';
import {
  AttendeeDto,
  CandidateListDto,
  CandidateQueryDto,
  CommunitySessionDetailDto,
  CommunitySessionDto,
  CommunitySessionListQueryDto,
  CommunitySessionPageDto,
  CreateCommunitySessionDto,
  ListAttendanceResultDto,
  QrAttendanceResultDto,
  SessionEnrolResultDto,
} from './dto/community-session.dto';

interface SessionRow {
  id: string;
  communeId: string;
  communeName: string;
  courseId: string | null;
  courseTitle: string | null;
  title: string;
  place: string;
  startsAt: Date;
  durationMinutes: number;
  capacity: number;
  attendance: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

interface AttendeeRow {
  userId: string;
  fullName: string;
  phone: string | null;
  method: AttendanceMethod;
  recordedAt: Date;
}

const SELECT_SESSION = `
  SELECT s.id, s.commune_id AS "communeId", u.name AS "communeName", s.course_id AS "courseId",
         c.title->>'vi' AS "courseTitle", s.title, s.place, s.starts_at AS "startsAt",
         s.duration_minutes AS "durationMinutes", s.capacity,
         (SELECT count(*)::int FROM community_session_attendance a WHERE a.session_id = s.id) AS attendance,
         s.cancelled_at AS "cancelledAt", s.cancel_reason AS "cancelReason"
    FROM community_sessions s
    JOIN admin_units u ON u.id = s.commune_id
    LEFT JOIN courses c ON c.id = s.course_id`;

/** Attendance opens this long before the start: people gather early at the cultural house. */
const ATTENDANCE_OPENS_BEFORE = '12 hours';
/** …and closes this long after the end: late entries the same or next day, not rewriting old sessions. */
const ATTENDANCE_CLOSES_AFTER = '24 hours';

/**
 * Community sessions: the weekly in-person classes of a commune (30–50 people at the cultural house),
 * with attendance recorded by scanning learners' QR codes or ticking them on a list.
 *
 * Scoping: commune admins and teachers work in their own commune — the commune is part of every query
 * (another commune's session is "not found", a list or a new session for another commune is
 * UNIT_OUT_OF_SCOPE); province admins work in any commune. Teachers without a commune schedule nothing.
 */
@Injectable()
export class CommunitySessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(
    dto: CreateCommunitySessionDto,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<CommunitySessionDto> {
    const scope = scopeOf(actor);
    const communeId = dto.communeId ?? scope;
    if (!communeId) {
      throw AppError.validation([
        { field: 'communeId', rules: ['required'], message: 'communeId is required for province admins' },
      ]);
    }
    if (scope !== null && communeId !== scope) throw outOfScope();
    const [unit] = await this.dataSource.query<{ kind: string }[]>(
      `SELECT kind FROM admin_units WHERE id = $1`,
      [communeId],
    );
    if (!unit || (unit.kind !== 'commune' && unit.kind !== 'ward')) {
      throw AppError.validation([
        { field: 'communeId', rules: ['exists'], message: 'communeId is not a known commune or ward' },
      ]);
    }
    if (dto.courseId) await assertCourseOpen(this.dataSource, dto.courseId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO community_sessions (commune_id, course_id, title, place, starts_at, duration_minutes, capacity,
                                         created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          communeId,
          dto.courseId ?? null,
          dto.title,
          dto.place,
          dto.startsAt,
          dto.durationMinutes ?? 90,
          dto.capacity ?? 50,
          actor.id,
        ],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'community_session.create',
          targetType: 'community_session',
          targetId: row.id,
          details: { communeId, courseId: dto.courseId ?? null, startsAt: dto.startsAt },
          requestId,
        },
        manager,
      );
      return row.id;
    });
    return toSession(await this.scopedSession(id, actor, this.dataSource.manager));
  }

  async list(query: CommunitySessionListQueryDto, actor: AuthUser): Promise<CommunitySessionPageDto> {
    const scope = scopeOf(actor);
    if (scope !== null && query.communeId && query.communeId !== scope) throw outOfScope();
    const communeId = scope ?? query.communeId ?? null;
    // Upcoming = not over yet (a class in progress is still "today's"); cancelled ones stay listed, marked.
    const upcoming = query.when === 'upcoming';
    const where = `WHERE ($1::uuid IS NULL OR s.commune_id = $1)
                     AND (s.starts_at + make_interval(mins => s.duration_minutes) ${upcoming ? '>=' : '<'} now())`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<SessionRow[]>(
        `${SELECT_SESSION} ${where} ORDER BY s.starts_at ${upcoming ? 'ASC' : 'DESC'}, s.id LIMIT $2 OFFSET $3`,
        [communeId, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM community_sessions s ${where}`,
        [communeId],
      ),
    ]);
    return { items: rows.map(toSession), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, actor: AuthUser): Promise<CommunitySessionDetailDto> {
    const session = await this.scopedSession(id, actor, this.dataSource.manager);
    const attendees = await this.dataSource.query<AttendeeRow[]>(
      `SELECT a.user_id AS "userId", u.full_name AS "fullName", u.phone, a.method, a.recorded_at AS "recordedAt"
         FROM community_session_attendance a JOIN users u ON u.id = a.user_id
        WHERE a.session_id = $1 ORDER BY a.recorded_at DESC, u.full_name`,
      [id],
    );
    return { ...toSession(session), attendees: attendees.map(toAttendee) };
  }

  async cancel(
    id: string,
    reason: string | undefined,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<CommunitySessionDto> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.scopedSession(id, actor, manager, true);
      // Cancelling twice changes nothing (a second tap on a slow network).
      if (session.cancelledAt) return;
      await manager.query(
        `UPDATE community_sessions SET cancelled_at = now(), cancelled_by = $2, cancel_reason = $3 WHERE id = $1`,
        [id, actor.id, reason ?? null],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'community_session.cancel',
          targetType: 'community_session',
          targetId: id,
          details: { reason: reason ?? null, attendance: session.attendance },
          requestId,
        },
        manager,
      );
    });
    return toSession(await this.scopedSession(id, actor, this.dataSource.manager));
  }

  /**
   * Records the learner whose QR code was scanned (or typed). The token must belong to an active learner
   * of the session's commune: a forged, renewed or another commune's code is the same "unknown code",
   * so scanning cannot be used to find out who lives elsewhere. Scanning twice records once.
   */
  async recordQr(id: string, input: string, actor: AuthUser): Promise<QrAttendanceResultDto> {
    const token = parseQrToken(input);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.openSession(id, actor, manager);
      const [learner] = token
        ? await manager.query<{ id: string }[]>(
            `SELECT u.id FROM learner_qr_tokens t JOIN users u ON u.id = t.user_id
              WHERE t.token = $1 AND u.role = 'learner' AND u.status = 'active' AND u.commune_id = $2`,
            [token, session.communeId],
          )
        : [];
      if (!learner) {
        throw AppError.notFound(ErrorCode.QrTokenUnknown, 'No learner of this commune has this code');
      }
      const inserted = await this.insertAttendance(manager, id, [learner.id], actor.id, 'qr');
      const [attendee] = await manager.query<AttendeeRow[]>(
        `SELECT a.user_id AS "userId", u.full_name AS "fullName", u.phone, a.method, a.recorded_at AS "recordedAt"
           FROM community_session_attendance a JOIN users u ON u.id = a.user_id
          WHERE a.session_id = $1 AND a.user_id = $2`,
        [id, learner.id],
      );
      return { attendee: toAttendee(attendee), alreadyRecorded: inserted === 0 };
    });
  }

  /** Records learners ticked on the list; every one must be an active learner of the session's commune. */
  async recordList(id: string, userIds: string[], actor: AuthUser): Promise<ListAttendanceResultDto> {
    const unique = [...new Set(userIds)];
    return this.dataSource.transaction(async (manager) => {
      const session = await this.openSession(id, actor, manager);
      const [{ n }] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM users
          WHERE id = ANY($1::uuid[]) AND role = 'learner' AND status = 'active' AND commune_id = $2`,
        [unique, session.communeId],
      );
      // All or nothing: someone outside the commune on the list is a mistake (or a probe) to fix first.
      if (n !== unique.length) {
        throw AppError.notFound(
          ErrorCode.UserNotFound,
          'Some of these people are not learners of this commune',
        );
      }
      const recorded = await this.insertAttendance(manager, id, unique, actor.id, 'list');
      return { recorded, alreadyRecorded: unique.length - recorded };
    });
  }

  /** Takes back an attendance recorded by mistake. */
  async removeAttendance(
    id: string,
    userId: string,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.scopedSession(id, actor, manager, true);
      // Counted in SQL: TypeORM answers a bare DELETE … RETURNING with [rows, count], not the rows.
      const [{ n }] = await manager.query<{ n: number }[]>(
        `WITH gone AS (DELETE FROM community_session_attendance WHERE session_id = $1 AND user_id = $2 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [id, userId],
      );
      if (n === 0) throw AppError.notFound(ErrorCode.UserNotFound, 'Not recorded at this session');
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'community_session.attendance_removed',
          targetType: 'community_session',
          targetId: id,
          details: { userId },
          requestId,
        },
        manager,
      );
    });
  }

  /**
   * Learners of the session's commune to tick, found by name or phone; phones masked. A phone matches
   * only by its last 3–4 digits or as the whole number: the list masks the middle digits, so a search
   * must not find people by them (probing "345" would otherwise unmask +84912***678).
   */
  async candidates(id: string, query: CandidateQueryDto, actor: AuthUser): Promise<CandidateListDto> {
    const session = await this.scopedSession(id, actor, this.dataSource.manager);
    const q = query.q?.trim() ?? '';
    const phonePart = phoneSearchOf(q);
    const rows = await this.dataSource.query<
      {
        userId: string;
        fullName: string;
        phone: string | null;
        birthYear: number | null;
        attending: boolean;
      }[]
    >(
      `SELECT u.id AS "userId", u.full_name AS "fullName", u.phone, u.birth_year AS "birthYear",
              EXISTS (SELECT 1 FROM community_session_attendance a WHERE a.session_id = $1 AND a.user_id = u.id)
                AS attending
         FROM users u
        WHERE u.commune_id = $2 AND u.role = 'learner' AND u.status = 'active'
          AND ($3 = '' OR u.full_name ILIKE $4 OR ($5::text IS NOT NULL AND u.phone LIKE $5))
        ORDER BY u.full_name, u.id LIMIT $6`,
      [id, session.communeId, q, `%${escapeLike(q)}%`, phonePart, query.limit],
    );
    return { items: rows.map((row) => ({ ...row, phone: row.phone ? maskPhone(row.phone) : null })) };
  }

  /** Enrols everyone recorded at the session in its course (already enrolled learners are counted). */
  async enrolAttendees(
    id: string,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<SessionEnrolResultDto> {
    const session = await this.scopedSession(id, actor, this.dataSource.manager);
    if (session.cancelledAt) throw cancelled();
    if (!session.courseId) {
      throw AppError.validation([
        { field: 'courseId', rules: ['required'], message: 'This session has no course' },
      ]);
    }
    await assertCourseOpen(this.dataSource, session.courseId);
    return this.dataSource.transaction(async (manager) => {
      const [counts] = await manager.query<{ cohort: number; added: number }[]>(
        `WITH cohort AS (
           SELECT a.user_id AS id FROM community_session_attendance a JOIN users u ON u.id = a.user_id
            WHERE a.session_id = $1 AND u.role = 'learner' AND u.status = 'active'),
         added AS (
           INSERT INTO enrolments (course_id, user_id, source, enrolled_by)
           SELECT $2::uuid, id, 'bulk', $3::uuid FROM cohort
           ON CONFLICT (course_id, user_id) DO NOTHING RETURNING 1)
         SELECT (SELECT count(*)::int FROM cohort) AS cohort, (SELECT count(*)::int FROM added) AS added`,
        [id, session.courseId, actor.id],
      );
      const result = { enrolled: counts.added, alreadyEnrolled: counts.cohort - counts.added };
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'community_session.enrol',
          targetType: 'course',
          targetId: session.courseId as string,
          details: { sessionId: id, ...result },
          requestId,
        },
        manager,
      );
      return result;
    });
  }

  /** A session the actor may see; another commune's is reported as missing. */
  private async scopedSession(
    id: string,
    actor: AuthUser,
    manager: EntityManager,
    forUpdate = false,
  ): Promise<SessionRow> {
    const scope = scopeOf(actor);
    if (forUpdate) await manager.query(`SELECT 1 FROM community_sessions WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await manager.query<SessionRow[]>(
      `${SELECT_SESSION} WHERE s.id = $1 AND ($2::uuid IS NULL OR s.commune_id = $2)`,
      [id, scope],
    );
    if (!row) throw AppError.notFound(ErrorCode.CommunitySessionNotFound, 'No such community session');
    return row;
  }

  /**
   * A session that takes attendance now: not cancelled, starting within 12 hours or already begun, and
   * ended less than 24 hours ago (starts_at + duration + 24 h).
   */
  private async openSession(id: string, actor: AuthUser, manager: EntityManager): Promise<SessionRow> {
    const session = await this.scopedSession(id, actor, manager);
    if (session.cancelledAt) throw cancelled();
    const [{ open, closed }] = await manager.query<{ open: boolean; closed: boolean }[]>(
      `SELECT $1::timestamptz - interval '${ATTENDANCE_OPENS_BEFORE}' <= now() AS open,
              $1::timestamptz + make_interval(mins => $2::int) + interval '${ATTENDANCE_CLOSES_AFTER}' < now()
                AS closed`,
      [session.startsAt, session.durationMinutes],
    );
    if (!open) {
      throw new AppError(
        ErrorCode.CommunitySessionNotStarted,
        HttpStatus.CONFLICT,
        'Attendance opens 12 hours before the session starts',
      );
    }
    if (closed) {
      throw new AppError(
        ErrorCode.CommunitySessionClosed,
        HttpStatus.CONFLICT,
        'Attendance closes 24 hours after the session ends',
      );
    }
    return session;
  }

  /** Inserts attendance rows; the (session, learner) key makes a rescan a no-op. Returns rows added. */
  private async insertAttendance(
    manager: EntityManager,
    sessionId: string,
    userIds: string[],
    recordedBy: string,
    method: AttendanceMethod,
  ): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community_session_attendance (session_id, user_id, recorded_by, method)
       SELECT $1, unnest($2::uuid[]), $3, $4
       ON CONFLICT (session_id, user_id) DO NOTHING RETURNING 1`,
      [sessionId, userIds, recordedBy, method],
    );
    return rows.length;
  }
}

/**
 * The commune an actor works in: commune admins and teachers their own, province admins none (null =
 * everywhere). A teacher without a commune has no community sessions to run.
 */
function scopeOf(actor: AuthUser): string | null {
  if (actor.role === Role.ProvinceAdmin) return null;
  if (!actor.communeId) {
    throw new AppError(ErrorCode.UnitOutOfScope, HttpStatus.FORBIDDEN, 'Your account has no commune');
  }
  return actor.communeId;
}

function outOfScope(): AppError {
  return new AppError(ErrorCode.UnitOutOfScope, HttpStatus.FORBIDDEN, 'You work in your own commune only');
}

function cancelled(): AppError {
  return new AppError(ErrorCode.CommunitySessionCancelled, HttpStatus.CONFLICT, 'This session was cancelled');
}

function toSession(row: SessionRow): CommunitySessionDto {
  return {
    ...row,
    startsAt: new Date(row.startsAt).toISOString(),
    cancelledAt: row.cancelledAt ? new Date(row.cancelledAt).toISOString() : null,
  };
}

function toAttendee(row: AttendeeRow): AttendeeDto {
  return {
    ...row,
    phone: row.phone ? maskPhone(row.phone) : null,
    recordedAt: new Date(row.recordedAt).toISOString(),
  };
}

/**
 * The LIKE pattern a search matches phones with, or null (a name search): 3–4 digits match the end of
 * the number only; a whole Vietnamese mobile number (any usual spelling) matches exactly.
 */
export function phoneSearchOf(q: string): string | null {
  const compact = q.replace(/[\s.\-()]/g, '');
  if (/^\d{3,4}$/.test(compact)) return `%${compact}`;
  return normaliseVietnamesePhone(compact);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
