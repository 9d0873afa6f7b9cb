import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  type DashboardQuery,
  fetchDashboard,
  listProvinces,
  listTargets,
  putTarget,
  type TargetQuery,
} from '../api/campaign-api';

export const campaignKeys = {
  all: ['campaign'] as const,
  dashboard: (query: DashboardQuery) => [...campaignKeys.all, 'dashboard', query] as const,
  targets: (query: TargetQuery) => [...campaignKeys.all, 'targets', query] as const,
  provinces: ['admin-units', 'provinces'] as const,
};

/** The worker refreshes the aggregates every five minutes: asking more often shows nothing new. */
export const CAMPAIGN_REFRESH_MS = 5 * 60 * 1000;

export function useCampaignDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: campaignKeys.dashboard(query),
    queryFn: ({ signal }) => fetchDashboard(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
    refetchInterval: CAMPAIGN_REFRESH_MS,
  });
}

export function useCampaignTargets(query: TargetQuery) {
  return useQuery({
    queryKey: campaignKeys.targets(query),
    queryFn: ({ signal }) => listTargets(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProvinces(enabled = true) {
  return useQuery({
    queryKey: campaignKeys.provinces,
    queryFn: ({ signal }) => listProvinces(signal),
    staleTime: 60 * 60 * 1000,
    enabled,
  });
}

export function usePutTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putTarget,
    // The dashboards' progress reads the targets too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
