import { evaluateCompletion } from '@hocvu/assessment';
import type { LessonKind } from '@hocvu/contracts';

/** The part of a published outline (course_versions.outline) that progress depends on. */
export interface ProgressOutline {
  sections: {
    lessons: { id: string; kind: LessonKind; required: boolean; finalExam?: boolean }[];
  }[];
}

export interface CourseProgress {
  complete: boolean;
  /** Whole percent of the items done: required lessons, plus the final exam as one item. */
  percent: number;
  itemsDone: number;
  itemsTotal: number;
  /** The final exam's lesson id, or null when the course has none. */
  finalExamLessonId: string | null;
  /** First lesson (required or not) not completed yet, in outline order. */
  nextLessonId: string | null;
}

/**
 * The course completion rule applied to a published outline: every required lesson complete and the
 * final exam (a quiz lesson flagged `finalExam`, complete once passed) passed. One function for the
 * learner's outline, the completion recorder and reports, so they can never disagree.
 */
export function courseProgress(outline: ProgressOutline, completed: ReadonlySet<string>): CourseProgress {
  const lessons = outline.sections.flatMap((section) => section.lessons);
  const finalExam = lessons.find((lesson) => lesson.finalExam === true) ?? null;
  const result = evaluateCompletion({
    lessons: lessons.filter((lesson) => lesson !== finalExam),
    completedLessonIds: completed,
    hasFinalExam: finalExam !== null,
    finalExamPassed: finalExam !== null && completed.has(finalExam.id),
  });
  return {
    complete: result.complete,
    percent: result.percent,
    itemsDone: result.itemsDone,
    itemsTotal: result.itemsTotal,
    finalExamLessonId: finalExam?.id ?? null,
    nextLessonId: lessons.find((lesson) => !completed.has(lesson.id))?.id ?? null,
  };
}
