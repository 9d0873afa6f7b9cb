import { searchString } from '../../../shared/url-query';
import { readYear } from '../campaign';
import type { CampaignScope } from './CampaignFilters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The year and unit live in the address bar: a dashboard can be bookmarked or sent to a colleague. */
export function readScope(params: URLSearchParams, currentYear: number): CampaignScope {
  const unitId = params.get('unitId') ?? '';
  return { year: readYear(params.get('year'), currentYear), unitId: UUID.test(unitId) ? unitId : '' };
}

export function toSearch(scope: CampaignScope, currentYear: number): string {
  return searchString({ year: scope.year === currentYear ? '' : scope.year, unitId: scope.unitId });
}
