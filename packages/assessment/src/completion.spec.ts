import { CompletionLesson, evaluateCompletion } from './completion';

const lessons: CompletionLesson[] = [
  { id: 'intro-video', kind: 'video', required: true },
  { id: 'extra-reading', kind: 'article', required: false },
  { id: 'vneid-article', kind: 'article', required: true },
  { id: 'safety-quiz', kind: 'quiz', required: true },
];

describe('evaluateCompletion', () => {
  it('is complete when every required lesson is complete and there is no final exam', () => {
    expect(
      evaluateCompletion({
        lessons,
        completedLessonIds: ['intro-video', 'vneid-article', 'safety-quiz'],
        hasFinalExam: false,
        finalExamPassed: false,
      }),
    ).toEqual({
      complete: true,
      percent: 100,
      missing: [],
      finalExamMissing: false,
      itemsDone: 3,
      itemsTotal: 3,
    });
  });

  it('lists missing required lessons in outline order and ignores optional ones', () => {
    expect(
      evaluateCompletion({
        lessons,
        completedLessonIds: new Set(['extra-reading', 'vneid-article']),
        hasFinalExam: false,
        finalExamPassed: false,
      }),
    ).toEqual({
      complete: false,
      percent: 33,
      missing: ['intro-video', 'safety-quiz'],
      finalExamMissing: false,
      itemsDone: 1,
      itemsTotal: 3,
    });
  });

  it('counts the final exam as one more item and requires it to be passed', () => {
    const all = ['intro-video', 'vneid-article', 'safety-quiz'];
    expect(
      evaluateCompletion({ lessons, completedLessonIds: all, hasFinalExam: true, finalExamPassed: false }),
    ).toEqual({
      complete: false,
      percent: 75,
      missing: [],
      finalExamMissing: true,
      itemsDone: 3,
      itemsTotal: 4,
    });
    expect(
      evaluateCompletion({ lessons, completedLessonIds: all, hasFinalExam: true, finalExamPassed: true }),
    ).toMatchObject({ complete: true, percent: 100, finalExamMissing: false });
  });

  it('does not complete a course with a passed final exam but missing lessons', () => {
    expect(
      evaluateCompletion({
        lessons,
        completedLessonIds: ['intro-video'],
        hasFinalExam: true,
        finalExamPassed: true,
      }),
    ).toEqual({
      complete: false,
      percent: 50,
      missing: ['vneid-article', 'safety-quiz'],
      finalExamMissing: false,
      itemsDone: 2,
      itemsTotal: 4,
    });
  });

  it('rounds the percentage down, like the learner outline', () => {
    const six = Array.from({ length: 6 }, (_, i): CompletionLesson => ({
      id: `l${i}`,
      kind: 'video',
      required: true,
    }));
    // 2 of 6 = 33.3…, 5 of 6 = 83.3…, 2 of 3 = 66.6…
    expect(
      evaluateCompletion({
        lessons: six,
        completedLessonIds: ['l0', 'l1'],
        hasFinalExam: false,
        finalExamPassed: false,
      }).percent,
    ).toBe(33);
    expect(
      evaluateCompletion({
        lessons: six,
        completedLessonIds: ['l0', 'l1', 'l2', 'l3', 'l4'],
        hasFinalExam: false,
        finalExamPassed: false,
      }).percent,
    ).toBe(83);
    expect(
      evaluateCompletion({
        lessons: six.slice(0, 2),
        completedLessonIds: ['l0', 'l1'],
        hasFinalExam: true,
        finalExamPassed: false,
      }).percent,
    ).toBe(66);
  });

  it('ignores completions of lessons no longer in the outline and lessons listed twice', () => {
    expect(
      evaluateCompletion({
        lessons: [...lessons, lessons[0]],
        completedLessonIds: ['removed-lesson', 'old-quiz', 'intro-video'],
        hasFinalExam: false,
        finalExamPassed: false,
      }),
    ).toMatchObject({ complete: false, percent: 33, itemsDone: 1, itemsTotal: 3 });
  });

  it('treats a course without required lessons as 100 % and complete, unless its final exam is pending', () => {
    const optional: CompletionLesson[] = [{ id: 'a', kind: 'article', required: false }];
    expect(
      evaluateCompletion({
        lessons: optional,
        completedLessonIds: [],
        hasFinalExam: false,
        finalExamPassed: false,
      }),
    ).toEqual({
      complete: true,
      percent: 100,
      missing: [],
      finalExamMissing: false,
      itemsDone: 0,
      itemsTotal: 0,
    });
    expect(
      evaluateCompletion({
        lessons: optional,
        completedLessonIds: [],
        hasFinalExam: true,
        finalExamPassed: false,
      }),
    ).toMatchObject({
      complete: false,
      percent: 0,
      finalExamMissing: true,
    });
  });

  it('ignores finalExamPassed when the course has no final exam', () => {
    expect(
      evaluateCompletion({ lessons, completedLessonIds: [], hasFinalExam: false, finalExamPassed: true }),
    ).toMatchObject({ complete: false, itemsDone: 0, itemsTotal: 3 });
  });
});
