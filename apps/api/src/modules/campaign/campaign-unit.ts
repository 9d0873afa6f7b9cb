import { ErrorCode, Role } from '@hocvu/contracts';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { DashboardUnitDto } from './dto/campaign.dto';

/**
 * The unit a campaign request (dashboard, targets, reports) is about, checked against the caller's scope:
 * commune admins get their own commune — any other unit, or none at all, is 403 UNIT_OUT_OF_SCOPE;
 * province admins any province, commune or ward (default: the first province).
 */
export async function campaignUnitFor(
  db: DataSource,
  unitId: string | undefined,
  actor: AuthUser,
): Promise<DashboardUnitDto> {
  if (actor.role === Role.CommuneAdmin) {
    if (!actor.communeId || (unitId && unitId !== actor.communeId)) {
      throw new AppError(ErrorCode.UnitOutOfScope, 403, 'Commune admins see their own commune only');
    }
    unitId = actor.communeId;
  }
  const [unit] = await db.query<{ id: string; name: string; kind: string; population: number | null }[]>(
    unitId
      ? `SELECT id, name, kind, population FROM admin_units WHERE id = $1`
      : `SELECT id, name, kind, population FROM admin_units WHERE kind = 'province' ORDER BY code LIMIT 1`,
    unitId ? [unitId] : [],
  );
  if (!unit || unit.kind === 'village') {
    throw new AppError(ErrorCode.NotFound, 404, 'No province or commune with this id');
  }
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind === 'province' ? 'province' : 'commune',
    population: unit.population,
  };
}
