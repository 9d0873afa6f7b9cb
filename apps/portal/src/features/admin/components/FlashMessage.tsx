import { type ReactNode, useEffect, useRef } from 'react';

import { Alert } from '../../../shared/ui/Alert';

/**
 * The outcome of an action whose button is gone afterwards (a revoked certificate, a row sent back to
 * the queue): focus moves here, so keyboard and screen-reader users are not left on nothing.
 * `id` changes with each new outcome.
 */
export function FlashMessage({
  id,
  tone = 'success',
  children,
}: {
  id: string;
  tone?: 'success' | 'info';
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [id]);
  return (
    <div ref={ref} tabIndex={-1} className="flash">
      <Alert tone={tone} role="status">
        {children}
      </Alert>
    </div>
  );
}
