import {
  COURSE_DESCRIPTION_MAX_LENGTH,
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  type CourseLevel,
  CourseLevel as Level,
  DEFAULT_VIDEO_COMPLETION_PERCENT,
  type LocalizedText,
  TARGET_GROUPS,
  type TargetGroup,
} from '@hocvu/contracts';

import {
  checkLocalizedText,
  checkVideoCompletionPercent,
  collect,
  type FieldProblems,
  type FieldSpec,
} from '../../../shared/forms';
import { compactLocalized } from '../../../shared/localized';
import type { CreateCourseBody, StudioCourse, UpdateCourseBody } from '../api/studio-api';

/** The course details form, for a new course and in the course editor. */
export interface CourseFormValues {
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  level: CourseLevel;
  targetGroups: TargetGroup[];
  languages: string[];
  sequential: boolean;
  /** Digits as typed: the share of each video (50–100 %) a learner must watch. */
  videoCompletionPercent: string;
}

export const NEW_COURSE: CourseFormValues = {
  title: { vi: '' },
  summary: { vi: '' },
  description: { vi: '' },
  level: Level.Beginner,
  targetGroups: [],
  languages: ['vi'],
  sequential: false,
  videoCompletionPercent: String(DEFAULT_VIDEO_COMPLETION_PERCENT),
};

export const COURSE_FIELDS: readonly FieldSpec[] = [
  { name: 'title', targetId: 'title-vi' },
  { name: 'summary', targetId: 'summary-vi' },
  { name: 'description', targetId: 'description-vi' },
  { name: 'level', targetId: `level-${Level.Beginner}` },
  { name: 'targetGroups', targetId: `targetGroups-${TARGET_GROUPS[0] ?? ''}` },
  { name: 'languages', targetId: 'languages-vi' },
  { name: 'sequential' },
  { name: 'videoCompletionPercent' },
];

export function courseFormValues(course: StudioCourse): CourseFormValues {
  return {
    title: { vi: '', ...course.title },
    summary: { vi: '', ...course.summary },
    description: { vi: '', ...course.description },
    level: course.level,
    targetGroups: [...course.targetGroups],
    languages: [...course.languages],
    sequential: course.sequential,
    videoCompletionPercent: String(course.videoCompletionPercent),
  };
}

/** The API's rules, checked before sending. */
export function checkCourseForm(values: CourseFormValues): FieldProblems {
  const problems: Record<string, readonly string[]> = {};
  collect(problems, 'title', checkLocalizedText(values.title, COURSE_TITLE_MAX_LENGTH, { requireVi: true }));
  collect(problems, 'summary', checkLocalizedText(values.summary, COURSE_SUMMARY_MAX_LENGTH));
  collect(problems, 'description', checkLocalizedText(values.description, COURSE_DESCRIPTION_MAX_LENGTH));
  collect(problems, 'languages', values.languages.length === 0 ? ['arrayMinSize'] : []);
  collect(problems, 'videoCompletionPercent', checkVideoCompletionPercent(values.videoCompletionPercent));
  return problems;
}

export function createCourseBody(values: CourseFormValues): CreateCourseBody {
  return {
    title: compactLocalized(values.title),
    summary: compactLocalized(values.summary),
    level: values.level,
    targetGroups: values.targetGroups,
    languages: values.languages,
    sequential: values.sequential,
    videoCompletionPercent: Number(values.videoCompletionPercent.trim()),
  };
}

export function updateCourseBody(values: CourseFormValues): UpdateCourseBody {
  return { ...createCourseBody(values), description: compactLocalized(values.description) };
}
