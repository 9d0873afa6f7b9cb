import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { errorMessage } from '../../../shared/api/error-messages';
import { formatDateTime } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import type { AuditLogEntry } from '../api/admin-api';
import { useAuditLog } from '../hooks/use-admin';
import { AdminNav } from './AdminNav';

/** Audit actions the portal can name; an unknown one is shown as its code. */
const ACTION_LABELS = {
  'user.create_staff': 'admin.audit.actions.createStaff',
  'user.password_reset': 'admin.audit.actions.passwordReset',
  'auth.refresh_token_reused': 'admin.audit.actions.refreshTokenReused',
  'admin_unit.import': 'admin.audit.actions.adminUnitImport',
  'certificate.revoke': 'admin.audit.actions.certificateRevoke',
  'certificate_batch.prepare': 'admin.audit.actions.batchPrepare',
  'certificate_batch.approve': 'admin.audit.actions.batchApprove',
  'certificate_batch.reject': 'admin.audit.actions.batchReject',
  'attestation.retry': 'admin.audit.actions.attestationRetry',
  'attestation.retry_all': 'admin.audit.actions.attestationRetryAll',
} as const;

function isKnownAction(action: string): action is keyof typeof ACTION_LABELS {
  return action in ACTION_LABELS;
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const [params] = useSearchParams();
  const requested = Number(params.get('page'));
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const { data, error, isPending, isFetching } = useAuditLog(page);
  const actionLabel = (entry: AuditLogEntry) =>
    isKnownAction(entry.action) ? t(ACTION_LABELS[entry.action]) : entry.action;

  return (
    <Page title={t('admin.sections.auditLog.title')} lead={t('admin.audit.lead')}>
      <AdminNav />
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="audit-results" aria-busy={isFetching}>
          <h2 id="audit-results" className="results-title">
            {t('admin.audit.count', { total: data.total })}
          </h2>
          {data.items.length === 0 ? (
            <p>{t('admin.audit.empty')}</p>
          ) : (
            <ScrollTable labelledBy="audit-results">
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.time')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.target')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">{formatDateTime(entry.createdAt, language)}</td>
                    <td>{entry.actorName ?? t('admin.audit.system')}</td>
                    <td>{actionLabel(entry)}</td>
                    <td className="break">
                      {entry.targetType
                        ? `${entry.targetType}${entry.targetId ? ` ${entry.targetId.slice(0, 8)}` : ''}`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(target) => (target > 1 ? `?page=${target}` : '')}
          />
        </section>
      ) : null}
    </Page>
  );
}
