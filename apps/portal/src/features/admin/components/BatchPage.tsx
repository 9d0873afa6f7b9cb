import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { useLocalized } from '../../../shared/courses/use-localized';
import { formatCalendarDate, formatDateTime } from '../../../shared/format';
import { TextAreaField } from '../../../shared/forms/TextAreaField';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { CertificateBatchDetail } from '../api/certificates-admin-api';
import { useBatch, useDecideBatch } from '../hooks/use-certificates-admin';
import { AdminNav } from './AdminNav';
import { BatchStateBadge } from './BatchStateBadge';
import type { BatchFlash } from './NewBatchPage';

const NOTE_MAX = 1000;

/** A masked phone as people write numbers: +84911***004 → 0911***004. */
function localPhone(masked: string): string {
  return masked.replace(/^\+84/, '0');
}

/** /admin/certificate-batches/:id — a batch, its learners and (for another admin) the decision. */
export function BatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isPending, refetch } = useBatch(id);

  if (isPending) return <Loading />;
  if (!data) {
    return (
      <LoadFailedPage
        title={t('admin.sections.batches.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.adminBatches, label: t('admin.batch.backToList') }}
      />
    );
  }
  return <BatchView batch={data} />;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function BatchView({ batch }: { batch: CertificateBatchDetail }) {
  const { t, i18n } = useTranslation();
  const { text } = useLocalized();
  const language = i18n.resolvedLanguage ?? 'vi';
  const flash = (useLocation().state as BatchFlash | null)?.flash;
  const issuing = batch.state === 'approved' && batch.issuedCount < batch.itemCount;

  return (
    <Page title={batch.title} lead={text(batch.skillProgramme.title)}>
      <AdminNav />
      {flash === 'prepared' && batch.state === 'pending' ? (
        <Alert tone="success">{t('admin.batch.prepared')}</Alert>
      ) : null}
      <p className="cert-badges">
        <BatchStateBadge state={batch.state} />
      </p>
      <dl className="details">
        <Row label={t('admin.batches.programme')}>{text(batch.skillProgramme.title)}</Row>
        <Row label={t('admin.batch.reason')}>{batch.reason}</Row>
        <Row label={t('admin.batches.assessedOn')}>{formatCalendarDate(batch.assessedOn, language)}</Row>
        <Row label={t('admin.batches.preparedBy')}>
          {batch.preparedByName} · {formatDateTime(batch.preparedAt, language)}
        </Row>
        {batch.decidedByName ? (
          <Row
            label={t(batch.state === 'rejected' ? 'admin.batches.rejectedBy' : 'admin.batches.approvedBy')}
          >
            {batch.decidedByName} · {formatDateTime(batch.decidedAt, language)}
          </Row>
        ) : null}
        {batch.decisionNote ? <Row label={t('admin.batch.note')}>{batch.decisionNote}</Row> : null}
        <Row label={t('admin.batches.learners')}>
          {batch.state === 'approved'
            ? t('admin.batches.issuedOf', { issued: batch.issuedCount, total: batch.itemCount })
            : batch.itemCount}
        </Row>
      </dl>

      <DecisionPanel batch={batch} />

      <section aria-labelledby="batch-items">
        <h2 id="batch-items">{t('admin.batch.items', { count: batch.itemCount })}</h2>
        {/* Polite: the page looks again every few seconds while the worker issues. */}
        <div aria-live="polite">
          {issuing ? (
            <Alert tone="info" role="none">
              {t('admin.batch.issuing', { issued: batch.issuedCount, total: batch.itemCount })}
            </Alert>
          ) : null}
          {batch.state === 'approved' && !issuing ? (
            <Alert tone="success" role="none">
              {t('admin.batch.allIssued', { count: batch.issuedCount })}
            </Alert>
          ) : null}
        </div>
        <ul className="batch-items">
          {batch.items.map((item) => (
            <li key={item.userId} className="batch-item">
              <span className="batch-item__name">{item.learnerName}</span>
              <span className="batch-item__meta">
                {item.phoneMasked ? (
                  <span className="nowrap">
                    <span className="visually-hidden">{t('admin.batch.phone')}: </span>
                    {localPhone(item.phoneMasked)}
                  </span>
                ) : null}
                <span>
                  <span className="visually-hidden">{t('admin.batch.serial')}: </span>
                  {item.serial ? (
                    <Link className="code-text" to={paths.verifyCertificate(item.serial)} translate="no">
                      {item.serial}
                    </Link>
                  ) : (
                    <span className="muted">
                      {batch.state === 'approved'
                        ? t('admin.batch.serialIssuing')
                        : batch.state === 'pending'
                          ? t('admin.batch.serialPending')
                          : t('admin.batch.serialNone')}
                    </span>
                  )}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to={paths.adminBatches}>{t('admin.batch.backToList')}</Link>
      </p>
    </Page>
  );
}

type Step = 'idle' | 'approve' | 'reject';

/**
 * Approve or reject — only for an admin who did not prepare the batch (four eyes); everyone else is told
 * why there is nothing to press.
 */
function DecisionPanel({ batch }: { batch: CertificateBatchDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const language = i18n.resolvedLanguage ?? 'vi';
  const decide = useDecideBatch(batch.id);
  const [note, setNote] = useState('');
  const [step, setStep] = useState<Step>('idle');

  let content: ReactNode;
  if (batch.state !== 'pending') {
    const decided = {
      name: batch.decidedByName ?? '',
      time: formatDateTime(batch.decidedAt, language),
    };
    content = (
      <Alert
        tone={batch.state === 'approved' ? 'success' : 'info'}
        role="none"
        title={t('admin.batch.decidedTitle')}
      >
        <p>
          {batch.state === 'approved'
            ? t('admin.batch.approvedText', decided)
            : t('admin.batch.rejectedText', decided)}
        </p>
        <p>{t('admin.batch.decidedFinal')}</p>
      </Alert>
    );
  } else if (user && batch.preparedBy === user.id) {
    content = (
      <Alert tone="warning" role="none" title={t('admin.batch.ownTitle')}>
        <p>{t('admin.batch.ownText')}</p>
      </Alert>
    );
  } else {
    content = (
      <>
        <p>{t('admin.batch.decideLead', { count: batch.itemCount })}</p>
        {decide.isError ? <Alert tone="error">{errorMessage(t, decide.error)}</Alert> : null}
        <div className="form">
          <TextAreaField
            id="decision-note"
            label={t('admin.batch.note')}
            hint={t('admin.batch.noteHint')}
            value={note}
            onValueChange={setNote}
            optional
            maxLength={NOTE_MAX}
            rows={3}
          />
        </div>
        {step === 'idle' ? (
          <div className="actions">
            <button type="button" className="button" onClick={() => setStep('approve')}>
              {t('admin.batch.approve', { count: batch.itemCount })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep('reject')}>
              {t('admin.batch.reject')}
            </button>
          </div>
        ) : (
          <div className="confirm" role="group" aria-labelledby="decision-confirm">
            <p id="decision-confirm">
              {step === 'approve'
                ? t('admin.batch.confirmApprove', { count: batch.itemCount })
                : t('admin.batch.confirmReject')}
            </p>
            <div className="actions">
              <button
                type="button"
                className={step === 'approve' ? 'button' : 'button button--danger'}
                disabled={decide.isPending}
                onClick={() => decide.mutate({ decision: step, note })}
              >
                {decide.isPending
                  ? t('admin.batch.deciding')
                  : step === 'approve'
                    ? t('admin.batch.confirmApproveButton')
                    : t('admin.batch.confirmRejectButton')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={decide.isPending}
                onClick={() => {
                  decide.reset();
                  setStep('idle');
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </>
    );
  }

  return (
    <section className="section" aria-labelledby="batch-decision">
      <h2 id="batch-decision">{t('admin.batch.decisionTitle')}</h2>
      {/* The decision's outcome replaces the buttons: announced, not silent. */}
      <div aria-live="polite">{content}</div>
    </section>
  );
}
