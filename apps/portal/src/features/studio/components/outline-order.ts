/**
 * The order of a course's sections and lessons, as `PUT /api/studio/courses/{id}/order` takes it
 * (the complete order, every time), and the moves the course editor offers on it. Pure functions:
 * each returns a new order, or null when the move would change nothing.
 */
export interface SectionOrder {
  id: string;
  lessonIds: string[];
}

export type OutlineOrder = SectionOrder[];

interface OutlineShape {
  sections: { id: string; lessons: { id: string }[] }[];
}

export function orderOf(course: OutlineShape): OutlineOrder {
  return course.sections.map((section) => ({
    id: section.id,
    lessonIds: section.lessons.map((lesson) => lesson.id),
  }));
}

export function sameOrder(a: OutlineOrder, b: OutlineOrder): boolean {
  return (
    a.length === b.length &&
    a.every(
      (section, index) =>
        section.id === b[index]?.id &&
        section.lessonIds.length === b[index].lessonIds.length &&
        section.lessonIds.every((lessonId, position) => lessonId === b[index]?.lessonIds[position]),
    )
  );
}

export interface LessonPlace {
  sectionIndex: number;
  index: number;
}

export function findLesson(order: OutlineOrder, lessonId: string): LessonPlace | null {
  for (const [sectionIndex, section] of order.entries()) {
    const index = section.lessonIds.indexOf(lessonId);
    if (index >= 0) return { sectionIndex, index };
  }
  return null;
}

/** Puts a section before another (or last, with `beforeSectionId` null). */
export function moveSectionBefore(
  order: OutlineOrder,
  sectionId: string,
  beforeSectionId: string | null,
): OutlineOrder | null {
  const moving = order.find((section) => section.id === sectionId);
  if (!moving || sectionId === beforeSectionId) return null;
  const rest = order.filter((section) => section.id !== sectionId);
  const at =
    beforeSectionId === null ? rest.length : rest.findIndex((section) => section.id === beforeSectionId);
  if (at < 0) return null;
  const next = [...rest.slice(0, at), moving, ...rest.slice(at)];
  return sameOrder(order, next) ? null : next;
}

/** Puts a lesson into a section, before another of its lessons (or last, with `beforeLessonId` null). */
export function moveLessonBefore(
  order: OutlineOrder,
  lessonId: string,
  toSectionId: string,
  beforeLessonId: string | null,
): OutlineOrder | null {
  if (!findLesson(order, lessonId) || lessonId === beforeLessonId) return null;
  const without = order.map((section) => ({
    id: section.id,
    lessonIds: section.lessonIds.filter((id) => id !== lessonId),
  }));
  const target = without.find((section) => section.id === toSectionId);
  if (!target) return null;
  const at = beforeLessonId === null ? target.lessonIds.length : target.lessonIds.indexOf(beforeLessonId);
  if (at < 0) return null;
  target.lessonIds.splice(at, 0, lessonId);
  return sameOrder(order, without) ? null : without;
}

/** One place up (-1) or down (+1). */
export type Step = -1 | 1;

export function stepSection(order: OutlineOrder, sectionId: string, step: Step): OutlineOrder | null {
  const index = order.findIndex((section) => section.id === sectionId);
  if (index < 0) return null;
  if (step === -1) {
    const before = order[index - 1];
    return before ? moveSectionBefore(order, sectionId, before.id) : null;
  }
  if (index + 1 >= order.length) return null;
  return moveSectionBefore(order, sectionId, order[index + 2]?.id ?? null);
}

/**
 * One place up or down within the section; from the first place up, the lesson goes to the end of the
 * section before, and from the last place down to the start of the section after. So the buttons alone
 * can take a lesson anywhere, as dragging can.
 */
export function stepLesson(order: OutlineOrder, lessonId: string, step: Step): OutlineOrder | null {
  const place = findLesson(order, lessonId);
  if (!place) return null;
  const section = order[place.sectionIndex];
  if (!section) return null;
  if (step === -1) {
    if (place.index > 0)
      return moveLessonBefore(order, lessonId, section.id, section.lessonIds[place.index - 1] ?? null);
    const previous = order[place.sectionIndex - 1];
    return previous ? moveLessonBefore(order, lessonId, previous.id, null) : null;
  }
  if (place.index < section.lessonIds.length - 1) {
    return moveLessonBefore(order, lessonId, section.id, section.lessonIds[place.index + 2] ?? null);
  }
  const following = order[place.sectionIndex + 1];
  return following ? moveLessonBefore(order, lessonId, following.id, following.lessonIds[0] ?? null) : null;
}

/** Whether a step is possible, to disable the buttons that would do nothing. */
export function canStepLesson(order: OutlineOrder, lessonId: string, step: Step): boolean {
  return stepLesson(order, lessonId, step) !== null;
}

/** The course with its sections and lessons rearranged to `order` (shown before the API answers). */
export function applyOrder<Course extends OutlineShape>(course: Course, order: OutlineOrder): Course {
  const sections = new Map(course.sections.map((section) => [section.id, section]));
  const lessons = new Map(
    course.sections.flatMap((section) => section.lessons.map((lesson) => [lesson.id, lesson])),
  );
  return {
    ...course,
    sections: order.flatMap((placed) => {
      const section = sections.get(placed.id);
      if (!section) return [];
      return [
        {
          ...section,
          lessons: placed.lessonIds.flatMap((lessonId) => {
            const lesson = lessons.get(lessonId);
            return lesson ? [lesson] : [];
          }),
        },
      ];
    }),
  };
}

/** What is being dragged. */
export interface Dragged {
  kind: 'lesson' | 'section';
  id: string;
}

/** Where it would land: before or after a lesson or a section, or at the end of a section's lessons. */
export type DropTarget =
  | { kind: 'lesson'; sectionId: string; lessonId: string; side: 'before' | 'after' }
  | { kind: 'section'; sectionId: string; side: 'before' | 'after' }
  | { kind: 'sectionEnd'; sectionId: string };

/** The order after dropping, or null when the drop makes no sense (a section onto a lesson) or changes nothing. */
export function orderAfterDrop(
  order: OutlineOrder,
  dragged: Dragged,
  target: DropTarget,
): OutlineOrder | null {
  if (dragged.kind === 'section') {
    if (target.kind !== 'section') return null;
    const index = order.findIndex((section) => section.id === target.sectionId);
    if (index < 0) return null;
    const before = target.side === 'before' ? target.sectionId : (order[index + 1]?.id ?? null);
    return moveSectionBefore(order, dragged.id, before);
  }
  switch (target.kind) {
    case 'lesson': {
      const section = order.find((candidate) => candidate.id === target.sectionId);
      if (!section) return null;
      const index = section.lessonIds.indexOf(target.lessonId);
      const before = target.side === 'before' ? target.lessonId : (section.lessonIds[index + 1] ?? null);
      return moveLessonBefore(order, dragged.id, target.sectionId, before);
    }
    case 'section':
    case 'sectionEnd':
      return moveLessonBefore(order, dragged.id, target.sectionId, null);
  }
}
