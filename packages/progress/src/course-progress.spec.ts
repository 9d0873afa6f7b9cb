import { LessonKind } from '@hocvu/contracts';

import { courseProgress, ProgressOutline } from './course-progress';

const outline = (finalExam: boolean): ProgressOutline => ({
  sections: [
    {
      lessons: [
        { id: 'v1', kind: LessonKind.Video, required: true },
        { id: 'a1', kind: LessonKind.Article, required: false },
      ],
    },
    {
      lessons: [
        { id: 'q1', kind: LessonKind.Quiz, required: true },
        { id: 'x', kind: LessonKind.Quiz, required: true, finalExam },
      ],
    },
  ],
});

describe('courseProgress', () => {
  it('counts the final exam as one item, apart from the required lessons', () => {
    const progress = courseProgress(outline(true), new Set(['v1', 'q1']));
    expect(progress).toMatchObject({
      complete: false,
      itemsDone: 2,
      itemsTotal: 3,
      percent: 66,
      finalExamLessonId: 'x',
      nextLessonId: 'a1',
    });
    expect(courseProgress(outline(true), new Set(['v1', 'q1', 'x'])).complete).toBe(true);
  });

  it('does not complete on a passed final exam while a required lesson is missing', () => {
    const progress = courseProgress(outline(true), new Set(['x', 'q1']));
    expect(progress.complete).toBe(false);
    expect(progress.percent).toBe(66);
  });

  it('without a final exam, every required lesson (optional ones aside) completes the course', () => {
    const progress = courseProgress(outline(false), new Set(['v1', 'q1', 'x']));
    expect(progress).toMatchObject({
      complete: true,
      percent: 100,
      finalExamLessonId: null,
      nextLessonId: 'a1',
    });
    expect(courseProgress(outline(false), new Set(['v1', 'q1'])).complete).toBe(false);
  });
});
