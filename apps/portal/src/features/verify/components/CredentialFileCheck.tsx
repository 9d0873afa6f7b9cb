import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDate } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import type { CredentialVerification } from '../api/verify-api';
import {
  type CredentialFileProblem,
  MAX_CREDENTIAL_FILE_BYTES,
  parseCredentialText,
  problemCodes,
  readFileText,
} from '../credential-file';
import { useVerifyCredential } from '../hooks/use-verify';
import { PublicCertificateDetails } from './PublicCertificateDetails';
import { VerdictPanel, VneidConfirmed } from './VerdictPanel';

type FileProblem = CredentialFileProblem | 'unreadable';

/**
 * Checks a credential file (the JSON a learner downloads): read and parsed here, so a wrong file (a PDF,
 * a photo) is told at once without a round trip; a JSON object goes to the API, which checks the
 * signature, the issuer, the dates and the revocation list.
 */
export function CredentialFileCheck() {
  const { t } = useTranslation();
  const verify = useVerifyCredential();
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  const [credential, setCredential] = useState<Record<string, unknown> | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    verify.reset();
    setFileProblem(null);
    setCredential(null);
    setFileName(file?.name ?? null);
    if (!file) return;
    if (file.size > MAX_CREDENTIAL_FILE_BYTES) {
      setFileProblem('tooLarge');
      return;
    }
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      setFileProblem('unreadable');
      return;
    }
    const parsed = parseCredentialText(text);
    if (!parsed.ok) {
      setFileProblem(parsed.problem);
      return;
    }
    setCredential(parsed.credential);
    verify.mutate(parsed.credential);
  };

  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="credential-file">
          {t('verify.file.label')}
        </label>
        <p className="field__hint" id="credential-file-hint">
          {t('verify.file.hint')}
        </p>
        {/* The browser's own button speaks the phone's language (often English): ours lies under
            a transparent input that still takes the taps, the keyboard focus and the screen reader. */}
        <div className="file-picker">
          <input
            id="credential-file"
            name="credential-file"
            type="file"
            accept=".json,application/json,application/ld+json"
            className="file-picker__input"
            aria-describedby="credential-file-hint"
            onChange={(event) => void onChange(event)}
          />
          <span className="button button--secondary file-picker__button" aria-hidden="true">
            {t('verify.file.choose')}
          </span>
          <span className="file-picker__name" aria-hidden="true">
            {fileName ?? t('verify.file.noFile')}
          </span>
        </div>
      </div>
      {fileProblem ? (
        <Alert tone="error" title={t('verify.file.notCredential')}>
          <p>{t(`verify.file.problems.${fileProblem}`)}</p>
        </Alert>
      ) : null}
      <div aria-live="polite">
        {verify.isPending ? <p className="loading">{t('verify.file.checking')}</p> : null}
        {verify.data ? <CredentialVerdict result={verify.data} /> : null}
      </div>
      {verify.error ? (
        <LoadFailedAlert
          error={verify.error}
          onRetry={() => {
            if (credential) verify.mutate(credential);
          }}
        />
      ) : null}
      {verify.data?.certificate ? (
        <PublicCertificateDetails certificate={verify.data.certificate} headingId="verify-file-details" />
      ) : null}
    </>
  );
}

function CredentialVerdict({ result }: { result: CredentialVerification }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const codes = problemCodes(result.problems);
  const certificate = result.certificate;
  return (
    <VerdictPanel verdict={result.status} title={t(`verify.file.verdict.${result.status}`)}>
      {result.status === 'valid' && certificate ? (
        <p>{t('verify.verdict.validText', { issuer: certificate.issuerName })}</p>
      ) : null}
      {result.status === 'revoked' && certificate?.revokedAt ? (
        <p>{t('verify.verdict.revokedOn', { date: formatDate(certificate.revokedAt, language) })}</p>
      ) : null}
      {result.status === 'revoked' && certificate?.revokedReason ? (
        <p>
          <strong>{t('verify.verdict.reason')}</strong> {certificate.revokedReason}
        </p>
      ) : null}
      {codes.length > 0 ? (
        <ul className="verdict__problems">
          {codes.map((code) => (
            <li key={code}>{t(`verify.problems.${code}`)}</li>
          ))}
        </ul>
      ) : null}
      {result.status === 'valid' && certificate?.confirmedOnVneid ? (
        <VneidConfirmed label={t('verify.verdict.vneid')} />
      ) : null}
    </VerdictPanel>
  );
}
