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

export function requestCampaignReport(body: RequestCampaignReportBody) {
  return unwrap(apiClient.POST('/api/campaign/reports', { body }));
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
