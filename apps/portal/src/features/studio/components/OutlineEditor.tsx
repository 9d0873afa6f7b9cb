import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { useLocalized } from '../../../shared/courses/use-localized';
import { Alert } from '../../../shared/ui/Alert';
import type { StudioCourse } from '../api/studio-api';
import { useReorderOutline } from '../hooks/use-studio';
import { AddSectionForm } from './AddSectionForm';
import { moveButtonId, OutlineContext, type OutlineEditing } from './outline-context';
import {
  type Dragged,
  type DropTarget,
  findLesson,
  orderAfterDrop,
  orderOf,
  type OutlineOrder,
  sameOrder,
  type Step,
  stepLesson,
  stepSection,
} from './outline-order';
import { OutlineSectionItem } from './OutlineSectionItem';

function sameTarget(a: DropTarget | null, b: DropTarget): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Sections and their lessons, reordered by dragging (mouse) or with the "Lên"/"Xuống" buttons
 * (keyboard, touch, screen readers). Every move sends the complete new order at once, and is read out
 * in a live region.
 */
export function OutlineEditor({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const reorder = useReorderOutline(course.id);
  const { move, reset } = reorder;
  const order = useMemo(() => orderOf(course), [course]);
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const pendingFocus = useRef<{ elementId: string; whenOrder?: OutlineOrder } | null>(null);

  // After a move the row is re-rendered elsewhere (another section, even): give focus back to it once
  // the new order is on screen, and to a new row once it exists.
  useEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    if (request.whenOrder && !sameOrder(request.whenOrder, order)) return;
    const element = document.getElementById(request.elementId);
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
  });

  const describeMove = useCallback(
    (next: OutlineOrder, item: Dragged): string => {
      if (item.kind === 'section') {
        const section = course.sections.find((candidate) => candidate.id === item.id);
        const position = next.findIndex((candidate) => candidate.id === item.id) + 1;
        return t('studio.editor.sectionMoved', { title: localized.text(section?.title), position });
      }
      const place = findLesson(next, item.id);
      const lesson = course.sections
        .flatMap((section) => section.lessons)
        .find((candidate) => candidate.id === item.id);
      const section = course.sections.find(
        (candidate) => candidate.id === next[place?.sectionIndex ?? -1]?.id,
      );
      return t('studio.editor.lessonMoved', {
        title: localized.text(lesson?.title),
        position: (place?.index ?? 0) + 1,
        section: localized.text(section?.title),
      });
    },
    [course, localized, t],
  );

  const apply = useCallback(
    (next: OutlineOrder | null, item: Dragged) => {
      if (!next) return;
      reset();
      move(next);
      setAnnouncement(describeMove(next, item));
    },
    [move, reset, describeMove],
  );

  const editing = useMemo<OutlineEditing>(() => {
    const stepped = (item: Dragged, step: Step) =>
      item.kind === 'lesson' ? stepLesson(order, item.id, step) : stepSection(order, item.id, step);
    return {
      course,
      order,
      canStep: (item, step) => stepped(item, step) !== null,
      step: (item, step) => {
        const next = stepped(item, step);
        if (!next) return;
        // The row is re-rendered in its new place (maybe another section): focus goes back to the
        // button pressed, which stays focusable even when the row can go no further (aria-disabled).
        pendingFocus.current = { elementId: moveButtonId(item, step), whenOrder: next };
        apply(next, item);
      },
      announce: setAnnouncement,
      focusAfterRender: (elementId) => {
        pendingFocus.current = { elementId };
      },
      dragged,
      dropTarget,
      startDrag: (item) => (event) => {
        event.dataTransfer.effectAllowed = 'move';
        // Firefox starts a drag only with some data set.
        event.dataTransfer.setData('text/plain', item.id);
        const row = event.currentTarget.closest('[data-drag-row]');
        if (row instanceof HTMLElement) event.dataTransfer.setDragImage(row, 16, 16);
        setDragged(item);
      },
      dropZone: (targetOf) => ({
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (!dragged) return;
          const target = targetOf(event);
          if (orderAfterDrop(order, dragged, target) === null) return;
          event.preventDefault();
          event.stopPropagation();
          event.dataTransfer.dropEffect = 'move';
          if (!sameTarget(dropTarget, target)) setDropTarget(target);
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          if (!dragged) return;
          event.preventDefault();
          event.stopPropagation();
          apply(orderAfterDrop(order, dragged, targetOf(event)), dragged);
          setDragged(null);
          setDropTarget(null);
        },
      }),
      endDrag: () => {
        setDragged(null);
        setDropTarget(null);
      },
    };
  }, [course, order, dragged, dropTarget, apply]);

  return (
    <OutlineContext.Provider value={editing}>
      <p className="field__hint">{t('studio.editor.outlineHint')}</p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {reorder.error ? (
        <Alert tone="error" title={t('studio.editor.orderFailed')}>
          <p>{errorMessage(t, reorder.error)}</p>
        </Alert>
      ) : null}
      {course.sections.length === 0 ? <p>{t('studio.editor.outlineEmpty')}</p> : null}
      <ol className={`outline-editor${dragged ? ' outline-editor--dragging' : ''}`}>
        {course.sections.map((section, index) => (
          <OutlineSectionItem key={section.id} section={section} number={index + 1} />
        ))}
      </ol>
      {reorder.isPending ? <p className="muted">{t('studio.editor.saving')}</p> : null}
      <AddSectionForm courseId={course.id} />
    </OutlineContext.Provider>
  );
}
