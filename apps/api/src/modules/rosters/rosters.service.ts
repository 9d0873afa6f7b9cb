import { ErrorCode, Role } from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { assertCourseOpen } from '../learning/course-open';
import {
  RosterDuplicateDto,
  RosterEnrolResultDto,
  RosterImportResultDto,
  RosterIssueDto,
  RosterPreviewDto,
} from './dto/roster.dto';
import { columnOf, foldKey } from './roster-columns';
import { reportCsv } from './roster-export';
import { readRosterFile, RosterUpload } from './roster-file';
import { ParsedRoster, parseRoster, RosterLearner, UnitDirectory, UnitMatch } from './roster-parser';

/**
 * Marks accounts created from a roster: never a password hash, so no password signs in. The learner
 * gets in through VNeID when the roster had their citizen id (VNeID finds the account by its look-up
 * hash), or with a temporary password an admin hands over ("reset password", which also asks for a
 * new one at the next sign-in). Hashing a random password per row would cost ~50 ms × 50,000 rows.
 */
export const ROSTER_NO_PASSWORD = '!roster';
/** Rows per INSERT … SELECT FROM unnest(…): 20 parameters per statement whatever the batch size. */
const INSERT_BATCH = 5000;

interface ExistingAccount {
  id: string;
  phone: string | null;
  citizenIdHash: string | null;
  role: Role;
  status: string;
  communeId: string | null;
}

/** A row ready to write: the learner with its citizen id's look-up hash. */
interface Candidate {
  row: number;
  learner: RosterLearner;
  citizenIdHash: string | null;
}

interface Analysis {
  parsed: ParsedRoster;
  problems: RosterIssueDto[];
  warnings: RosterIssueDto[];
  duplicates: RosterDuplicateDto[];
  fresh: Candidate[];
  /** Rows matching an account, with the account's id when the actor may enrol it. */
  existing: { row: number; userId: string | null }[];
}

@Injectable()
export class RostersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  /** The dry run: the same checks as the import, nothing written. */
  async preview(upload: RosterUpload, actor: AuthUser): Promise<RosterPreviewDto> {
    const analysis = await this.analyse(upload, actor, this.dataSource.manager);
    return summary(analysis);
  }

  /** The row report of a dry run as CSV, every cell neutralised against formula injection. */
  async problemsCsv(upload: RosterUpload, actor: AuthUser): Promise<string> {
    const { problems, warnings } = await this.analyse(upload, actor, this.dataSource.manager);
    return reportCsv(
      [
        ...problems.map((issue) => ({ ...issue, severity: 'error' as const })),
        ...warnings.map((issue) => ({ ...issue, severity: 'warning' as const })),
      ].sort((a, b) => a.row - b.row),
    );
  }

  /**
   * Creates the valid rows' accounts in one transaction (all or none), skipping rows that match an
   * existing account by phone or citizen id; keeps the import's learners for enrolment.
   */
  async import(
    upload: RosterUpload,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<RosterImportResultDto> {
    const scope = this.scopeOf(actor);
    const importId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const analysis = await this.analyse(upload, actor, manager);
      const createdIds = new Map<number, string>();
      for (let start = 0; start < analysis.fresh.length; start += INSERT_BATCH) {
        const batch = analysis.fresh.slice(start, start + INSERT_BATCH);
        for (const [row, id] of await this.insertBatch(manager, batch, actor.id)) createdIds.set(row, id);
      }
      // Rows another import created meanwhile (the unique indexes let theirs win): now existing.
      const raced = analysis.fresh.filter((candidate) => !createdIds.has(candidate.row));
      if (raced.length > 0) {
        const accounts = await this.existingAccounts(manager, raced);
        for (const candidate of raced) {
          const account =
            (candidate.citizenIdHash && accounts.byHash.get(candidate.citizenIdHash)) ||
            (candidate.learner.phone && accounts.byPhone.get(candidate.learner.phone));
          if (!account) throw new Error('A roster row was neither inserted nor found');
          const userId = this.enrollable(account, scope) ? account.id : null;
          analysis.existing.push({ row: candidate.row, userId });
          analysis.duplicates.push({
            row: candidate.row,
            column: columnOf(candidate.citizenIdHash ? 'citizenId' : 'phone').header,
            code: 'exists',
            userId,
          });
        }
        analysis.fresh = analysis.fresh.filter((candidate) => createdIds.has(candidate.row));
      }

      const userIds = [
        ...analysis.fresh.map((candidate) => ({
          row: candidate.row,
          id: createdIds.get(candidate.row) as string,
        })),
        ...analysis.existing.flatMap(({ row, userId }) => (userId ? [{ row, id: userId }] : [])),
      ]
        .sort((a, b) => a.row - b.row)
        .map(({ id }) => id);
      const result: RosterImportResultDto = {
        ...summary(analysis),
        importId,
        created: createdIds.size,
        skippedExisting: analysis.existing.length,
        userIds: [...new Set(userIds)],
      };
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'roster.import',
          targetType: 'roster_import',
          targetId: importId,
          // Counts only: no names, phones or ids of the people on the roster.
          details: {
            format: 'xlsx' in upload ? 'xlsx' : 'csv',
            communeId: scope,
            rows: result.rows,
            created: result.created,
            skippedExisting: result.skippedExisting,
            problemRows: new Set(result.problems.map((problem) => problem.row)).size,
          },
          requestId,
        },
        manager,
      );
      // The import and its learners commit with the accounts: enrolling them later cannot lose anyone.
      await manager.query(
        `INSERT INTO roster_imports (id, imported_by, commune_id, rows, created, existing) VALUES ($1, $2, $3, $4, $5, $6)`,
        [importId, actor.id, scope, result.rows, result.created, result.skippedExisting],
      );
      await manager.query(
        `INSERT INTO roster_import_members (import_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [importId, result.userIds],
      );
      return result;
    });
  }

  /** Enrols an import's learners (created and existing) in a published course. */
  async enrol(
    importId: string,
    courseId: string,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<RosterEnrolResultDto> {
    const scope = this.scopeOf(actor);
    const [stored] = await this.dataSource.query<{ communeId: string | null; userIds: string[] }[]>(
      `SELECT i.commune_id AS "communeId",
              COALESCE(array_agg(m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS "userIds"
         FROM roster_imports i LEFT JOIN roster_import_members m ON m.import_id = i.id
        WHERE i.id = $1 GROUP BY i.id`,
      [importId],
    );
    // Another commune's import is reported as missing, like other out-of-scope records.
    if (!stored || (scope !== null && stored.communeId !== scope)) {
      throw AppError.notFound(ErrorCode.RosterImportNotFound, 'No such roster import');
    }
    await assertCourseOpen(this.dataSource, courseId);
    return this.dataSource.transaction(async (manager) => {
      const [counts] = await manager.query<{ cohort: number; added: number }[]>(
        `WITH cohort AS (
           SELECT u.id FROM users u
            WHERE u.id = ANY($1::uuid[]) AND u.role = 'learner' AND u.status = 'active'
              AND ($2::uuid IS NULL OR u.commune_id = $2)),
         added AS (
           INSERT INTO enrolments (course_id, user_id, source, enrolled_by)
           SELECT $3::uuid, id, 'bulk', $4::uuid FROM cohort
           ON CONFLICT (course_id, user_id) DO NOTHING RETURNING 1)
         SELECT (SELECT count(*)::int FROM cohort) AS cohort, (SELECT count(*)::int FROM added) AS added`,
        [stored.userIds, scope, courseId, actor.id],
      );
      const { cohort, added } = counts;
      const result = {
        enrolled: added,
        alreadyEnrolled: cohort - added,
        skipped: stored.userIds.length - cohort,
      };
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'roster.enrol',
          targetType: 'course',
          targetId: courseId,
          details: { importId, ...result },
          requestId,
        },
        manager,
      );
      return result;
    });
  }

  private async analyse(upload: RosterUpload, actor: AuthUser, manager: EntityManager): Promise<Analysis> {
    const scope = this.scopeOf(actor);
    const directory = await this.directory(manager, scope);
    // No variable keeps the file's cells: once parsed they can be collected while the rows are checked
    // against existing accounts and written.
    const parsed = parseRoster(await readRosterFile(upload), directory, { communeId: scope });
    if (parsed.headerProblems.length > 0) {
      throw new AppError(
        ErrorCode.RosterColumnsInvalid,
        HttpStatus.BAD_REQUEST,
        'The header row (row 1) lacks a required column or names one twice',
        { problems: parsed.headerProblems, warnings: parsed.headerWarnings },
      );
    }

    const candidates: Candidate[] = [];
    for (const row of parsed.rows) {
      if (!row.learner) continue;
      const citizenIdHash = row.learner.citizenId ? this.cipher.lookupHash(row.learner.citizenId) : null;
      candidates.push({ row: row.row, learner: row.learner, citizenIdHash });
    }
    const accounts = await this.existingAccounts(manager, candidates);

    const problems: RosterIssueDto[] = parsed.rows.flatMap((row) => row.problems);
    const duplicates: RosterDuplicateDto[] = problems
      .filter((problem) => problem.code === 'duplicate_in_file')
      .map((problem) => ({
        row: problem.row,
        column: problem.column,
        code: 'duplicate_in_file',
        firstRow: Number(/row (\d+)/.exec(problem.message)?.[1]),
      }));
    const fresh: Candidate[] = [];
    const existing: Analysis['existing'] = [];
    for (const candidate of candidates) {
      const { learner } = candidate;
      const byPhone = learner.phone ? accounts.byPhone.get(learner.phone) : undefined;
      const byHash = candidate.citizenIdHash ? accounts.byHash.get(candidate.citizenIdHash) : undefined;
      const otherCitizen =
        byPhone?.citizenIdHash &&
        candidate.citizenIdHash &&
        byPhone.citizenIdHash !== candidate.citizenIdHash;
      if ((byPhone && byHash && byPhone.id !== byHash.id) || otherCitizen) {
        problems.push({
          row: candidate.row,
          column: columnOf('citizenId').header,
          code: 'conflict',
          message: 'The phone number belongs to an account with another citizen id',
        });
        continue;
      }
      const account = byHash ?? byPhone;
      if (!account) {
        fresh.push(candidate);
        continue;
      }
      const userId = this.enrollable(account, scope) ? account.id : null;
      existing.push({ row: candidate.row, userId });
      duplicates.push({
        row: candidate.row,
        column: columnOf(byHash ? 'citizenId' : 'phone').header,
        code: 'exists',
        userId,
      });
    }
    problems.sort((a, b) => a.row - b.row);
    duplicates.sort((a, b) => a.row - b.row);
    const warnings = [...parsed.headerWarnings, ...parsed.rows.flatMap((row) => row.warnings)];
    return { parsed, problems, warnings, duplicates, fresh, existing };
  }

  /** Accounts holding any of the rows' phones or citizen ids (index look-ups, one statement). */
  private async existingAccounts(
    manager: EntityManager,
    candidates: readonly Candidate[],
  ): Promise<{ byPhone: Map<string, ExistingAccount>; byHash: Map<string, ExistingAccount> }> {
    const phones = candidates.flatMap((candidate) =>
      candidate.learner.phone ? [candidate.learner.phone] : [],
    );
    const hashes = candidates.flatMap((candidate) =>
      candidate.citizenIdHash ? [candidate.citizenIdHash] : [],
    );
    const rows =
      phones.length + hashes.length === 0
        ? []
        : await manager.query<ExistingAccount[]>(
            `SELECT id, phone, citizen_id_hash AS "citizenIdHash", role, status, commune_id AS "communeId"
               FROM users WHERE phone = ANY($1::varchar[])
             UNION
             SELECT id, phone, citizen_id_hash, role, status, commune_id
               FROM users WHERE citizen_id_hash = ANY($2::varchar[])`,
            [phones, hashes],
          );
    const byPhone = new Map<string, ExistingAccount>();
    const byHash = new Map<string, ExistingAccount>();
    for (const row of rows) {
      if (row.phone) byPhone.set(row.phone, row);
      if (row.citizenIdHash) byHash.set(row.citizenIdHash, row);
    }
    return { byPhone, byHash };
  }

  /** One multi-row INSERT; returns row → new account id for the rows inserted. */
  private async insertBatch(
    manager: EntityManager,
    batch: readonly Candidate[],
    actorId: string,
  ): Promise<Map<number, string>> {
    const column = <T>(pick: (learner: RosterLearner, candidate: Candidate) => T): T[] =>
      batch.map((candidate) => pick(candidate.learner, candidate));
    const inserted = await manager.query<{ id: string; phone: string | null; hash: string | null }[]>(
      `INSERT INTO users (phone, password_hash, role, status, full_name, birth_date_enc, birth_year, gender,
                          citizen_id_enc, citizen_id_hash, commune_id, village_id, target_group,
                          must_change_password, created_by, disability, ethnic_group, household_id,
                          attributes_consented_at)
       SELECT t.phone, $15, 'learner', 'active', t.full_name, t.birth_date_enc, t.birth_year, t.gender,
              t.citizen_id_enc, t.citizen_id_hash, t.commune_id, t.village_id, t.target_group,
              false, $16::uuid, t.disability, t.ethnic_group, t.household_id,
              CASE WHEN t.consented THEN now() END
         FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::smallint[], $5::varchar[], $6::text[],
                     $7::varchar[], $8::uuid[], $9::uuid[], $10::varchar[], $11::boolean[], $12::boolean[],
                     $13::varchar[], $14::varchar[])
           AS t(phone, full_name, birth_date_enc, birth_year, gender, citizen_id_enc, citizen_id_hash,
                commune_id, village_id, target_group, consented, disability, ethnic_group, household_id)
       ON CONFLICT DO NOTHING
       RETURNING id, phone, citizen_id_hash AS hash`,
      [
        column((l) => l.phone),
        column((l) => l.fullName),
        column((l) => (l.birthDate ? this.cipher.encrypt(l.birthDate) : null)),
        column((l) => (l.birthDate ? Number(l.birthDate.slice(0, 4)) : null)),
        column((l) => l.gender),
        column((l) => (l.citizenId ? this.cipher.encrypt(l.citizenId) : null)),
        column((_, c) => c.citizenIdHash),
        column((l) => l.communeId),
        column((l) => l.villageId),
        column((l) => l.targetGroup),
        column((l) => l.consented),
        column((l) => l.disability),
        column((l) => l.ethnicGroup),
        column((l) => l.householdId),
        ROSTER_NO_PASSWORD,
        actorId,
      ],
    );
    // Phones and citizen ids are unique within a batch (in-file duplicates are problems): map back by them.
    const rowOf = new Map<string, number>();
    for (const candidate of batch) {
      if (candidate.citizenIdHash) rowOf.set(`h:${candidate.citizenIdHash}`, candidate.row);
      if (candidate.learner.phone) rowOf.set(`p:${candidate.learner.phone}`, candidate.row);
    }
    const created = new Map<number, string>();
    for (const account of inserted) {
      const row = rowOf.get(account.hash ? `h:${account.hash}` : `p:${account.phone}`);
      if (row !== undefined) created.set(row, account.id);
    }
    return created;
  }

  /** Communes and wards (by code or name) and their villages; a commune admin's directory is their commune. */
  private async directory(manager: EntityManager, scope: string | null): Promise<UnitDirectory> {
    const units = await manager.query<
      { id: string; code: string; name: string; kind: string; parentId: string | null }[]
    >(
      `SELECT id, code, name, kind, parent_id AS "parentId" FROM admin_units
        WHERE kind IN ('commune', 'ward')
           OR (kind = 'village' AND ($1::uuid IS NULL OR parent_id = $1))`,
      [scope],
    );
    const communes = new UnitIndex(COMMUNE_PREFIXES);
    const villages = new Map<string, UnitIndex>();
    for (const unit of units) {
      if (unit.kind === 'village') {
        if (!unit.parentId) continue;
        let index = villages.get(unit.parentId);
        if (!index) villages.set(unit.parentId, (index = new UnitIndex(VILLAGE_PREFIXES)));
        index.add(unit);
      } else communes.add(unit);
    }
    return {
      commune: (text) => communes.match(text),
      village: (communeId, text) => villages.get(communeId)?.match(text) ?? 'unknown',
    };
  }

  private enrollable(account: ExistingAccount, scope: string | null): boolean {
    return (
      account.role === Role.Learner &&
      account.status === 'active' &&
      (scope === null || account.communeId === scope)
    );
  }

  /** A commune admin works in their commune only; a province admin everywhere (null). */
  private scopeOf(actor: AuthUser): string | null {
    if (actor.role === Role.CommuneAdmin) {
      if (!actor.communeId) throw AppError.forbidden();
      return actor.communeId;
    }
    return null;
  }
}

function summary(analysis: Analysis): RosterPreviewDto {
  return {
    rows: analysis.parsed.rows.length,
    valid: analysis.fresh.length,
    existing: analysis.existing.length,
    problems: analysis.problems,
    warnings: analysis.warnings,
    duplicates: analysis.duplicates,
  };
}

const COMMUNE_PREFIXES = ['xã', 'phường', 'thị trấn', 'đặc khu'];
const VILLAGE_PREFIXES = ['thôn', 'bản', 'tổ dân phố', 'tổ', 'xóm', 'ấp', 'khu phố', 'khối'];

/**
 * Units found by code, by name as written (case aside), or by name without diacritics; "Xã Mường Ảng"
 * and "Mường Ảng" are the same name. A name two units share is ambiguous: write the code.
 */
class UnitIndex {
  private readonly byCode = new Map<string, string>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly byFolded = new Map<string, Set<string>>();

  private readonly foldedPrefixes: readonly string[];

  constructor(private readonly prefixes: readonly string[]) {
    this.foldedPrefixes = prefixes.map((prefix) =>
      prefix.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'),
    );
  }

  add(unit: { id: string; code: string; name: string }): void {
    this.byCode.set(unit.code.toLowerCase(), unit.id);
    addTo(this.byName, this.bareName(unit.name), unit.id);
    addTo(this.byFolded, this.foldedName(unit.name), unit.id);
  }

  match(text: string): UnitMatch {
    const code = this.byCode.get(text.trim().toLowerCase());
    if (code) return { id: code };
    for (const ids of [this.byName.get(this.bareName(text)), this.byFolded.get(this.foldedName(text))]) {
      if (!ids) continue;
      if (ids.size > 1) return 'ambiguous';
      return { id: [...ids][0] };
    }
    return 'unknown';
  }

  private bareName(text: string): string {
    return withoutPrefix(text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim(), this.prefixes);
  }

  /** Typed without diacritics too: "ban mon" is "Bản Món". */
  private foldedName(text: string): string {
    const loose = text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
    return foldKey(withoutPrefix(loose, this.foldedPrefixes));
  }
}

function withoutPrefix(name: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (name.startsWith(`${prefix} `) && name.length > prefix.length + 1)
      return name.slice(prefix.length + 1);
  }
  return name;
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}
