import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { formatDuration } from '../../../shared/courses/duration';
import { LessonKindIcon } from '../../../shared/courses/LessonKindIcon';
import { useLocalized } from '../../../shared/courses/use-localized';
import type { StudioLessonSummary } from '../api/studio-api';
import { useDeleteLesson } from '../hooks/use-studio';
import { ConfirmAction } from './ConfirmAction';
import { DragHandle, MoveButtons } from './MoveButtons';
import { sideOf, useOutline } from './outline-context';

/** Id of a lesson's link in the outline, to focus it once added. */
export function lessonLinkId(lessonId: string): string {
  return `lesson-link-${lessonId}`;
}

export function OutlineLessonItem({ lesson, sectionId }: { lesson: StudioLessonSummary; sectionId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { dropZone, dropTarget, dragged, announce, focusAfterRender } = useOutline();
  const remove = useDeleteLesson();
  const title = localized.pick(lesson.title);
  const item = { kind: 'lesson', id: lesson.id } as const;
  const side = dropTarget?.kind === 'lesson' && dropTarget.lessonId === lesson.id ? dropTarget.side : null;
  const isDragged = dragged?.kind === 'lesson' && dragged.id === lesson.id;

  return (
    <li
      className={`outline-lesson${side ? ` drop-${side}` : ''}${isDragged ? ' is-dragged' : ''}`}
      data-drag-row
      {...dropZone((event) => ({ kind: 'lesson', sectionId, lessonId: lesson.id, side: sideOf(event) }))}
    >
      <div className="outline-lesson__row">
        <DragHandle item={item} title={title.text} />
        <div className="outline-lesson__main">
          <Link
            id={lessonLinkId(lesson.id)}
            className="outline-lesson__title"
            to={paths.studioLesson(lesson.id)}
          >
            <span lang={title.lang}>{title.text}</span>
          </Link>
          <span className="outline-lesson__meta">
            <LessonKindIcon kind={lesson.kind} showLabel /> · {formatDuration(t, lesson.estimatedMinutes)} ·{' '}
            {lesson.required ? t('studio.editor.required') : t('studio.editor.notRequired')}
          </span>
        </div>
      </div>
      <div className="outline-actions">
        <MoveButtons item={item} title={title.text} />
        <ConfirmAction
          label={t('common.delete')}
          context={t('studio.editor.moveContext', { title: title.text })}
          question={t('studio.editor.deleteLessonQuestion', { title: title.text })}
          confirmLabel={t('common.delete')}
          pendingLabel={t('common.deleting')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={remove.reset}
          onConfirm={() =>
            remove.mutate(lesson.id, {
              onSuccess: () => {
                announce(t('studio.editor.deleted', { title: title.text }));
                focusAfterRender(`section-${sectionId}`);
              },
            })
          }
        />
      </div>
    </li>
  );
}
