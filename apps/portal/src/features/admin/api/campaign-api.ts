import type { paths, Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type CampaignDashboard = Schema<'DashboardDto'>;
export type DashboardQuery = NonNullable<paths['/api/campaign/dashboard']['get']['parameters']['query']>;
export type FunnelStage = Schema<'FunnelStageDto'>;
export type TargetProgress = Schema<'TargetProgressDto'>;
export type CommuneRank = Schema<'CommuneRankDto'>;
export type StageCounts = Schema<'StageCountsDto'>;
export type CampaignTarget = Schema<'TargetDto'>;
export type TargetQuery = paths['/api/campaign/targets']['get']['parameters']['query'];
export type PutTargetBody = Schema<'PutTargetDto'>;
export type AdminUnit = Schema<'AdminUnitDto'>;

export function fetchDashboard(query: DashboardQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/campaign/dashboard', { params: { query }, signal }));
}

export function listTargets(query: TargetQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/campaign/targets', { params: { query }, signal }));
}

export function putTarget(body: PutTargetBody) {
  return unwrap(apiClient.PUT('/api/campaign/targets', { body }));
}

/** The province(s): the unit a province admin's dashboard opens on, and the first choice of its picker. */
export function listProvinces(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/admin-units', { params: { query: { kind: 'province' } }, signal }));
}
