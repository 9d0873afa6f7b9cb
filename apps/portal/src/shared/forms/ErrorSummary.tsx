import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** Id of the element to focus (the input, or the first input of a group). */
  targetId: string;
  message: string;
}

/**
 * The list of problems at the top of a form after a failed submit, focused so it is read out at once;
 * each item links to its field.
 */
export function ErrorSummary({ items, attempt }: { items: readonly SummaryItem[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Unique per form: a page may hold several forms (the course editor does).
  const titleId = useId();

  // Each failed submit (a new `attempt`) brings the summary back into view and focus.
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new attempt should steal focus, not edits
  }, [attempt]);

  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {t('form.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={item.targetId}>
            <a
              href={`#${item.targetId}`}
              onClick={(event) => {
                const target = document.getElementById(item.targetId);
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
