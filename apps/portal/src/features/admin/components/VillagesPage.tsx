import { ErrorCode, Role } from '@hocvu/contracts';
import { type ChangeEvent, type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAuth } from '../../../app/auth/auth-context';
import { CommuneSelect } from '../../../shared/admin-units/CommuneSelect';
import { useCommunes } from '../../../shared/admin-units/use-communes';
import { useVillages } from '../../../shared/admin-units/use-villages';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatNumber } from '../../../shared/format';
import { TextAreaField } from '../../../shared/forms';
import { readFileAsBase64 } from '../../../shared/save-file';
import { SPREADSHEET_ACCEPT } from '../../../shared/spreadsheet-file';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import type { VillageList, VillagePreview, VillageProblem } from '../api/villages-api';
import { useVillageImport, useVillagePreview } from '../hooks/use-villages-import';
import { decodeRosterCsv } from '../rosters';
import { checkVillageFile, isVillageProblemCode, type VillageFileProblem } from '../villages';
import { AdminNav } from './AdminNav';

const FILE_INPUT_ID = 'village-file';

/** The chosen file as the API takes it, or why it cannot be sent. */
async function readVillageFile(file: File): Promise<VillageList | { problem: VillageFileProblem }> {
  const checked = checkVillageFile(file);
  if ('problem' in checked) return checked;
  try {
    if (checked.kind === 'xlsx') return { xlsx: await readFileAsBase64(file) };
    const decoded = decodeRosterCsv(await file.arrayBuffer());
    return 'problem' in decoded ? decoded : { text: decoded.text };
  } catch {
    return { problem: 'unreadable' };
  }
}

/**
 * /admin/villages — "Thôn, bản": a commune's villages (thôn, bản, tổ dân phố), listed, and added from a
 * pasted list or a CSV/XLSX file after a dry run. Existing villages are kept; none is ever deleted.
 * A commune admin works on their own commune; a province admin picks one.
 */
export function VillagesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const ownCommune = user?.role === Role.CommuneAdmin ? user.communeId : null;
  const [picked, setPicked] = useState('');
  const communeId = ownCommune ?? picked;
  const communes = useCommunes();
  const communeName =
    (communes.data ?? []).find((unit) => unit.id === communeId)?.name ?? user?.commune?.name ?? '';

  return (
    <Page title={t('admin.sections.villages.title')} lead={t('admin.villages.lead')}>
      <AdminNav />
      {ownCommune ? (
        <p>{t('admin.villages.ownCommune', { commune: communeName })}</p>
      ) : (
        <div className="filters">
          <CommuneSelect id="village-commune" value={picked} onValueChange={setPicked} optional={false} />
        </div>
      )}
      {communeId ? (
        // Keyed by commune: a preview of one commune's list never carries over to another.
        <CommuneVillages key={communeId} communeId={communeId} communeName={communeName} />
      ) : (
        <p className="muted">{t('admin.villages.pickCommune')}</p>
      )}
    </Page>
  );
}

function CommuneVillages({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const villages = useVillages(communeId);
  const preview = useVillagePreview();
  const importing = useVillageImport();
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; list: VillageList } | null>(null);
  const [fileProblem, setFileProblem] = useState<VillageFileProblem | null>(null);
  const [emptyProblem, setEmptyProblem] = useState(false);
  const [sent, setSent] = useState<VillageList | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview.data || importing.data) resultRef.current?.focus();
  }, [preview.data, importing.data]);

  const onFileChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    preview.reset();
    importing.reset();
    setFile(null);
    setFileProblem(null);
    if (!chosen) return;
    const read = await readVillageFile(chosen);
    if ('problem' in read) setFileProblem(read.problem);
    else setFile({ name: chosen.name, list: read });
  };

  const onCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    importing.reset();
    // A chosen file wins over pasted text.
    const list: VillageList | null = file ? file.list : text.trim() ? { text } : null;
    setEmptyProblem(list === null && !fileProblem);
    if (!list) {
      document.getElementById('village-text')?.focus();
      return;
    }
    setSent(list);
    preview.mutate({ communeId, list });
  };

  const onImport = () => {
    if (!sent || importing.isPending) return;
    importing.mutate(
      { communeId, list: sent },
      {
        onSuccess: () => {
          preview.reset();
          setText('');
          setFile(null);
          if (fileInputRef.current) fileInputRef.current.value = '';
        },
      },
    );
  };

  return (
    <>
      <section className="roster-step" aria-labelledby="villages-list-title">
        <h2 id="villages-list-title" className="roster-step__title">
          {t('admin.villages.listTitle', { commune: communeName })}
        </h2>
        {villages.error ? (
          <LoadFailedAlert error={villages.error} onRetry={() => void villages.refetch()} />
        ) : null}
        {villages.isPending ? <Loading /> : null}
        {villages.data && villages.data.length === 0 ? <p>{t('admin.villages.empty')}</p> : null}
        {villages.data && villages.data.length > 0 ? (
          <>
            <p aria-live="polite">{t('admin.villages.count', { total: villages.data.length })}</p>
            <ScrollTable labelledBy="villages-list-title">
              <thead>
                <tr>
                  <th scope="col">{t('admin.villages.columns.name')}</th>
                  <th scope="col">{t('admin.villages.columns.code')}</th>
                  <th scope="col" className="num">
                    {t('admin.villages.columns.population')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {villages.data.map((village) => (
                  <tr key={village.id}>
                    <th scope="row">{village.name}</th>
                    <td>{village.code}</td>
                    <td className="num">{formatNumber(village.population, language)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </>
        ) : null}
      </section>

      <section className="roster-step" aria-labelledby="villages-import-title">
        <h2 id="villages-import-title" className="roster-step__title">
          {t('admin.villages.importTitle')}
        </h2>
        <p>{t('admin.villages.importLead')}</p>
        <p className="muted">{t('admin.villages.keepNote')}</p>
        <form className="form" noValidate onSubmit={onCheck}>
          <TextAreaField
            id="village-text"
            label={t('admin.villages.text')}
            hint={t('admin.villages.textHint')}
            value={text}
            onValueChange={(value) => {
              setText(value);
              setEmptyProblem(false);
              preview.reset();
            }}
            error={emptyProblem ? t('admin.villages.emptyList') : undefined}
            rows={6}
            optional
          />
          <div className={`field${fileProblem ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={FILE_INPUT_ID}>
              {t('admin.villages.file')}
            </label>
            {fileProblem ? (
              <p className="field__error" id={`${FILE_INPUT_ID}-error`}>
                <span className="visually-hidden">{t('common.errorPrefix')} </span>
                {t(`admin.villages.fileProblems.${fileProblem}`)}
              </p>
            ) : null}
            <div className="file-picker">
              <input
                ref={fileInputRef}
                id={FILE_INPUT_ID}
                name="village-file"
                type="file"
                accept={SPREADSHEET_ACCEPT}
                className="file-picker__input"
                aria-invalid={fileProblem ? true : undefined}
                aria-describedby={fileProblem ? `${FILE_INPUT_ID}-error` : undefined}
                onChange={(event) => void onFileChange(event)}
              />
              <span className="button button--secondary file-picker__button" aria-hidden="true">
                {t('admin.rosters.step1.choose')}
              </span>
              <span className="file-picker__name" aria-hidden="true">
                {file?.name ?? t('admin.rosters.step1.noFile')}
              </span>
            </div>
          </div>
          {preview.error ? <ListError error={preview.error} /> : null}
          <div className="actions">
            <button type="submit" className="button" aria-disabled={preview.isPending ? true : undefined}>
              {preview.isPending ? t('admin.villages.checking') : t('admin.villages.check')}
            </button>
          </div>
        </form>
      </section>

      {preview.data ? (
        <PreviewResult
          preview={preview.data}
          headingRef={resultRef}
          importing={importing.isPending}
          importError={importing.error}
          onImport={onImport}
        />
      ) : null}
      {importing.data ? (
        <section className="roster-step" aria-labelledby="villages-done-title">
          <h2 id="villages-done-title" ref={resultRef} tabIndex={-1} className="roster-step__title">
            {t('admin.villages.doneTitle')}
          </h2>
          <Alert tone="success">
            {t('admin.villages.imported', {
              added: importing.data.added,
              existing: importing.data.existing,
            })}
          </Alert>
        </section>
      ) : null}
    </>
  );
}

function PreviewResult({
  preview,
  headingRef,
  importing,
  importError,
  onImport,
}: {
  preview: VillagePreview;
  headingRef: RefObject<HTMLHeadingElement | null>;
  importing: boolean;
  importError: unknown;
  onImport: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const problems = preview.problems;
  return (
    <section className="roster-step" aria-labelledby="villages-preview-title">
      <h2 id="villages-preview-title" ref={headingRef} tabIndex={-1} className="roster-step__title">
        {t('admin.villages.previewTitle')}
      </h2>
      <p>{t('admin.villages.previewSummary', { added: preview.added, existing: preview.existing })}</p>
      {problems.length > 0 ? (
        <Alert tone="error" title={t('admin.villages.problemsTitle', { total: problems.length })}>
          <ul className="roster-issues">
            {problems.map((problem, index) => (
              <li key={`${problem.line}-${problem.code}-${index}`}>
                <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {preview.lines.length > 0 ? (
        <ScrollTable labelledBy="villages-preview-title">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('admin.villages.columns.line')}
              </th>
              <th scope="col">{t('admin.villages.columns.name')}</th>
              <th scope="col" className="num">
                {t('admin.villages.columns.population')}
              </th>
              <th scope="col">{t('admin.villages.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.lines.map((line) => (
              <tr key={line.line}>
                <td className="num">{line.line}</td>
                <th scope="row">{line.name}</th>
                <td className="num">{formatNumber(line.population, language)}</td>
                <td>{t(`admin.villages.status.${line.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      {importError ? <ListError error={importError} /> : null}
      {problems.length === 0 ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={onImport}
            aria-disabled={importing ? true : undefined}
          >
            {importing ? t('admin.villages.importing') : t('admin.villages.import', { total: preview.added })}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function ProblemText({ problem }: { problem: VillageProblem }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t('admin.villages.line', { line: problem.line })}: </strong>
      {isVillageProblemCode(problem.code) ? t(`admin.villages.problems.${problem.code}`) : problem.message}
      {problem.value ? (
        <span className="roster-issue__value"> {t('admin.rosters.cellValue', { value: problem.value })}</span>
      ) : null}
    </>
  );
}

function ListError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === ErrorCode.ImportInvalid) {
    return <Alert tone="error">{t('admin.villages.unreadable')}</Alert>;
  }
  return <Alert tone="error">{errorMessage(t, error)}</Alert>;
}
