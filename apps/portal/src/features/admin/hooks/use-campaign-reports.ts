import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  type CampaignReport,
  listCampaignReports,
  refreshCampaignStats,
  requestCampaignReport,
} from '../api/campaign-reports-api';
import { campaignKeys } from './use-campaign';

export const campaignReportKeys = {
  all: [...campaignKeys.all, 'reports'] as const,
  list: (unitId: string | undefined) => [...campaignReportKeys.all, unitId ?? 'default'] as const,
};

const inFlight = (report: CampaignReport) => report.status === 'queued' || report.status === 'running';

/** Reports, newest first; polled every 1.5 s while one is being generated (its progress bar moves). */
export function useCampaignReports(unitId: string | undefined) {
  return useQuery({
    queryKey: campaignReportKeys.list(unitId),
    queryFn: ({ signal }) => listCampaignReports(unitId, signal),
    refetchInterval: (query) => (query.state.data?.items.some(inFlight) ? 1500 : false),
  });
}

export function useRequestCampaignReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestCampaignReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignReportKeys.all }),
  });
}

/** "Update now": queues a refresh, then re-reads the dashboard a few times until the new figures land. */
export function useRefreshCampaignStats() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshCampaignStats,
    onSuccess: () => {
      for (const delay of [2000, 5000, 10_000, 20_000]) {
        window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: campaignKeys.all }), delay);
      }
    },
  });
}
