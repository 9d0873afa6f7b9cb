import { COURSE_LEVELS, type CourseLevel, TARGET_GROUPS, type TargetGroup } from '@hocvu/contracts';

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

/** The value when it is one of `values`, else '' (no filter). */
export function oneOf<Value extends string>(values: readonly Value[], value: string | null): Value | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as Value) : '';
}

export function readCatalogueParams(params: URLSearchParams): CatalogueFilters {
  const page = Number(params.get('page'));
  const language = params.get('language') ?? '';
  return {
    q: params.get('q') ?? '',
    targetGroup: oneOf(TARGET_GROUPS, params.get('targetGroup')),
    language: LANGUAGE_CODE.test(language) ? language : '',
    level: oneOf(COURSE_LEVELS, params.get('level')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** `?q=…&level=…`, leaving out what is empty (and page 1). */
export function catalogueSearch(filters: CatalogueFilters): string {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.targetGroup) params.set('targetGroup', filters.targetGroup);
  if (filters.language) params.set('language', filters.language);
  if (filters.level) params.set('level', filters.level);
  if (filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : '';
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
