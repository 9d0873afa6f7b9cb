import { AdminUnitKind, ErrorCode } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager, Repository } from 'typeorm';

import { AppError } from '../../common/errors/app-error';
import { AdminUnit } from './admin-unit.entity';
import {
  AdminUnitDto,
  AdminUnitQueryDto,
  ImportAdminUnitsResultDto,
  ImportRowErrorDto,
} from './dto/admin-unit.dto';

interface ParsedUnit {
  code: string;
  name: string;
  kind: AdminUnitKind;
  population: number | null;
  areaKm2: string | null;
  mergedFrom: string | null;
}

const KIND_WORDS: Record<string, AdminUnitKind> = {
  xa: AdminUnitKind.Commune,
  xã: AdminUnitKind.Commune,
  commune: AdminUnitKind.Commune,
  phuong: AdminUnitKind.Ward,
  phường: AdminUnitKind.Ward,
  ward: AdminUnitKind.Ward,
};

@Injectable()
export class AdminUnitsService {
  constructor(
    @InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: AdminUnitQueryDto): Promise<AdminUnitDto[]> {
    const units = await this.units.find({
      where: {
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.parentId ? { parentId: query.parentId } : {}),
      },
      order: { name: 'ASC' },
    });
    return units.map(toDto).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /**
   * Imports communes/wards of one province from the campaign's CSV format. All or nothing: a file
   * with any bad row is rejected with every bad line listed, so a half-imported map never exists.
   */
  async importCsv(
    provinceCode: string,
    provinceName: string,
    csv: string,
  ): Promise<ImportAdminUnitsResultDto> {
    const { units, errors } = parseUnitsCsv(csv);
    if (errors.length > 0) {
      throw new AppError(
        ErrorCode.ImportInvalid,
        HttpStatus.BAD_REQUEST,
        'The file has invalid rows; nothing was imported',
        errors,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const provinceId = await upsertProvince(manager, provinceCode, provinceName);
      let created = 0;
      let updated = 0;
      for (const unit of units) {
        const rows = await manager.query<{ inserted: boolean }[]>(
          `INSERT INTO admin_units (code, name, kind, parent_id, population, area_km2, merged_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id,
             population = EXCLUDED.population, area_km2 = EXCLUDED.area_km2, merged_from = EXCLUDED.merged_from,
             updated_at = now()
           RETURNING (xmax = 0) AS inserted`,
          [unit.code, unit.name, unit.kind, provinceId, unit.population, unit.areaKm2, unit.mergedFrom],
        );
        if (rows[0]?.inserted) created += 1;
        else updated += 1;
      }
      return { created, updated };
    });
  }

  /**
   * Adds villages to a commune that has none yet (the demo seed's sample villages); returns how many
   * were added. Real villages come from the village import (VillagesService).
   */
  async addVillagesIfNone(
    communeId: string,
    villages: readonly { code: string; name: string }[],
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ existing }] = await manager.query<{ existing: number }[]>(
        `SELECT count(*)::int AS existing FROM admin_units WHERE kind = 'village' AND parent_id = $1`,
        [communeId],
      );
      if (existing > 0) return 0;
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO admin_units (code, name, kind, parent_id)
         SELECT t.code, t.name, 'village', $3::uuid FROM unnest($1::varchar[], $2::varchar[]) AS t(code, name)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [villages.map((village) => village.code), villages.map((village) => village.name), communeId],
      );
      return rows.length;
    });
  }
}

async function upsertProvince(manager: EntityManager, code: string, name: string): Promise<string> {
  const rows = await manager.query<{ id: string; kind: string }[]>(
    `INSERT INTO admin_units (code, name, kind) VALUES ($1, $2, 'province')
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
     RETURNING id, kind`,
    [code, name],
  );
  const row = rows[0];
  if (!row || row.kind !== 'province') {
    throw AppError.validation([
      {
        field: 'provinceCode',
        rules: ['province'],
        message: 'provinceCode belongs to a unit that is not a province',
      },
    ]);
  }
  return row.id;
}

export function parseUnitsCsv(csv: string): { units: ParsedUnit[]; errors: ImportRowErrorDto[] } {
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return {
      units: [],
      errors: [{ line: 1, message: `Not a readable CSV file: ${(error as Error).message}` }],
    };
  }
  const required = ['name', 'kind', 'code'];
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = required.filter((column) => !header.includes(column));
  if (records.length === 0 || missing.length > 0) {
    return {
      units: [],
      errors: [
        {
          line: 1,
          message: `The header must include ${required.join(', ')}; missing: ${missing.join(', ') || 'all rows'}`,
        },
      ],
    };
  }
  const units: ParsedUnit[] = [];
  const errors: ImportRowErrorDto[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const line = index + 2;
    const problems: string[] = [];
    const name = record['name'] ?? '';
    const kind = KIND_WORDS[(record['kind'] ?? '').toLowerCase()];
    const code = record['code'] ?? '';
    const populationText = record['population'] ?? '';
    const areaText = record['area_km2'] ?? '';
    if (name.length === 0 || name.length > 120) problems.push('name must be 1–120 characters');
    if (!kind) problems.push(`kind "${record['kind'] ?? ''}" must be xa or phuong`);
    if (!/^\d{5}$/.test(code)) problems.push(`code "${code}" must be 5 digits (keep the leading zero)`);
    else if (seen.has(code)) problems.push(`code ${code} appears twice`);
    if (populationText && !/^\d+$/.test(populationText))
      problems.push(`population "${populationText}" must be a whole number`);
    if (areaText && !/^\d+(\.\d+)?$/.test(areaText))
      problems.push(`area_km2 "${areaText}" must be a number with a dot`);
    if (problems.length > 0 || !kind) {
      errors.push({ line, message: problems.join('; ') });
      return;
    }
    seen.add(code);
    units.push({
      code,
      name,
      kind,
      population: populationText ? Number(populationText) : null,
      areaKm2: areaText || null,
      mergedFrom: record['merged_from'] || null,
    });
  });
  return { units, errors };
}

function toDto(unit: AdminUnit): AdminUnitDto {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    population: unit.population,
  };
}
