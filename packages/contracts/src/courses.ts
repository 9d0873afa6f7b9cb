/** Course vocabulary shared by the API and the portal. */
export const CourseStatus = {
  Draft: 'draft',
  Published: 'published',
  Archived: 'archived',
} as const;
export type CourseStatus = (typeof CourseStatus)[keyof typeof CourseStatus];
export const COURSE_STATUSES: readonly CourseStatus[] = Object.values(CourseStatus);

export const CourseLevel = {
  Beginner: 'beginner',
  Intermediate: 'intermediate',
  Advanced: 'advanced',
} as const;
export type CourseLevel = (typeof CourseLevel)[keyof typeof CourseLevel];
export const COURSE_LEVELS: readonly CourseLevel[] = Object.values(CourseLevel);

export const LessonKind = {
  Video: 'video',
  Article: 'article',
  Quiz: 'quiz',
} as const;
export type LessonKind = (typeof LessonKind)[keyof typeof LessonKind];
export const LESSON_KINDS: readonly LessonKind[] = Object.values(LessonKind);

/** Text in several languages: language code → text; `vi` is always present and is the fallback. */
export type LocalizedText = Record<string, string>;

/** The text for `language`, falling back to Vietnamese. */
export function localized(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text['vi'] ?? Object.values(text)[0] ?? '';
}

export const COURSE_TITLE_MAX_LENGTH = 160;
export const COURSE_SUMMARY_MAX_LENGTH = 500;
export const COURSE_DESCRIPTION_MAX_LENGTH = 20_000;
export const ARTICLE_BODY_MAX_LENGTH = 100_000;

/** Course cover images: JPEG, PNG or WebP up to 1 MB, at least 320×180 (shown 16:9 in the catalogue). */
export const COVER_MAX_BYTES = 1024 * 1024;
export const COVER_MIN_WIDTH = 320;
export const COVER_MIN_HEIGHT = 180;
export const COVER_MAX_SIDE = 4000;
/** URL path prefix of public media (course covers); everything else needs a signed URL. */
export const PUBLIC_MEDIA_PREFIX = '/api/media/public/';

/** Question images: JPEG, PNG or WebP up to 1 MB, at least 64×64. */
export const QUESTION_IMAGE_MAX_BYTES = 1024 * 1024;
export const QUESTION_IMAGE_MIN_SIDE = 64;

/** Where the portal can show a public stored image (a cover, a question image) by its storage key. */
export function publicMediaUrl(key: string): string {
  return `${PUBLIC_MEDIA_PREFIX}${key}`;
}

/** Where the portal can show a stored cover. */
export function coverUrl(coverKey: string | null | undefined): string | null {
  return coverKey ? `${PUBLIC_MEDIA_PREFIX}${coverKey}` : null;
}
