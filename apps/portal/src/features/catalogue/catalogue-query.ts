import { COURSE_LEVELS, type CourseLevel, TARGET_GROUPS, type TargetGroup } from '@hocvu/contracts';

import { oneOf, pageParam, searchString } from '../../shared/url-query';

/** The catalogue's search and filters, kept in the URL: shareable, and the back button undoes them. */
export interface CatalogueFilters {
  q: string;
  targetGroup: TargetGroup | '';
  language: string;
  level: CourseLevel | '';
  page: number;
}

export const CATALOGUE_PAGE_SIZE = 10;

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export function readCatalogueParams(params: URLSearchParams): CatalogueFilters {
  const language = params.get('language') ?? '';
  return {
    q: params.get('q') ?? '',
    targetGroup: oneOf(TARGET_GROUPS, params.get('targetGroup')),
    language: LANGUAGE_CODE.test(language) ? language : '',
    level: oneOf(COURSE_LEVELS, params.get('level')),
    page: pageParam(params),
  };
}

/** `?q=…&level=…`, leaving out what is empty (and page 1). */
export function catalogueSearch(filters: CatalogueFilters): string {
  return searchString({
    q: filters.q.trim(),
    targetGroup: filters.targetGroup,
    language: filters.language,
    level: filters.level,
    page: filters.page,
  });
}

/**
 * The API query. The text goes as typed (trimmed): the server folds diacritics, so "ky nang" finds
 * "Kỹ năng".
 */
export function catalogueQuery(filters: CatalogueFilters) {
  const q = filters.q.trim();
  return {
    page: filters.page,
    pageSize: CATALOGUE_PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(filters.targetGroup ? { targetGroup: filters.targetGroup } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.level ? { level: filters.level } : {}),
  };
}

export function hasFilters(filters: CatalogueFilters): boolean {
  return (
    filters.q.trim() !== '' || filters.targetGroup !== '' || filters.language !== '' || filters.level !== ''
  );
}
