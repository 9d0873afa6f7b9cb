import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A polite "loading" line, shown only after a short delay so fast loads do not flash. */
export function Loading({ delayMs = 250, label }: { delayMs?: number; label?: string }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(delayMs === 0);
  useEffect(() => {
    if (delayMs === 0) return undefined;
    const timer = window.setTimeout(() => setVisible(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);

  return (
    <div className="loading" role="status">
      {visible ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {label ?? t('common.loading')}
        </>
      ) : null}
    </div>
  );
}
