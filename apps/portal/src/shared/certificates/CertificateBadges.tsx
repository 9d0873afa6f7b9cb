import './certificate-ui.css';

import type { Schema } from '@hocvu/api-client';
import { useTranslation } from 'react-i18next';

import { vneidStateOf } from './certificate-states';

/** "Hợp lệ" (green) or "Đã thu hồi" (red): the words carry the meaning, the colour only repeats it. */
export function CertificateStatusBadge({ status }: { status: 'valid' | 'revoked' }) {
  const { t } = useTranslation();
  return <span className={`badge cert-badge cert-badge--${status}`}>{t(`certificateStatus.${status}`)}</span>;
}

/** Where the certificate stands with VNeID, in the learner's words. */
export function VneidStateBadge({
  attestation,
}: {
  attestation: Schema<'AttestationSummaryDto'> | null | undefined;
}) {
  const { t } = useTranslation();
  const state = vneidStateOf(attestation);
  return <span className={`badge cert-badge cert-badge--vneid-${state}`}>{t(`vneidState.${state}`)}</span>;
}
