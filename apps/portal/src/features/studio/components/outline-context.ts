import { createContext, type DragEvent, useContext } from 'react';

import type { StudioCourse } from '../api/studio-api';
import type { Dragged, DropTarget, OutlineOrder, Step } from './outline-order';

/** What the rows of the outline editor share: the order, moving, dragging and the live announcements. */
export interface OutlineEditing {
  course: StudioCourse;
  order: OutlineOrder;
  /** Moves a lesson or section one place; focus stays on the button pressed. */
  step: (dragged: Dragged, step: Step) => void;
  canStep: (dragged: Dragged, step: Step) => boolean;
  /** Reads a message out in the outline's live region. */
  announce: (message: string) => void;
  /** Focuses an element by id after the next render (a row moved or was added). */
  focusAfterRender: (elementId: string) => void;
  dragged: Dragged | null;
  dropTarget: DropTarget | null;
  startDrag: (dragged: Dragged) => (event: DragEvent<HTMLElement>) => void;
  /** Handlers for an element that accepts drops; `target` reads where in it the pointer is. */
  dropZone: (target: (event: DragEvent<HTMLElement>) => DropTarget) => {
    onDragOver: (event: DragEvent<HTMLElement>) => void;
    onDrop: (event: DragEvent<HTMLElement>) => void;
  };
  endDrag: () => void;
}

export const OutlineContext = createContext<OutlineEditing | null>(null);

export function useOutline(): OutlineEditing {
  const value = useContext(OutlineContext);
  if (!value) throw new Error('useOutline() must be used inside <OutlineEditor>');
  return value;
}

/** Whether the pointer is in the upper or lower half of the element under it. */
export function sideOf(event: DragEvent<HTMLElement>): 'before' | 'after' {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/** Element ids of the move buttons, to give focus back after a move. */
export function moveButtonId(dragged: Dragged, step: Step): string {
  return `move-${dragged.kind}-${dragged.id}-${step === -1 ? 'up' : 'down'}`;
}
