import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts the screen reader (errors); `status` waits its turn (confirmations). */
  role?: 'alert' | 'status' | 'none';
}

export function Alert({
  tone = 'info',
  title,
  children,
  role = tone === 'error' ? 'alert' : 'status',
}: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={role === 'none' ? undefined : role}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}
