import { ErrorCode } from '@hocvu/contracts';
import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';

import { ApiError } from '../../../../shared/api/api-error';
import { quizNotReadyLessons } from './publish-problems';
import { poolCountField, poolRow, poolTagField, quizFormValues } from './quiz-form';
import { quizFieldMessage, quizSummary, readinessMessage } from './quiz-messages';

/** A `t` that shows the key and its options, so the tests see which message was chosen with what. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('quiz form messages', () => {
  const tagged = poolRow('VNeID', '3');
  const blank = poolRow('', '200');
  const values = { ...quizFormValues(null, false), pools: [tagged, blank] };

  it('names the pool row a problem is in', () => {
    expect(quizFieldMessage(t, poolTagField(blank.key), ['isNotEmpty'], values)).toBe(
      'studioQuiz.validation.tagRequired {"number":2}',
    );
    expect(quizFieldMessage(t, poolCountField(blank.key), ['max'], values)).toBe(
      'studioQuiz.validation.count {"number":2,"max":100}',
    );
  });

  it("tells an API error code put on the pools in the code's own words", () => {
    expect(quizFieldMessage(t, 'pools', [ErrorCode.QuizSettingsInvalid], values)).toBe(
      'errors.QUIZ_SETTINGS_INVALID',
    );
    expect(quizFieldMessage(t, 'pools', ['total'], values)).toBe(
      'studioQuiz.validation.total {"max":100,"total":203}',
    );
    // VALIDATION_FAILED about a nested pool field arrives as `pools`.
    expect(quizFieldMessage(t, 'pools', ['min'], values)).toBe('studioQuiz.validation.pools {"max":100}');
    expect(quizFieldMessage(t, 'passingPercent', ['max'], values)).toBe('studioQuiz.validation.passing');
    expect(quizFieldMessage(t, 'shuffleQuestions', ['isBoolean'], values)).toBe(
      'studioQuiz.validation.invalid',
    );
  });

  it('lists the problems in the order of the form, each linked to its control', () => {
    const summary = quizSummary(
      t,
      {
        passingPercent: ['max'],
        [poolCountField(blank.key)]: ['max'],
        [poolTagField(blank.key)]: ['isNotEmpty'],
        pools: ['total'],
      },
      values,
    );
    expect(summary.map((item) => item.targetId)).toEqual([
      poolTagField(tagged.key),
      poolTagField(blank.key),
      poolCountField(blank.key),
      'quiz-passingPercent',
    ]);
  });

  it('puts the reason a quiz cannot be published into words', () => {
    expect(readinessMessage(t, { kind: 'ready' })).toBeNull();
    expect(readinessMessage(t, { kind: 'notSet' })).toBe('studioQuiz.problem.notSet');
    expect(readinessMessage(t, { kind: 'short', tag: 'VNeID', need: 5, have: 2 })).toBe(
      'studioQuiz.problem.short {"kind":"short","tag":"VNeID","need":5,"have":2}',
    );
    expect(readinessMessage(t, { kind: 'shared', tags: ['a', 'b'], need: 5, have: 4 })).toBe(
      'studioQuiz.problem.shared {"need":5,"have":4,"tags":"“a”, “b”"}',
    );
  });
});

describe('QUIZ_NOT_READY details', () => {
  it('lists each lesson once, with its title and first problem', () => {
    const error = new ApiError(422, ErrorCode.QuizNotReady, 'Quiz "A": …', {
      lessons: [
        { lessonId: 'l1', title: { vi: 'Kiểm tra 1' }, problem: 'Pool "VNeID" needs 5 questions' },
        { lessonId: 'l1', title: { vi: 'Kiểm tra 1' }, problem: 'another' },
        { lessonId: 'l2', title: 'not localized', problem: 3 },
        { title: { vi: 'no id' } },
        'junk',
      ],
    });
    expect(quizNotReadyLessons(error)).toEqual([
      { lessonId: 'l1', title: { vi: 'Kiểm tra 1' }, problem: 'Pool "VNeID" needs 5 questions' },
      { lessonId: 'l2', title: {}, problem: '' },
    ]);
  });

  it('is empty for other errors and malformed details', () => {
    expect(quizNotReadyLessons(new ApiError(422, ErrorCode.CourseEmpty, 'empty'))).toEqual([]);
    expect(quizNotReadyLessons(new ApiError(422, ErrorCode.QuizNotReady, 'x', null))).toEqual([]);
    expect(quizNotReadyLessons(new Error('boom'))).toEqual([]);
  });
});
