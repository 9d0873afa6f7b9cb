import { type LocalizedText, VideoStatus } from '@hocvu/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { catalogueKeys } from '../../../shared/courses/query-keys';
import {
  addCoTeacher,
  addLesson,
  addSection,
  archiveCourse,
  createCourse,
  type CreateLessonBody,
  createQuestion,
  deleteCaption,
  deleteLesson,
  deleteQuestion,
  deleteSection,
  fetchLessonVideo,
  fetchStudioCourse,
  fetchStudioLesson,
  finishVideoUpload,
  importQuestions,
  listMyCourses,
  listQuestions,
  listVersions,
  publishCourse,
  putCaption,
  type QuestionBody,
  type QuestionFile,
  removeCoTeacher,
  removeCover,
  renameSection,
  reorderCourse,
  replaceQuestion,
  retranscodeVideo,
  setCover,
  type StudioCourse,
  type StudioLesson,
  type StudioLessonVideo,
  unpublishCourse,
  updateCourse,
  type UpdateCourseBody,
  updateLesson,
  type UpdateLessonBody,
  uploadQuestionImage,
} from '../api/studio-api';
import { applyOrder, type OutlineOrder } from '../components/outline-order';

export const studioKeys = {
  all: ['studio'] as const,
  courses: () => [...studioKeys.all, 'courses'] as const,
  course: (courseId: string) => [...studioKeys.all, 'course', courseId] as const,
  versions: (courseId: string) => [...studioKeys.all, 'versions', courseId] as const,
  lesson: (lessonId: string) => [...studioKeys.all, 'lesson', lessonId] as const,
  video: (lessonId: string) => [...studioKeys.all, 'video', lessonId] as const,
  reorder: (courseId: string) => [...studioKeys.all, 'reorder', courseId] as const,
  questions: (courseId: string) => [...studioKeys.all, 'questions', courseId] as const,
};

export function useMyCourses() {
  return useQuery({ queryKey: studioKeys.courses(), queryFn: ({ signal }) => listMyCourses(signal) });
}

export function useStudioCourse(courseId: string) {
  return useQuery({
    queryKey: studioKeys.course(courseId),
    queryFn: ({ signal }) => fetchStudioCourse(courseId, signal),
  });
}

export function useCourseVersions(courseId: string) {
  return useQuery({
    queryKey: studioKeys.versions(courseId),
    queryFn: ({ signal }) => listVersions(courseId, signal),
  });
}

export function useStudioLesson(lessonId: string) {
  return useQuery({
    queryKey: studioKeys.lesson(lessonId),
    queryFn: ({ signal }) => fetchStudioLesson(lessonId, signal),
  });
}

/**
 * Every change to a course answers with the whole course: it replaces the cached one. `also` refreshes
 * whatever else the change affects.
 */
function useCourseChange<Variables>(
  mutationFn: (variables: Variables) => Promise<StudioCourse>,
  also?: (queryClient: QueryClient, variables: Variables) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (course, variables) => {
      queryClient.setQueryData(studioKeys.course(course.id), course);
      void queryClient.invalidateQueries({ queryKey: studioKeys.courses() });
      also?.(queryClient, variables);
    },
  });
}

export function useCreateCourse() {
  return useCourseChange(createCourse);
}

export function useUpdateCourse(courseId: string) {
  return useCourseChange((body: UpdateCourseBody) => updateCourse(courseId, body));
}

export function useAddSection(courseId: string) {
  return useCourseChange((title: LocalizedText) => addSection(courseId, title));
}

export function useRenameSection() {
  return useCourseChange(({ sectionId, title }: { sectionId: string; title: LocalizedText }) =>
    renameSection(sectionId, title),
  );
}

export function useDeleteSection() {
  return useCourseChange(deleteSection);
}

export function useAddLesson() {
  return useCourseChange(({ sectionId, body }: { sectionId: string; body: CreateLessonBody }) =>
    addLesson(sectionId, body),
  );
}

export function useDeleteLesson() {
  return useCourseChange(deleteLesson, (queryClient, lessonId) =>
    queryClient.removeQueries({ queryKey: studioKeys.lesson(lessonId) }),
  );
}

export function useAddCoTeacher(courseId: string) {
  return useCourseChange((phone: string) => addCoTeacher(courseId, phone));
}

export function useRemoveCoTeacher(courseId: string) {
  return useCourseChange((userId: string) => removeCoTeacher(courseId, userId));
}

/** The draft's cover; the catalogue shows it once the course is published again. */
export function useSetCover(courseId: string) {
  return useCourseChange((image: string) => setCover(courseId, image));
}

export function useRemoveCover(courseId: string) {
  return useCourseChange(() => removeCover(courseId));
}

/** Publishing changes what learners see: the catalogue and the version history follow. */
function refreshPublication(queryClient: QueryClient, courseId: string): void {
  void queryClient.invalidateQueries({ queryKey: studioKeys.versions(courseId) });
  void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
}

export function usePublishCourse() {
  return useCourseChange(publishCourse, refreshPublication);
}

export function useUnpublishCourse() {
  return useCourseChange(unpublishCourse, refreshPublication);
}

export function useArchiveCourse() {
  return useCourseChange(archiveCourse, refreshPublication);
}

/**
 * Reordering shows the new order at once and sends it in the background. Orders are sent one after
 * another (`scope`), each complete, so the last one sent wins; the API's answer replaces the cache only
 * when no later move is still waiting. A refusal (ORDER_MISMATCH: the course changed elsewhere)
 * reloads the course as the server has it.
 */
export function useReorderOutline(courseId: string) {
  const queryClient = useQueryClient();
  const key = studioKeys.course(courseId);
  const mutationKey = studioKeys.reorder(courseId);
  const mutation = useMutation({
    mutationKey,
    scope: { id: `reorder:${courseId}` },
    mutationFn: (order: OutlineOrder) => reorderCourse(courseId, { sections: order }),
    onSuccess: (course) => {
      if (queryClient.isMutating({ mutationKey }) <= 1) queryClient.setQueryData(key, course);
      void queryClient.invalidateQueries({ queryKey: studioKeys.courses() });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const { mutate } = mutation;
  const move = useCallback(
    (order: OutlineOrder) => {
      queryClient.setQueryData<StudioCourse>(studioKeys.course(courseId), (course) =>
        course ? applyOrder(course, order) : course,
      );
      mutate(order);
    },
    [queryClient, mutate, courseId],
  );
  return { move, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}

export function useUpdateLesson(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLessonBody) => updateLesson(lessonId, body),
    onSuccess: (lesson: StudioLesson) => {
      queryClient.setQueryData(studioKeys.lesson(lessonId), lesson);
      // Title, minutes and "required" show in the course outline too.
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(lesson.courseId) });
    },
  });
}

/** How often the studio asks about a video that is waiting or being processed. */
const VIDEO_POLL_MS = 2_000;

/** Uploaded but not yet playable: the worker is (or will be) on it. */
function isVideoInProgress(data: StudioLessonVideo | undefined): boolean {
  const status = data?.video?.status;
  return status === VideoStatus.Queued || status === VideoStatus.Processing;
}

/** A video lesson's video and captions; polled every 2 s while the video is waiting or processing. */
export function useLessonVideo(lessonId: string) {
  return useQuery({
    queryKey: studioKeys.video(lessonId),
    queryFn: ({ signal }) => fetchLessonVideo(lessonId, signal),
    // The status moves on by itself: whatever is cached is shown, and asked again at once.
    staleTime: 0,
    refetchInterval: (query) => (isVideoInProgress(query.state.data) ? VIDEO_POLL_MS : false),
  });
}

/**
 * Every change to a lesson's video answers with its video and captions: they replace the cached ones,
 * and the course is fetched again (it may now have unpublished changes).
 */
function useVideoChange<Variables>(
  lessonId: string,
  courseId: string,
  mutationFn: (variables: Variables) => Promise<StudioLessonVideo>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (video) => {
      queryClient.setQueryData(studioKeys.video(lessonId), video);
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(courseId) });
    },
  });
}

export function useFinishVideoUpload(lessonId: string, courseId: string) {
  return useVideoChange(lessonId, courseId, (uploadId: string) => finishVideoUpload(lessonId, uploadId));
}

export function useRetranscodeVideo(lessonId: string, courseId: string) {
  return useVideoChange(lessonId, courseId, () => retranscodeVideo(lessonId));
}

export function usePutCaption(lessonId: string, courseId: string) {
  return useVideoChange(lessonId, courseId, ({ language, vtt }: { language: string; vtt: string }) =>
    putCaption(lessonId, language, vtt),
  );
}

export function useDeleteCaption(lessonId: string, courseId: string) {
  return useVideoChange(lessonId, courseId, (language: string) => deleteCaption(lessonId, language));
}

/** The course's question bank: every question (filtered on the page) and every tag in use. */
export function useQuestionBank(courseId: string) {
  return useQuery({
    queryKey: studioKeys.questions(courseId),
    queryFn: ({ signal }) => listQuestions(courseId, signal),
  });
}

/**
 * Every change to the bank fetches the bank again (tags and counts follow), and the course too: its
 * quiz lessons say whether the bank has enough questions for their pools.
 */
function useQuestionChange<Variables, Result>(
  courseId: string,
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: studioKeys.questions(courseId) });
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(courseId) });
    },
  });
}

export function useCreateQuestion(courseId: string) {
  return useQuestionChange(courseId, (body: QuestionBody) => createQuestion(courseId, body));
}

export function useReplaceQuestion(courseId: string) {
  return useQuestionChange(courseId, ({ questionId, body }: { questionId: string; body: QuestionBody }) =>
    replaceQuestion(questionId, body),
  );
}

export function useDeleteQuestion(courseId: string) {
  return useQuestionChange(courseId, deleteQuestion);
}

/**
 * Uploads a picture for a question (base64). Nothing is refetched: the image is only part of a question
 * once the question is saved with its key.
 */
export function useUploadQuestionImage(courseId: string) {
  return useMutation({ mutationFn: (image: string) => uploadQuestionImage(courseId, image) });
}

export function useImportQuestions(courseId: string) {
  return useQuestionChange(courseId, (file: QuestionFile) => importQuestions(courseId, file));
}
