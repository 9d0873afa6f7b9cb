import { useTranslation } from 'react-i18next';

import { moveButtonId, useOutline } from './outline-context';
import type { Dragged } from './outline-order';

/**
 * "Lên" / "Xuống": the keyboard (and touch-screen) way to reorder. At an end the button stays
 * focusable but says it is unavailable (aria-disabled), so focus is never thrown back to the page top.
 */
export function MoveButtons({ item, title }: { item: Dragged; title: string }) {
  const { t } = useTranslation();
  const { step, canStep } = useOutline();
  return (
    <>
      {([-1, 1] as const).map((direction) => {
        const possible = canStep(item, direction);
        return (
          <button
            key={direction}
            id={moveButtonId(item, direction)}
            type="button"
            className="button button--secondary button--small move-button"
            aria-disabled={possible ? undefined : true}
            onClick={() => {
              if (possible) step(item, direction);
            }}
          >
            <span aria-hidden="true">{direction === -1 ? '↑' : '↓'}</span>{' '}
            {direction === -1 ? t('studio.editor.moveUp') : t('studio.editor.moveDown')}
            <span className="visually-hidden"> {t('studio.editor.moveContext', { title })}</span>
          </button>
        );
      })}
    </>
  );
}

/** The grip that starts a mouse drag. Keyboard and screen-reader users have the buttons instead. */
export function DragHandle({ item, title }: { item: Dragged; title: string }) {
  const { t } = useTranslation();
  const { startDrag, endDrag } = useOutline();
  return (
    <span
      className="drag-handle"
      draggable
      title={t('studio.editor.dragHandle', { title })}
      aria-hidden="true"
      onDragStart={startDrag(item)}
      onDragEnd={endDrag}
    >
      <svg viewBox="0 0 24 24" focusable="false">
        <circle cx="9" cy="6" r="1.8" />
        <circle cx="15" cy="6" r="1.8" />
        <circle cx="9" cy="12" r="1.8" />
        <circle cx="15" cy="12" r="1.8" />
        <circle cx="9" cy="18" r="1.8" />
        <circle cx="15" cy="18" r="1.8" />
      </svg>
    </span>
  );
}
