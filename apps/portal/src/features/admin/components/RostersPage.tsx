import { ErrorCode, Permission } from '@hocvu/contracts';
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAuth } from '../../../app/auth/auth-context';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatNumber } from '../../../shared/format';
import { readFileAsBase64, saveBlob } from '../../../shared/save-file';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import {
  fetchRosterProblemsCsv,
  fetchRosterTemplate,
  type RosterFile,
  type RosterImportResult,
  type RosterIssue,
  type RosterPreview,
  type RosterTemplateFormat,
} from '../api/rosters-api';
import { useRosterEnrol, useRosterImport, useRosterPreview } from '../hooks/use-rosters';
import {
  checkRosterFile,
  columnProblems,
  decodeRosterCsv,
  describeRosterIssue,
  issuesByRow,
  reportFileName,
  ROSTER_ACCEPT,
  type RosterFileProblem,
  type RosterIssueLike,
  rowCount,
} from '../rosters';
import { AdminNav } from './AdminNav';
import { PublishedCourseSelect } from './PublishedCourseSelect';

const TEMPLATE_NAME = 'mau-danh-sach-hoc-vien';
/** Rows with problems shown on the page; the CSV report has them all. */
const MAX_SHOWN_ROWS = 50;
const FILE_INPUT_ID = 'roster-file';

type Step = 'choose' | 'preview' | 'result';
const STEP_HEADING: Record<Step, string> = {
  choose: 'roster-step-choose',
  preview: 'roster-step-preview',
  result: 'roster-step-result',
};

/** The file as the API takes it, or why it cannot be sent (told before any request). */
async function readRosterUpload(file: File): Promise<RosterFile | { problem: RosterFileProblem }> {
  const checked = checkRosterFile(file);
  if ('problem' in checked) return checked;
  try {
    if (checked.kind === 'xlsx') return { xlsx: await readFileAsBase64(file) };
    const decoded = decodeRosterCsv(await file.arrayBuffer());
    return 'problem' in decoded ? decoded : { csv: decoded.text };
  } catch {
    return { problem: 'unreadable' };
  }
}

/**
 * /admin/rosters — "Nhập danh sách học viên": a class or staff list in three steps. The file is checked
 * (a dry run that writes nothing), the valid rows imported, then everyone on the list enrolled in a course.
 */
export function RostersPage() {
  const { t } = useTranslation();
  const preview = useRosterPreview();
  const importing = useRosterImport();
  const [fileName, setFileName] = useState<string | null>(null);
  const [upload, setUpload] = useState<RosterFile | null>(null);
  const [fileProblem, setFileProblem] = useState<RosterFileProblem | null>(null);
  const [reading, setReading] = useState(false);
  const [focusStep, setFocusStep] = useState<{ step: Step } | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);

  // Each step's heading takes the focus when the step appears, so it is read out and Tab goes on from there.
  useEffect(() => {
    if (focusStep) document.getElementById(STEP_HEADING[focusStep.step])?.focus();
  }, [focusStep]);

  const startOver = () => {
    preview.reset();
    importing.reset();
  };

  const onFileChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    startOver();
    setUpload(null);
    setFileProblem(null);
    setFileName(file?.name ?? null);
    if (!file) return;
    setReading(true);
    const read = await readRosterUpload(file);
    setReading(false);
    if ('problem' in read) setFileProblem(read.problem);
    else setUpload(read);
  };

  const onCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reading || preview.isPending) return;
    if (!upload) {
      if (!fileProblem) setFileProblem('noFile');
      fileInputRef.current?.focus();
      return;
    }
    startOver();
    preview.mutate(upload, { onSuccess: () => setFocusStep({ step: 'preview' }) });
  };

  const onImport = () => {
    if (!upload || importing.isPending) return;
    importing.mutate(upload, { onSuccess: () => setFocusStep({ step: 'result' }) });
  };

  const chooseAnother = () => {
    startOver();
    setUpload(null);
    setFileName(null);
    setFileProblem(null);
    if (fileInputRef.current) fileInputRef.current.value = '';
    setFocusStep({ step: 'choose' });
  };

  const checking = reading || preview.isPending;

  return (
    <Page title={t('admin.sections.rosters.title')} lead={t('admin.rosters.lead')}>
      <AdminNav />

      <section className="roster-step" aria-labelledby={STEP_HEADING.choose}>
        <h2 id={STEP_HEADING.choose} tabIndex={-1} className="roster-step__title">
          {t('admin.rosters.step1.title')}
        </h2>
        <p>{t('admin.rosters.step1.templateLead')}</p>
        <TemplateDownloads />

        <form className="form" noValidate onSubmit={onCheck}>
          <div className={`field${fileProblem ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={FILE_INPUT_ID}>
              {t('admin.rosters.step1.file')}
            </label>
            <p className="field__hint" id={`${FILE_INPUT_ID}-hint`}>
              {t('admin.rosters.step1.fileHint')}
            </p>
            {fileProblem ? (
              <p className="field__error" id={`${FILE_INPUT_ID}-error`}>
                <span className="visually-hidden">{t('common.errorPrefix')} </span>
                {t(`admin.rosters.fileProblems.${fileProblem}`)}
              </p>
            ) : null}
            {/* The browser's own button speaks the phone's language (often English): ours lies under
                a transparent input that still takes the taps, the keyboard focus and the screen reader. */}
            <div className="file-picker">
              <input
                ref={fileInputRef}
                id={FILE_INPUT_ID}
                name="roster-file"
                type="file"
                accept={ROSTER_ACCEPT}
                className="file-picker__input"
                aria-invalid={fileProblem ? true : undefined}
                aria-describedby={`${FILE_INPUT_ID}-hint${fileProblem ? ` ${FILE_INPUT_ID}-error` : ''}`}
                onChange={(event) => void onFileChange(event)}
              />
              <span className="button button--secondary file-picker__button" aria-hidden="true">
                {t('admin.rosters.step1.choose')}
              </span>
              <span className="file-picker__name" aria-hidden="true">
                {fileName ?? t('admin.rosters.step1.noFile')}
              </span>
            </div>
          </div>
          <PreviewError error={preview.error} />
          <div className="actions">
            <button type="submit" className="button" aria-disabled={checking ? true : undefined}>
              {checking ? t('admin.rosters.step1.checking') : t('admin.rosters.step1.check')}
            </button>
          </div>
        </form>
      </section>

      {preview.data && upload ? (
        <PreviewStep
          preview={preview.data}
          upload={upload}
          fileName={fileName ?? ''}
          imported={Boolean(importing.data)}
          importing={importing.isPending}
          importError={importing.error}
          onImport={onImport}
        />
      ) : null}

      {importing.data ? <ResultStep result={importing.data} onAnother={chooseAnother} /> : null}
    </Page>
  );
}

/** A whole-file refusal: the header's missing columns named one by one, other reasons in plain words. */
function PreviewError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.code === ErrorCode.RosterColumnsInvalid) {
    const problems = columnProblems(error.details);
    return (
      <Alert tone="error" title={t('errors.ROSTER_COLUMNS_INVALID')}>
        {problems.length > 0 ? (
          <ul className="roster-issues">
            {problems.map((problem) => (
              <li key={`${problem.column}-${problem.code}`}>
                <IssueText issue={problem} />
              </li>
            ))}
          </ul>
        ) : null}
        <p>{t('admin.rosters.columnsHelp')}</p>
      </Alert>
    );
  }
  if (isApiError(error) && error.code === ErrorCode.ImportInvalid) {
    return <Alert tone="error">{t('admin.rosters.unreadable')}</Alert>;
  }
  return <Alert tone="error">{errorMessage(t, error)}</Alert>;
}

function IssueText({ issue }: { issue: RosterIssueLike }) {
  const { t } = useTranslation();
  const described = describeRosterIssue(issue);
  const text =
    described.key === 'other' ? issue.message : t(`admin.rosters.issues.${described.key}`, described.params);
  return (
    <>
      {issue.column ? <strong className="roster-issue__column">{issue.column}: </strong> : null}
      {text}
      {issue.value ? (
        <span className="roster-issue__value"> {t('admin.rosters.cellValue', { value: issue.value })}</span>
      ) : null}
    </>
  );
}

/** The issues as a card per row (a phone has no room for a wide table), the first ones only. */
function IssueRows({ issues, labelId }: { issues: readonly RosterIssue[]; labelId: string }) {
  const { t } = useTranslation();
  const rows = issuesByRow(issues);
  const shown = rows.slice(0, MAX_SHOWN_ROWS);
  return (
    <>
      <ul className="roster-rows" aria-labelledby={labelId}>
        {shown.map(({ row, issues: rowIssues }) => (
          <li key={row} className="roster-row">
            <p className="roster-row__title">
              {row <= 1 ? t('admin.rosters.headerRow') : t('admin.rosters.row', { row })}
            </p>
            <ul className="roster-issues">
              {rowIssues.map((issue, index) => (
                <li key={`${issue.code}-${issue.column}-${index}`}>
                  <IssueText issue={issue} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {rows.length > shown.length ? (
        <p className="field__hint">
          {t('admin.rosters.moreRows', { shown: shown.length, count: rows.length })}
        </p>
      ) : null}
    </>
  );
}

function Counts({ items }: { items: readonly { id: string; label: string; value: number; tone?: 'bad' }[] }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <dl className="roster-counts">
      {items.map((item) => (
        <div key={item.id} className={`roster-count${item.tone ? ` roster-count--${item.tone}` : ''}`}>
          <dt className="roster-count__label">{item.label}</dt>
          <dd className="roster-count__value">{formatNumber(item.value, language)}</dd>
        </div>
      ))}
    </dl>
  );
}

function PreviewStep({
  preview,
  upload,
  fileName,
  imported,
  importing,
  importError,
  onImport,
}: {
  preview: RosterPreview;
  upload: RosterFile;
  fileName: string;
  imported: boolean;
  importing: boolean;
  importError: unknown;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const problemRows = rowCount(preview.problems);
  const notEnrollable = preview.duplicates.filter(
    (duplicate) => duplicate.code === 'exists' && !duplicate.userId,
  ).length;
  const canImport = preview.valid + preview.existing > 0;

  return (
    <section className="roster-step" aria-labelledby={STEP_HEADING.preview}>
      <h2 id={STEP_HEADING.preview} tabIndex={-1} className="roster-step__title">
        {t('admin.rosters.step2.title')}
      </h2>
      <p className="roster-step__file">
        {t('admin.rosters.step2.file', { name: fileName })}
        {imported ? null : ` ${t('admin.rosters.step2.notSavedYet')}`}
      </p>
      <Counts
        items={[
          { id: 'rows', label: t('admin.rosters.step2.rows'), value: preview.rows },
          { id: 'valid', label: t('admin.rosters.step2.valid'), value: preview.valid },
          { id: 'existing', label: t('admin.rosters.step2.existing'), value: preview.existing },
          {
            id: 'problems',
            label: t('admin.rosters.step2.problemRows'),
            value: problemRows,
            ...(problemRows > 0 ? { tone: 'bad' as const } : {}),
          },
        ]}
      />
      {preview.existing > 0 ? (
        <p>
          {t('admin.rosters.step2.existingNote', { count: preview.existing })}
          {notEnrollable > 0 ? ` ${t('admin.rosters.step2.notEnrollable', { count: notEnrollable })}` : null}
        </p>
      ) : null}

      {preview.problems.length > 0 ? (
        <>
          <h3 id="roster-problems-title">{t('admin.rosters.step2.problemsTitle', { count: problemRows })}</h3>
          <p className="field__hint">{t('admin.rosters.step2.problemsHint')}</p>
          <IssueRows issues={preview.problems} labelId="roster-problems-title" />
        </>
      ) : (
        <Alert tone="success" role="none">
          <p>{t('admin.rosters.step2.noProblems')}</p>
        </Alert>
      )}

      {preview.warnings.length > 0 ? (
        <>
          <h3 id="roster-warnings-title">
            {t('admin.rosters.step2.warningsTitle', { count: rowCount(preview.warnings) })}
          </h3>
          <p className="field__hint">{t('admin.rosters.step2.warningsHint')}</p>
          <IssueRows issues={preview.warnings} labelId="roster-warnings-title" />
        </>
      ) : null}

      {preview.problems.length + preview.warnings.length > 0 ? (
        <ReportDownload upload={upload} fileName={fileName} />
      ) : null}

      {imported ? null : (
        <>
          {importError ? <Alert tone="error">{errorMessage(t, importError)}</Alert> : null}
          {canImport ? null : <p>{t('admin.rosters.step2.nothingToImport')}</p>}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!canImport}
              aria-disabled={importing ? true : undefined}
              onClick={onImport}
            >
              {importing
                ? t('admin.rosters.step2.importing')
                : preview.valid === 0 && preview.existing > 0
                  ? t('admin.rosters.step2.continueExisting', { count: preview.existing })
                  : t('admin.rosters.step2.import', { count: preview.valid })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** "Tải báo cáo lỗi (CSV)": the API writes the report (every row, formulas neutralised). */
function ReportDownload({ upload, fileName }: { upload: RosterFile; fileName: string }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download() {
    setPending(true);
    setError(null);
    try {
      saveBlob(await fetchRosterProblemsCsv(upload), reportFileName(fileName));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <p className="actions">
        <button
          type="button"
          className="button button--secondary roster-download"
          aria-disabled={pending ? true : undefined}
          onClick={() => {
            if (!pending) void download();
          }}
        >
          <span aria-hidden="true">↓</span>{' '}
          {pending ? t('admin.rosters.downloading') : t('admin.rosters.step2.report')}
        </button>
      </p>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </>
  );
}

function ResultStep({ result, onAnother }: { result: RosterImportResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notImported = rowCount(result.problems);
  return (
    <section className="roster-step" aria-labelledby={STEP_HEADING.result}>
      <h2 id={STEP_HEADING.result} tabIndex={-1} className="roster-step__title">
        {t('admin.rosters.step3.title')}
      </h2>
      <Alert tone="success">
        <p>{t('admin.rosters.step3.done', { created: result.created, existing: result.skippedExisting })}</p>
      </Alert>
      <Counts
        items={[
          { id: 'created', label: t('admin.rosters.step3.created'), value: result.created },
          { id: 'existing', label: t('admin.rosters.step3.existing'), value: result.skippedExisting },
          {
            id: 'notImported',
            label: t('admin.rosters.step3.notImported'),
            value: notImported,
            ...(notImported > 0 ? { tone: 'bad' as const } : {}),
          },
        ]}
      />
      <p className="field__hint">{t('admin.rosters.step3.signInHint')}</p>

      {can(Permission.EnrolmentBulk) ? (
        <EnrolForm importId={result.importId} learners={result.userIds.length} />
      ) : null}

      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('admin.rosters.step3.another')}
        </button>
      </div>
    </section>
  );
}

function EnrolForm({ importId, learners }: { importId: string; learners: number }) {
  const { t } = useTranslation();
  const enrol = useRosterEnrol();
  const [courseId, setCourseId] = useState('');
  const [courseError, setCourseError] = useState<string | undefined>(undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (enrol.isPending) return;
    if (!courseId) {
      setCourseError(t('admin.rosters.step3.courseRequired'));
      document.getElementById('roster-course')?.focus();
      return;
    }
    enrol.mutate({ importId, courseId });
  };

  return (
    <div className="roster-enrol">
      <h3 id="roster-enrol-title">{t('admin.rosters.step3.enrolTitle')}</h3>
      {learners === 0 ? (
        <p>{t('admin.rosters.step3.nobodyToEnrol')}</p>
      ) : (
        <form className="form" noValidate aria-labelledby="roster-enrol-title" onSubmit={onSubmit}>
          <p>{t('admin.rosters.step3.enrolLead', { count: learners })}</p>
          <PublishedCourseSelect
            id="roster-course"
            label={t('admin.rosters.step3.course')}
            placeholder={t('admin.rosters.step3.courseChoose')}
            value={courseId}
            onValueChange={(value) => {
              setCourseId(value);
              setCourseError(undefined);
              enrol.reset();
            }}
            error={courseError}
          />
          {enrol.error ? <Alert tone="error">{errorMessage(t, enrol.error)}</Alert> : null}
          <div className="actions">
            <button type="submit" className="button" aria-disabled={enrol.isPending ? true : undefined}>
              {enrol.isPending ? t('admin.rosters.step3.enrolling') : t('admin.rosters.step3.enrol')}
            </button>
          </div>
        </form>
      )}
      {/* Present before the result arrives, so screen readers announce it. */}
      <div role="status" aria-live="polite">
        {enrol.data ? (
          <Alert tone="success" role="none">
            <p>
              {t('admin.rosters.step3.enrolled', {
                enrolled: enrol.data.enrolled,
                alreadyEnrolled: enrol.data.alreadyEnrolled,
              })}
              {enrol.data.skipped > 0
                ? ` ${t('admin.rosters.step3.skipped', { count: enrol.data.skipped })}`
                : null}
            </p>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}

/** The template, generated by the API: fetched with the session (a plain link would carry none). */
function TemplateDownloads() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<RosterTemplateFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: RosterTemplateFormat) {
    setPending(format);
    setError(null);
    try {
      saveBlob(await fetchRosterTemplate(format), `${TEMPLATE_NAME}.${format}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <p className="roster-templates">
        {(['xlsx', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary button--small roster-download"
            aria-disabled={pending ? true : undefined}
            onClick={() => {
              if (!pending) void download(format);
            }}
          >
            <span aria-hidden="true">↓</span>{' '}
            {pending === format
              ? t('admin.rosters.downloading')
              : t(`admin.rosters.step1.template.${format}`)}
          </button>
        ))}
      </p>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </>
  );
}
