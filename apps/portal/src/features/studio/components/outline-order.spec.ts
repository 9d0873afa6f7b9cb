import { describe, expect, it } from '@jest/globals';

import {
  applyOrder,
  moveLessonBefore,
  moveSectionBefore,
  orderAfterDrop,
  orderOf,
  type OutlineOrder,
  stepLesson,
  stepSection,
} from './outline-order';

const order: OutlineOrder = [
  { id: 's1', lessonIds: ['a', 'b', 'c'] },
  { id: 's2', lessonIds: [] },
  { id: 's3', lessonIds: ['d'] },
];

describe('course outline order', () => {
  it('steps a lesson within its section', () => {
    expect(stepLesson(order, 'b', -1)?.[0]?.lessonIds).toEqual(['b', 'a', 'c']);
    expect(stepLesson(order, 'b', 1)?.[0]?.lessonIds).toEqual(['a', 'c', 'b']);
  });

  it('steps a lesson across sections, into an empty one too, and stops at the ends', () => {
    expect(stepLesson(order, 'c', 1)).toEqual([
      { id: 's1', lessonIds: ['a', 'b'] },
      { id: 's2', lessonIds: ['c'] },
      { id: 's3', lessonIds: ['d'] },
    ]);
    expect(stepLesson(order, 'd', -1)).toEqual([
      { id: 's1', lessonIds: ['a', 'b', 'c'] },
      { id: 's2', lessonIds: ['d'] },
      { id: 's3', lessonIds: [] },
    ]);
    expect(stepLesson(order, 'a', -1)).toBeNull();
    expect(stepLesson(order, 'd', 1)).toBeNull();
    expect(stepLesson(order, 'missing', 1)).toBeNull();
  });

  it('steps sections and stops at the ends', () => {
    expect(stepSection(order, 's2', -1)?.map((section) => section.id)).toEqual(['s2', 's1', 's3']);
    expect(stepSection(order, 's1', 1)?.map((section) => section.id)).toEqual(['s2', 's1', 's3']);
    expect(stepSection(order, 's1', -1)).toBeNull();
    expect(stepSection(order, 's3', 1)).toBeNull();
  });

  it('drops a lesson before another or at the end of a section, and ignores drops that change nothing', () => {
    expect(moveLessonBefore(order, 'd', 's1', 'b')?.[0]?.lessonIds).toEqual(['a', 'd', 'b', 'c']);
    expect(moveLessonBefore(order, 'a', 's2', null)?.[1]?.lessonIds).toEqual(['a']);
    expect(moveLessonBefore(order, 'a', 's1', 'b')).toBeNull();
    expect(moveLessonBefore(order, 'c', 's1', null)).toBeNull();
    expect(moveLessonBefore(order, 'a', 's1', 'a')).toBeNull();
    expect(moveLessonBefore(order, 'a', 'nowhere', null)).toBeNull();
  });

  it('drops a section before another or last', () => {
    expect(moveSectionBefore(order, 's3', 's1')?.map((section) => section.id)).toEqual(['s3', 's1', 's2']);
    expect(moveSectionBefore(order, 's1', null)?.map((section) => section.id)).toEqual(['s2', 's3', 's1']);
    expect(moveSectionBefore(order, 's1', 's2')).toBeNull();
  });

  it('rearranges a course to an order, keeping every field', () => {
    const course = {
      id: 'course',
      sections: [
        { id: 's1', title: { vi: 'Một' }, lessons: [{ id: 'a', kind: 'article' }] },
        { id: 's2', title: { vi: 'Hai' }, lessons: [{ id: 'b', kind: 'quiz' }] },
      ],
    };
    const moved = applyOrder(course, [
      { id: 's2', lessonIds: ['b', 'a'] },
      { id: 's1', lessonIds: [] },
    ]);
    expect(moved).toEqual({
      id: 'course',
      sections: [
        {
          id: 's2',
          title: { vi: 'Hai' },
          lessons: [
            { id: 'b', kind: 'quiz' },
            { id: 'a', kind: 'article' },
          ],
        },
        { id: 's1', title: { vi: 'Một' }, lessons: [] },
      ],
    });
    expect(orderOf(moved)).toEqual([
      { id: 's2', lessonIds: ['b', 'a'] },
      { id: 's1', lessonIds: [] },
    ]);
  });
});

describe('dropping in the course outline', () => {
  it('drops a lesson before or after another, or at the end of a section', () => {
    const lesson = { kind: 'lesson', id: 'a' } as const;
    expect(
      orderAfterDrop(order, lesson, { kind: 'lesson', sectionId: 's1', lessonId: 'c', side: 'after' })?.[0]
        ?.lessonIds,
    ).toEqual(['b', 'c', 'a']);
    expect(
      orderAfterDrop(order, lesson, { kind: 'lesson', sectionId: 's3', lessonId: 'd', side: 'before' })?.[2]
        ?.lessonIds,
    ).toEqual(['a', 'd']);
    expect(orderAfterDrop(order, lesson, { kind: 'sectionEnd', sectionId: 's2' })?.[1]?.lessonIds).toEqual([
      'a',
    ]);
    // Right after the lesson just before it: where it already is.
    expect(
      orderAfterDrop(
        order,
        { kind: 'lesson', id: 'b' },
        { kind: 'lesson', sectionId: 's1', lessonId: 'a', side: 'after' },
      ),
    ).toBeNull();
  });

  it('drops a section before or after another, and never onto a lesson', () => {
    const section = { kind: 'section', id: 's1' } as const;
    expect(
      orderAfterDrop(order, section, { kind: 'section', sectionId: 's3', side: 'after' })?.map((s) => s.id),
    ).toEqual(['s2', 's3', 's1']);
    expect(orderAfterDrop(order, section, { kind: 'section', sectionId: 's2', side: 'before' })).toBeNull();
    expect(
      orderAfterDrop(order, section, { kind: 'lesson', sectionId: 's3', lessonId: 'd', side: 'before' }),
    ).toBeNull();
  });
});
