/**
 * The course completion rule: a course is complete when every required lesson is complete and the final
 * exam, if the course has one, is passed. Whether one lesson is complete (a video by its watched share, an
 * article by the learner's explicit completion, a quiz by a passed attempt) is decided before this, when
 * the lesson's progress is recorded; here a lesson is simply in the set of completed lessons or not.
 */
import type { LessonKind } from '@hocvu/contracts';

/** A lesson of the published outline, as far as completion is concerned. */
export interface CompletionLesson {
  id: string;
  kind: LessonKind;
  required: boolean;
}

export interface CompletionInput {
  /** The published version's lessons, in outline order (optional lessons may be included; they are ignored). */
  lessons: readonly CompletionLesson[];
  /** Lessons the learner has completed (ids not in the outline, e.g. of removed lessons, are ignored). */
  completedLessonIds: ReadonlySet<string> | readonly string[];
  hasFinalExam: boolean;
  /** Ignored without a final exam. */
  finalExamPassed: boolean;
}

export interface CompletionResult {
  complete: boolean;
  /**
   * Done items / items × 100, rounded down to a whole number (as the learner outline already shows it).
   * Items are the required lessons plus the final exam (one item) when the course has one. A course with
   * no items at all is 100 % and complete.
   */
  percent: number;
  /** Required lessons not completed yet, in outline order. */
  missing: string[];
  /** The course has a final exam and it is not passed yet. */
  finalExamMissing: boolean;
  /** Items done / all items (the numbers behind `percent`, for reports). */
  itemsDone: number;
  itemsTotal: number;
}

/** Evaluates the completion rule for one learner and one published course version. */
export function evaluateCompletion(input: CompletionInput): CompletionResult {
  const completed: ReadonlySet<string> =
    input.completedLessonIds instanceof Set ? input.completedLessonIds : new Set(input.completedLessonIds);
  const seen = new Set<string>();
  const required = input.lessons.filter((lesson) => {
    // A lesson listed twice counts once.
    if (!lesson.required || seen.has(lesson.id)) return false;
    seen.add(lesson.id);
    return true;
  });
  const missing = required.filter((lesson) => !completed.has(lesson.id)).map((lesson) => lesson.id);
  const finalExamMissing = input.hasFinalExam && !input.finalExamPassed;

  const itemsTotal = required.length + (input.hasFinalExam ? 1 : 0);
  const itemsDone = required.length - missing.length + (input.hasFinalExam && !finalExamMissing ? 1 : 0);
  const percent = itemsTotal === 0 ? 100 : Math.floor((itemsDone * 100) / itemsTotal);
  return {
    complete: missing.length === 0 && !finalExamMissing,
    percent,
    missing,
    finalExamMissing,
    itemsDone,
    itemsTotal,
  };
}
