import type { ReactNode } from 'react';

import { RevokedIcon, UnknownIcon, ValidIcon } from '../../../shared/certificates/StatusIcons';

export type Verdict = 'valid' | 'revoked' | 'invalid' | 'notFound';

/**
 * The answer to "is this certificate real?", large and first: an icon and a colour for a glance, the
 * words for everyone (the colour is never the only sign).
 */
export function VerdictPanel({
  verdict,
  title,
  children,
}: {
  verdict: Verdict;
  title: string;
  children?: ReactNode;
}) {
  const Icon = verdict === 'valid' ? ValidIcon : verdict === 'notFound' ? UnknownIcon : RevokedIcon;
  return (
    <div className={`verdict verdict--${verdict}`} data-verdict={verdict}>
      <Icon className="verdict__icon" />
      <div className="verdict__body">
        <h2 className="verdict__title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** "Đã xác nhận trên VNeID": the national identity app also recorded this completion. */
export function VneidConfirmed({ label }: { label: string }) {
  return (
    <p className="verdict__vneid">
      <ValidIcon className="verdict__vneid-icon" />
      {label}
    </p>
  );
}
