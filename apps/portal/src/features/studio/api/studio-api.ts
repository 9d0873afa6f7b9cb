import type { paths, Schema } from '@hocvu/api-client';

import { apiClient } from '../../../app/api-client';
import { expectNoContent, unwrap } from '../../../shared/api/api-error';

export type StudioCourseSummary = Schema<'StudioCourseSummaryDto'>;
export type StudioCourse = Schema<'StudioCourseDto'>;
export type StudioSection = Schema<'OutlineSectionDto'>;
export type StudioLessonSummary = Schema<'OutlineLessonDto'>;
export type StudioLesson = Schema<'StudioLessonDto'>;
export type CourseVersion = Schema<'CourseVersionDto'>;
export type CreateCourseBody = Schema<'CreateCourseDto'>;
export type UpdateCourseBody = Schema<'UpdateCourseDto'>;
export type CreateLessonBody = Schema<'CreateLessonDto'>;
export type UpdateLessonBody = Schema<'UpdateLessonDto'>;
export type CourseOrder = Schema<'CourseOrderDto'>;
export type StudioLessonVideo = Schema<'StudioLessonVideoDto'>;
export type StudioVideo = Schema<'StudioVideoDto'>;
export type StudioQuestion = Schema<'QuestionDto'>;
export type QuestionBody = Schema<'QuestionBodyDto'>;
export type QuestionImportResult = Schema<'QuestionImportResultDto'>;
export type UploadedQuestionImage = Schema<'UploadedQuestionImageDto'>;
/** The question template, as CSV text or as an XLSX workbook in base64. */
export type QuestionFile = { csv: string } | { xlsx: string };
export type QuestionTemplateFormat = 'xlsx' | 'csv';

/** The tus endpoint that receives lesson videos (`Upload-Metadata`: lessonId, filename, filetype). */
export const VIDEO_UPLOAD_ENDPOINT = '/api/studio/uploads/videos' satisfies keyof paths;

const id = (value: string) => ({ params: { path: { id: value } } });

export function listMyCourses(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/courses', { signal }));
}

export function createCourse(body: CreateCourseBody) {
  return unwrap(apiClient.POST('/api/studio/courses', { body }));
}

export function fetchStudioCourse(courseId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/courses/{id}', { ...id(courseId), signal }));
}

export function updateCourse(courseId: string, body: UpdateCourseBody) {
  return unwrap(apiClient.PATCH('/api/studio/courses/{id}', { ...id(courseId), body }));
}

export function reorderCourse(courseId: string, body: CourseOrder) {
  return unwrap(apiClient.PUT('/api/studio/courses/{id}/order', { ...id(courseId), body }));
}

export function publishCourse(courseId: string) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/publish', id(courseId)));
}

export function unpublishCourse(courseId: string) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/unpublish', id(courseId)));
}

export function archiveCourse(courseId: string) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/archive', id(courseId)));
}

/** Sets the draft's cover: the image file's bytes in base64 (JPEG, PNG or WebP, ≤ 1 MB, ≥ 320×180). */
export function setCover(courseId: string, image: string) {
  return unwrap(apiClient.PUT('/api/studio/courses/{id}/cover', { ...id(courseId), body: { image } }));
}

export function removeCover(courseId: string) {
  return unwrap(apiClient.DELETE('/api/studio/courses/{id}/cover', id(courseId)));
}

export function listVersions(courseId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/courses/{id}/versions', { ...id(courseId), signal }));
}

export function addCoTeacher(courseId: string, phone: string) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/co-teachers', { ...id(courseId), body: { phone } }));
}

export function removeCoTeacher(courseId: string, userId: string) {
  return unwrap(
    apiClient.DELETE('/api/studio/courses/{id}/co-teachers/{userId}', {
      params: { path: { id: courseId, userId } },
    }),
  );
}

export function addSection(courseId: string, title: Schema<'SectionTitleDto'>['title']) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/sections', { ...id(courseId), body: { title } }));
}

export function renameSection(sectionId: string, title: Schema<'SectionTitleDto'>['title']) {
  return unwrap(apiClient.PATCH('/api/studio/sections/{id}', { ...id(sectionId), body: { title } }));
}

export function deleteSection(sectionId: string) {
  return unwrap(apiClient.DELETE('/api/studio/sections/{id}', id(sectionId)));
}

export function addLesson(sectionId: string, body: CreateLessonBody) {
  return unwrap(apiClient.POST('/api/studio/sections/{id}/lessons', { ...id(sectionId), body }));
}

export function fetchStudioLesson(lessonId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/lessons/{id}', { ...id(lessonId), signal }));
}

export function updateLesson(lessonId: string, body: UpdateLessonBody) {
  return unwrap(apiClient.PATCH('/api/studio/lessons/{id}', { ...id(lessonId), body }));
}

export function deleteLesson(lessonId: string) {
  return unwrap(apiClient.DELETE('/api/studio/lessons/{id}', id(lessonId)));
}

const lesson = (lessonId: string) => ({ params: { path: { lessonId } } });

export function fetchLessonVideo(lessonId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/lessons/{lessonId}/video', { ...lesson(lessonId), signal }));
}

/** Makes a finished tus upload the lesson's video and queues it for processing. */
export function finishVideoUpload(lessonId: string, uploadId: string) {
  return unwrap(
    apiClient.POST('/api/studio/lessons/{lessonId}/video', { ...lesson(lessonId), body: { uploadId } }),
  );
}

export function retranscodeVideo(lessonId: string) {
  return unwrap(apiClient.POST('/api/studio/lessons/{lessonId}/video/retranscode', lesson(lessonId)));
}

export function putCaption(lessonId: string, language: string, vtt: string) {
  return unwrap(
    apiClient.PUT('/api/studio/lessons/{lessonId}/captions/{language}', {
      params: { path: { lessonId, language } },
      body: { vtt },
    }),
  );
}

export function deleteCaption(lessonId: string, language: string) {
  return unwrap(
    apiClient.DELETE('/api/studio/lessons/{lessonId}/captions/{language}', {
      params: { path: { lessonId, language } },
    }),
  );
}

/** A course's question bank (with the answers) and every tag in use. */
export function listQuestions(courseId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/studio/courses/{id}/questions', { ...id(courseId), signal }));
}

export function createQuestion(courseId: string, body: QuestionBody) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/questions', { ...id(courseId), body }));
}

export function replaceQuestion(questionId: string, body: QuestionBody) {
  return unwrap(apiClient.PUT('/api/studio/questions/{id}', { ...id(questionId), body }));
}

export function deleteQuestion(questionId: string) {
  return expectNoContent(apiClient.DELETE('/api/studio/questions/{id}', id(questionId)));
}

/**
 * Stores an image for a question of the course: the file's bytes in base64 (JPEG, PNG or WebP, ≤ 1 MB,
 * ≥ 64×64). The answer's `key` goes into the question's `image` when it is saved.
 */
export function uploadQuestionImage(courseId: string, image: string) {
  return unwrap(
    apiClient.POST('/api/studio/courses/{id}/question-images', { ...id(courseId), body: { image } }),
  );
}

/** Imports the template's valid rows; the answer lists the rejected rows with their problems. */
export function importQuestions(courseId: string, file: QuestionFile) {
  return unwrap(apiClient.POST('/api/studio/courses/{id}/questions/import', { ...id(courseId), body: file }));
}

/** The question template file (with two example questions), as the API generates it. */
export function fetchQuestionTemplate(format: QuestionTemplateFormat): Promise<Blob> {
  return unwrap(
    format === 'xlsx'
      ? apiClient.GET('/api/studio/question-template.xlsx', { parseAs: 'blob' })
      : apiClient.GET('/api/studio/question-template.csv', { parseAs: 'blob' }),
  );
}
