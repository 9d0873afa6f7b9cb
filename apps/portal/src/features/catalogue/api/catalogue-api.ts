import type { paths, Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { unwrap } from '../../../shared/api/api-error';

export type CatalogueCourse = Schema<'CatalogueCourseDto'>;
export type CoursePage = Schema<'CoursePageDto'>;
export type CatalogueQuery = NonNullable<paths['/api/catalogue']['get']['parameters']['query']>;

export function listCatalogue(query: CatalogueQuery, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/catalogue', { params: { query }, signal }));
}

export function fetchCoursePage(slug: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/catalogue/{slug}', { params: { path: { slug } }, signal }));
}
