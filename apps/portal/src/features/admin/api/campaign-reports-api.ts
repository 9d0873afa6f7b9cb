import type { Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type CampaignReport = Schema<'CampaignReportDto'>;
export type RequestCampaignReportBody = Schema<'RequestCampaignReportDto'>;
export type CampaignReportFormat = CampaignReport['files'][number]['format'];

export function listCampaignReports(unitId: string | undefined, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/campaign/reports', { params: { query: unitId ? { unitId } : {} }, signal }),
  );
}

/** `created` is false when that unit's quarter was already being generated (the API answers 200, not 202). */
export async function requestCampaignReport(body: RequestCampaignReportBody) {
  const call = apiClient.POST('/api/campaign/reports', { body });
  const report = await unwrap(call);
  return { report, created: (await call).response.status === 202 };
}

export function fetchCampaignReportFile(id: string, format: CampaignReportFormat) {
  return unwrap(
    apiClient.GET('/api/campaign/reports/{id}/{format}', {
      params: { path: { id, format } },
      parseAs: 'blob',
    }),
  );
}

/** Asks the worker to refresh the dashboards' aggregates now. */
export function refreshCampaignStats() {
  return unwrap(apiClient.POST('/api/campaign/stats/refresh'));
}
