import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { catalogueKeys } from '../../../shared/courses/query-keys';
import { fetchCoursePage, listCatalogue } from '../api/catalogue-api';
import { type CatalogueFilters, catalogueQuery } from '../catalogue-query';

export function useCatalogue(filters: CatalogueFilters) {
  const query = catalogueQuery(filters);
  return useQuery({
    queryKey: catalogueKeys.list(query),
    queryFn: ({ signal }) => listCatalogue(query, signal),
    // The previous results stay on screen while the next arrive: no flashing on every keystroke.
    placeholderData: keepPreviousData,
  });
}

export function useCoursePage(slug: string) {
  return useQuery({
    queryKey: catalogueKeys.course(slug),
    queryFn: ({ signal }) => fetchCoursePage(slug, signal),
  });
}
