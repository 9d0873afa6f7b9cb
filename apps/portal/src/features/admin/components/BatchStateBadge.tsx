import { useTranslation } from 'react-i18next';

import type { BatchState } from '../api/certificates-admin-api';

export function BatchStateBadge({ state }: { state: BatchState }) {
  const { t } = useTranslation();
  return <span className={`badge batch-badge--${state}`}>{t(`admin.batches.states.${state}`)}</span>;
}
