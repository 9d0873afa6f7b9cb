import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../shared/courses/use-localized';
import type { StudioSection } from '../api/studio-api';
import { useDeleteSection } from '../hooks/use-studio';
import { AddLessonForm } from './AddLessonForm';
import { ConfirmAction } from './ConfirmAction';
import { DragHandle, MoveButtons } from './MoveButtons';
import { sideOf, useOutline } from './outline-context';
import { OutlineLessonItem } from './OutlineLessonItem';
import { RenameSectionForm } from './RenameSectionForm';

function dropClass(side: 'before' | 'after' | 'inside' | null): string {
  return side ? ` drop-${side}` : '';
}

export function OutlineSectionItem({ section, number }: { section: StudioSection; number: number }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { dropZone, dropTarget, dragged, announce, focusAfterRender } = useOutline();
  const remove = useDeleteSection();
  const [renaming, setRenaming] = useState(false);
  const renameRef = useRef<HTMLButtonElement>(null);
  // Set when renaming is cancelled: focus goes back to "Đổi tên" (after saving, to the heading).
  const refocusRename = useRef(false);
  useEffect(() => {
    if (renaming || !refocusRename.current) return;
    refocusRename.current = false;
    renameRef.current?.focus();
  }, [renaming]);
  const title = localized.pick(section.title);
  const headingId = `section-${section.id}`;
  const item = { kind: 'section', id: section.id } as const;

  const headerTarget =
    dropTarget && dropTarget.kind === 'section' && dropTarget.sectionId === section.id
      ? dropTarget.side
      : null;
  const endTarget = dropTarget?.kind === 'sectionEnd' && dropTarget.sectionId === section.id;
  const isDragged = dragged?.kind === 'section' && dragged.id === section.id;

  return (
    <li
      className={`outline-section${isDragged ? ' is-dragged' : ''}`}
      aria-labelledby={headingId}
      data-drag-row
    >
      <div
        className={`outline-section__header${dropClass(headerTarget)}`}
        {...dropZone((event) =>
          dragged?.kind === 'lesson'
            ? { kind: 'section', sectionId: section.id, side: 'after' }
            : { kind: 'section', sectionId: section.id, side: sideOf(event) },
        )}
      >
        <DragHandle item={item} title={title.text} />
        <h3 className="outline-section__title" id={headingId} tabIndex={-1}>
          {t('studio.editor.sectionNumber', { number })} <span lang={title.lang}>{title.text}</span>
        </h3>
      </div>
      <div className="outline-actions">
        <MoveButtons item={item} title={title.text} />
        <button
          ref={renameRef}
          type="button"
          className="button button--secondary button--small"
          aria-expanded={renaming}
          onClick={() => setRenaming((open) => !open)}
        >
          {t('studio.editor.rename')}
          <span className="visually-hidden"> {t('studio.editor.moveContext', { title: title.text })}</span>
        </button>
        <ConfirmAction
          label={t('common.delete')}
          context={t('studio.editor.moveContext', { title: title.text })}
          question={t('studio.editor.deleteSectionQuestion', { title: title.text })}
          confirmLabel={t('common.delete')}
          pendingLabel={t('common.deleting')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={remove.reset}
          onConfirm={() =>
            remove.mutate(section.id, {
              onSuccess: () => {
                announce(t('studio.editor.deleted', { title: title.text }));
                focusAfterRender('outline-title');
              },
            })
          }
        />
      </div>
      {renaming ? (
        <RenameSectionForm
          section={section}
          onDone={(cancelled) => {
            refocusRename.current = cancelled;
            setRenaming(false);
          }}
        />
      ) : null}
      {section.lessons.length > 0 ? (
        <ol className="outline-lessons">
          {section.lessons.map((lesson) => (
            <OutlineLessonItem key={lesson.id} lesson={lesson} sectionId={section.id} />
          ))}
        </ol>
      ) : (
        <p
          className={`outline-empty${dropClass(endTarget ? 'inside' : null)}`}
          {...dropZone(() => ({ kind: 'sectionEnd', sectionId: section.id }))}
        >
          {t('studio.editor.sectionEmpty')}
        </p>
      )}
      <AddLessonForm section={section} />
    </li>
  );
}
