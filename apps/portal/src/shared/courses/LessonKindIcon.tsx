import './course-ui.css';

import type { LessonKind } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

/** The drawing for each kind of lesson; simple shapes that read at 20px on a cheap screen. */
function KindPath({ kind }: { kind: LessonKind }) {
  switch (kind) {
    case 'article':
      return (
        <>
          <path d="M6 3h9l5 5v13H6z" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M9 12h8M9 16h8M9 8h4" stroke="currentColor" strokeWidth="2" />
        </>
      );
    case 'video':
      return (
        <>
          <rect x="3" y="5" width="18" height="14" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10 9v6l5-3z" fill="currentColor" />
        </>
      );
    case 'quiz':
      return (
        <>
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
          <path
            d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5V14"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <circle cx="12" cy="17" r="1.2" fill="currentColor" />
        </>
      );
  }
}

/**
 * A lesson's kind as an icon followed by its name for screen readers (or visibly, with `showLabel`):
 * an icon alone is not enough for people who do not know the conventions.
 */
export function LessonKindIcon({ kind, showLabel = false }: { kind: LessonKind; showLabel?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="lesson-kind">
      <svg className="lesson-kind__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <KindPath kind={kind} />
      </svg>
      <span className={showLabel ? 'lesson-kind__label' : 'visually-hidden'}>{t(`lessonKind.${kind}`)}</span>
    </span>
  );
}
