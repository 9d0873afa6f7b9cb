/**
 * Query keys of the course data more than one feature reads or changes: the studio refreshes the
 * catalogue when it publishes; the catalogue and the learning pages share the learner's enrolments.
 */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  list: (query: object) => [...catalogueKeys.all, 'list', query] as const,
  course: (slug: string) => [...catalogueKeys.all, 'course', slug] as const,
};

export const learningKeys = {
  all: ['learning'] as const,
  mine: () => [...learningKeys.all, 'mine'] as const,
  outline: (courseId: string) => [...learningKeys.all, 'outline', courseId] as const,
  lesson: (courseId: string, lessonId: string) =>
    [...learningKeys.all, 'lesson', courseId, lessonId] as const,
};

export const languageKeys = {
  all: ['languages'] as const,
};
