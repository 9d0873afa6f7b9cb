import { ErrorCode } from '@hocvu/contracts';
import type { TFunction } from 'i18next';
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { errorMessage } from '../../../../shared/api/error-messages';
import { FieldMessages } from '../../../../shared/forms';
import { Alert } from '../../../../shared/ui/Alert';
import { ScrollTable } from '../../../../shared/ui/ScrollTable';
import {
  fetchQuestionTemplate,
  type QuestionFile,
  type QuestionImportResult,
  type QuestionTemplateFormat,
} from '../../api/studio-api';
import { useImportQuestions } from '../../hooks/use-studio';
import { readFileAsBase64 } from '../cover-file';
import { problemText } from './editor-fields';
import { checkImportFile, decodeCsv, IMPORT_ACCEPT, rowsOfReport, unreadableReason } from './import-file';
import { describeImportProblem } from './import-problems';
import { describeProblem } from './question-problems';

const TEMPLATE_NAME = 'mau-cau-hoi';

/**
 * Many questions at once from the template, as an Excel workbook or a CSV file: the templates to
 * download, the file to send, and the API's row report (what was imported, which rows were not and why).
 */
export function QuestionImportPanel({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const upload = useImportQuestions(courseId);
  const fileId = `${useId()}-questions-file`;
  const reportTitleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<QuestionImportResult | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const pending = reading || upload.isPending;

  const refuse = (message: string) => {
    setFileError(message);
    fileInputRef.current?.focus();
  };

  /** The file as the API takes it, or why it cannot be sent. */
  async function readQuestionFile(chosen: File): Promise<QuestionFile | { problem: string }> {
    const checked = checkImportFile(chosen);
    if ('problem' in checked) return { problem: t(`studio.questions.import.errors.${checked.problem}`) };
    try {
      if (checked.kind === 'xlsx') return { xlsx: await readFileAsBase64(chosen) };
      const decoded = decodeCsv(await chosen.arrayBuffer());
      return 'problem' in decoded
        ? { problem: t(`studio.questions.import.errors.${decoded.problem}`) }
        : { csv: decoded.text };
    } catch {
      return { problem: t('studio.questions.import.errors.unreadable') };
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFileError(undefined);
    setReport(null);
    upload.reset();
    if (!file) {
      refuse(t('studio.questions.import.errors.noFile'));
      return;
    }
    setReading(true);
    const read = await readQuestionFile(file);
    setReading(false);
    if ('problem' in read) {
      refuse(read.problem);
      return;
    }
    upload.mutate(read, {
      onSuccess: (result) => {
        setReport(result);
        setFile(null);
        if (fileInputRef.current) fileInputRef.current.value = '';
      },
    });
  }

  // A file the API could not read at all: say why in the teacher's words when it is a usual reason.
  const reason =
    isApiError(upload.error) && upload.error.code === ErrorCode.ImportInvalid
      ? unreadableReason(upload.error.details)
      : null;

  return (
    <details className="disclosure question-import">
      <summary className="disclosure__summary">{t('studio.questions.import.title')}</summary>
      <div className="disclosure__body">
        <p>{t('studio.questions.import.lead')}</p>
        <TemplateDownloads />

        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <div className={`field${fileError ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={fileId}>
              {t('studio.questions.import.file')}
            </label>
            <FieldMessages id={fileId} hint={t('studio.questions.import.fileHint')} error={fileError} />
            <input
              ref={fileInputRef}
              id={fileId}
              name="questions-file"
              type="file"
              accept={IMPORT_ACCEPT}
              className="input question-import__file"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(undefined);
                upload.reset();
              }}
            />
          </div>
          {upload.error ? (
            <Alert tone="error">
              <p>{reason ? t(`studio.questions.import.errors.${reason}`) : errorMessage(t, upload.error)}</p>
            </Alert>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" aria-disabled={pending ? true : undefined}>
              {pending ? t('studio.questions.import.submitting') : t('studio.questions.import.submit')}
            </button>
          </div>
        </form>

        <div role="status">
          {report ? (
            <Alert tone={report.imported > 0 ? 'success' : 'warning'} role="none">
              <p>
                {report.imported > 0
                  ? t('studio.questions.import.imported', { count: report.imported })
                  : t('studio.questions.import.importedNone')}
              </p>
            </Alert>
          ) : null}
        </div>
        {report && report.errors.length > 0 ? <ImportReport report={report} titleId={reportTitleId} /> : null}
      </div>
    </details>
  );
}

function ImportReport({ report, titleId }: { report: QuestionImportResult; titleId: string }) {
  const { t } = useTranslation();
  const rows = rowsOfReport(report.errors);
  return (
    // The table's scrolling region is named by the title: the report is that region.
    <div className="question-import__report">
      <h3 id={titleId}>{t('studio.questions.import.rejectedTitle', { count: rows.length })}</h3>
      <p className="field__hint">{t('studio.questions.import.rejectedHint')}</p>
      <ScrollTable labelledBy={titleId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('studio.questions.import.row')}
            </th>
            <th scope="col">{t('studio.questions.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, messages }) => (
            <tr key={row}>
              <th scope="row" className="num">
                {row <= 1 ? t('studio.questions.import.headerRow', { row }) : row}
              </th>
              <td>
                {messages.length === 1 ? (
                  importProblemText(t, messages[0] ?? '')
                ) : (
                  <ul className="question-import__problems">
                    {messages.map((message) => (
                      <li key={message}>{importProblemText(t, message)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}

/** A row-report message in the teacher's language (an unknown one as the API wrote it). */
function importProblemText(t: TFunction, message: string): string {
  const described = describeImportProblem(message);
  return described
    ? t(`studio.questions.importProblems.${described.key}`, described.params)
    : problemText(t, describeProblem(message));
}

/** The template, generated by the API: fetched with the session (a plain link would carry none). */
function TemplateDownloads() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<QuestionTemplateFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: QuestionTemplateFormat) {
    setPending(format);
    setError(null);
    try {
      const blob = await fetchQuestionTemplate(format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${TEMPLATE_NAME}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked after the browser has started the download.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <p className="question-import__templates">
        {(['xlsx', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary button--small button--icon"
            aria-disabled={pending ? true : undefined}
            onClick={() => {
              if (!pending) void download(format);
            }}
          >
            <span aria-hidden="true">↓</span>{' '}
            {pending === format
              ? t('studio.questions.import.templateDownloading')
              : t(`studio.questions.import.template.${format}`)}
          </button>
        ))}
      </p>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </>
  );
}
