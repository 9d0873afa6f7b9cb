import { AdminUnitKind, ErrorCode, Role } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { rowsFromXlsx } from '../questions/question-file';
import { AdminUnitDto } from './dto/admin-unit.dto';
import {
  VillageImportResultDto,
  VillageListDto,
  VillagePreviewDto,
  VillagePreviewLineDto,
} from './dto/village.dto';
import { parseVillageRows, rowsFromText, villageKey, VillageProblem } from './village-list';

interface Commune {
  id: string;
  code: string;
}

interface ExistingVillage {
  id: string;
  code: string;
  name: string;
  population: number | null;
}

interface Analysis {
  lines: VillagePreviewLineDto[];
  problems: VillageProblem[];
}

/**
 * A commune's villages (thôn, bản, tổ dân phố: admin units of kind `village` under the commune),
 * imported from a list: a dry run first, then one transaction that adds the new names and keeps the
 * existing ones (their population updated when the list gives one). Nothing is ever deleted, so a
 * village learners live in cannot disappear. Commune admins work on their own commune only.
 */
@Injectable()
export class VillagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async preview(communeId: string, list: VillageListDto, actor: AuthUser): Promise<VillagePreviewDto> {
    const commune = await this.scopedCommune(this.dataSource.manager, communeId, actor);
    const analysis = await this.analyse(this.dataSource.manager, commune, list);
    return previewOf(commune, analysis);
  }

  async import(
    communeId: string,
    list: VillageListDto,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<VillageImportResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const commune = await this.scopedCommune(manager, communeId, actor);
      // Two imports of one commune at once would both add the same new name: one waits for the other.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('hocvu:villages:' || $1::text))`, [
        commune.id,
      ]);
      const analysis = await this.analyse(manager, commune, list);
      if (analysis.problems.length > 0) {
        throw new AppError(
          ErrorCode.ImportInvalid,
          HttpStatus.BAD_REQUEST,
          'The list has lines with problems; nothing was imported',
          analysis.problems,
        );
      }
      const fresh = analysis.lines.filter((line) => line.status === 'new');
      const codes = await this.codesFor(manager, commune, fresh);
      if (fresh.length > 0) {
        // Codes are unique across communes, and the lock above is per commune: another commune's
        // import may take a listed code after the analysis. ON CONFLICT keeps the transaction usable
        // so that line is answered like any taken code (the whole import is then refused).
        const inserted = await manager.query<{ code: string }[]>(
          `INSERT INTO admin_units (code, name, kind, parent_id, population)
           SELECT t.code, t.name, 'village', $4::uuid, t.population
             FROM unnest($1::varchar[], $2::varchar[], $3::int[]) AS t(code, name, population)
           ON CONFLICT (code) DO NOTHING RETURNING code`,
          [codes, fresh.map((line) => line.name), fresh.map((line) => line.population), commune.id],
        );
        if (inserted.length < fresh.length) throw clashOf(fresh, codes, inserted);
      }
      const repopulated = analysis.lines.filter(
        (line) => line.status === 'existing' && line.population !== null,
      );
      if (repopulated.length > 0) {
        await manager.query(
          `UPDATE admin_units a SET population = t.population, updated_at = now()
             FROM unnest($1::uuid[], $2::int[]) AS t(id, population)
            WHERE a.id = t.id AND a.population IS DISTINCT FROM t.population`,
          [repopulated.map((line) => line.villageId), repopulated.map((line) => line.population)],
        );
      }
      const result = {
        added: fresh.length,
        existing: analysis.lines.length - fresh.length,
      };
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'admin_unit.villages_import',
          targetType: 'commune',
          targetId: commune.id,
          details: { format: list.xlsx !== undefined ? 'xlsx' : 'text', ...result },
          requestId,
        },
        manager,
      );
      return { ...result, villages: await villagesOf(manager, commune.id) };
    });
  }

  /**
   * The commune a request is about: a commune admin's own commune only (403 UNIT_OUT_OF_SCOPE
   * otherwise, also in the query itself), a province admin any commune or ward.
   */
  private async scopedCommune(manager: EntityManager, communeId: string, actor: AuthUser): Promise<Commune> {
    const scope = actor.role === Role.CommuneAdmin ? actor.communeId : null;
    if (actor.role === Role.CommuneAdmin && communeId !== scope) {
      throw new AppError(
        ErrorCode.UnitOutOfScope,
        HttpStatus.FORBIDDEN,
        'Commune admins work on their own commune only',
      );
    }
    const [commune] = await manager.query<Commune[]>(
      `SELECT id, code FROM admin_units
        WHERE id = $1 AND kind IN ('commune', 'ward') AND ($2::uuid IS NULL OR id = $2)`,
      [communeId, scope],
    );
    if (!commune) throw AppError.notFound(ErrorCode.AdminUnitNotFound, 'No commune or ward with this id');
    return commune;
  }

  private async analyse(manager: EntityManager, commune: Commune, list: VillageListDto): Promise<Analysis> {
    const rows = list.xlsx !== undefined ? await rowsFromXlsx(list.xlsx) : rowsFromText(list.text ?? '');
    const parsed = parseVillageRows(rows);
    if (parsed.lines.length + parsed.problems.length === 0) {
      throw new AppError(ErrorCode.ImportInvalid, HttpStatus.BAD_REQUEST, 'The list has no village', [
        { line: 1, code: 'required', message: 'The list has no village' },
      ]);
    }
    const existing = await manager.query<ExistingVillage[]>(
      `SELECT id, code, name, population FROM admin_units WHERE kind = 'village' AND parent_id = $1`,
      [commune.id],
    );
    const byKey = new Map(existing.map((village) => [villageKey(village.name), village]));
    const problems = [...parsed.problems];
    const lines: VillagePreviewLineDto[] = [];
    const wanted = parsed.lines.flatMap((line) =>
      line.code !== null && !byKey.has(villageKey(line.name)) ? [line.code] : [],
    );
    const taken = new Set(
      wanted.length === 0
        ? []
        : (
            await manager.query<{ code: string }[]>(
              `SELECT code FROM admin_units WHERE code = ANY($1::varchar[])`,
              [wanted],
            )
          ).map((row) => row.code),
    );
    for (const line of parsed.lines) {
      const village = byKey.get(villageKey(line.name));
      if (!village && line.code !== null && taken.has(line.code)) {
        problems.push({
          line: line.line,
          code: 'code_taken',
          message: 'Another administrative unit already has this code',
          value: line.code,
        });
        continue;
      }
      lines.push({
        line: line.line,
        // An existing village keeps its name and code as they are.
        name: village?.name ?? line.name,
        code: village?.code ?? line.code,
        population: line.population,
        status: village ? 'existing' : 'new',
        villageId: village?.id ?? null,
      });
    }
    problems.sort((a, b) => a.line - b.line);
    return { lines, problems };
  }

  /**
   * Codes of the new villages: the one the list gives, else the commune's code and a number
   * ("03214-007"); admin_units codes are unique, so numbers in use are skipped.
   */
  private async codesFor(
    manager: EntityManager,
    commune: Commune,
    fresh: readonly VillagePreviewLineDto[],
  ): Promise<string[]> {
    const used = new Set(
      (
        await manager.query<{ code: string }[]>(`SELECT code FROM admin_units WHERE code LIKE $1`, [
          `${commune.code}-%`,
        ])
      ).map((row) => row.code),
    );
    for (const line of fresh) if (line.code) used.add(line.code);
    let next = 1;
    return fresh.map((line) => {
      if (line.code) return line.code;
      let code: string;
      do code = `${commune.code}-${String(next++).padStart(3, '0')}`;
      while (used.has(code));
      used.add(code);
      return code;
    });
  }
}

/**
 * The import's answer when some codes were taken meanwhile: a listed code is that line's `code_taken`;
 * a numbered code of our own (taken by another commune's list at that moment) asks to try again.
 */
function clashOf(
  fresh: readonly VillagePreviewLineDto[],
  codes: readonly string[],
  inserted: readonly { code: string }[],
): AppError {
  const added = new Set(inserted.map((row) => row.code));
  const problems: VillageProblem[] = [];
  fresh.forEach((line, index) => {
    if (added.has(codes[index])) return;
    if (line.code === null) return;
    problems.push({
      line: line.line,
      code: 'code_taken',
      message: 'Another administrative unit already has this code',
      value: line.code,
    });
  });
  if (problems.length === 0) {
    return new AppError(
      ErrorCode.Conflict,
      HttpStatus.CONFLICT,
      'Another import took a village code at the same moment; try again',
    );
  }
  return new AppError(
    ErrorCode.ImportInvalid,
    HttpStatus.BAD_REQUEST,
    'The list has lines with problems; nothing was imported',
    problems,
  );
}

function previewOf(commune: Commune, analysis: Analysis): VillagePreviewDto {
  const added = analysis.lines.filter((line) => line.status === 'new').length;
  return {
    communeId: commune.id,
    lines: analysis.lines,
    problems: analysis.problems,
    added,
    existing: analysis.lines.length - added,
  };
}

async function villagesOf(manager: EntityManager, communeId: string): Promise<AdminUnitDto[]> {
  const rows = await manager.query<AdminUnitDto[]>(
    `SELECT id, code, name, kind, parent_id AS "parentId", population
       FROM admin_units WHERE kind = $1 AND parent_id = $2`,
    [AdminUnitKind.Village, communeId],
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
