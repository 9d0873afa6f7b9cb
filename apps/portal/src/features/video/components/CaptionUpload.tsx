import '../video.css';

import type { i18n as I18n, TFunction } from 'i18next';
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-messages';
import { FieldMessages } from '../../../shared/forms/FieldParts';
import { Alert } from '../../../shared/ui/Alert';
import { checkCaptionFileSize, looksLikeWebVtt } from '../file-checks';

export interface CaptionLanguage {
  code: string;
  name: string;
}

export interface ExistingCaption {
  language: string;
  cueCount?: number;
  /** Where the file can be opened, when known. */
  url?: string;
}

export interface CaptionUploadProps {
  /** The languages captions may be written in. */
  languages: CaptionLanguage[];
  /** Captions the video has already. */
  captions: ExistingCaption[];
  /** Saves a language's captions (replacing any); throws to report a failure. */
  onSubmit: (language: string, text: string) => Promise<void>;
  onDelete: (language: string) => Promise<void> | void;
  /** A failure the caller reports itself (e.g. the captions could not be listed). */
  error?: string | null;
}

/**
 * Captions of a lesson video: the list of those it has, each with a delete button, and a form to add
 * or replace one language's WebVTT file. The file is read here and sent as text (1 MB at most).
 */
export function CaptionUpload({ languages, captions, onSubmit, onDelete, error }: CaptionUploadProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const languageId = `${id}-language`;
  const fileId = `${id}-file`;
  const listLabelId = `${id}-existing`;
  const [language, setLanguage] = useState(
    () =>
      (languages.find((option) => !captions.some((c) => c.language === option.code)) ?? languages[0])?.code ??
      '',
  );
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const fileInputRef = useRef<HTMLInputElement>(null);
  const listLabelRef = useRef<HTMLParagraphElement>(null);

  const nameOf = (code: string) => languages.find((option) => option.code === code)?.name ?? code;
  const replacing = captions.some((caption) => caption.language === language);

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(undefined);
    setSubmitError(null);
  }

  /** The file's text, or why it cannot be used. */
  async function readCaptionFile(chosen: File): Promise<{ text: string } | { problem: string }> {
    switch (checkCaptionFileSize(chosen)) {
      case 'empty':
        return { problem: t('video.captions.errors.empty') };
      case 'tooLarge':
        return { problem: t('video.captions.errors.tooLarge') };
      default:
        break;
    }
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      return { problem: t('video.captions.errors.unreadable') };
    }
    return looksLikeWebVtt(text) ? { text } : { problem: t('video.captions.errors.notVtt') };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || languages.length === 0) return;
    setStatus('');
    setSubmitError(null);
    if (!file) {
      setFileError(t('video.captions.errors.noFile'));
      fileInputRef.current?.focus();
      return;
    }
    setPending(true);
    const read = await readCaptionFile(file);
    if ('problem' in read) {
      setPending(false);
      setFileError(read.problem);
      fileInputRef.current?.focus();
      return;
    }
    try {
      await onSubmit(language, read.text);
      setStatus(t('video.captions.saved', { language: nameOf(language) }));
      setFile(null);
      if (fileInputRef.current) fileInputRef.current.value = '';
    } catch (failure) {
      setSubmitError(failureMessage(t, i18n, failure));
    } finally {
      setPending(false);
    }
  }

  async function remove(code: string) {
    if (deleting !== null) return;
    setStatus('');
    setSubmitError(null);
    setDeleting(code);
    try {
      await onDelete(code);
      setStatus(t('video.captions.deleted', { language: nameOf(code) }));
      // The button pressed is gone with its row: keep the keyboard in the list.
      listLabelRef.current?.focus();
    } catch (failure) {
      setSubmitError(failureMessage(t, i18n, failure));
    } finally {
      setDeleting(null);
    }
  }

  return (
    <div className="caption-upload">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="field__label" id={listLabelId} ref={listLabelRef} tabIndex={-1}>
        {t('video.captions.existing')}
      </p>
      {captions.length === 0 ? (
        <p className="muted">{t('video.captions.none')}</p>
      ) : (
        <ul className="caption-list" aria-labelledby={listLabelId}>
          {captions.map((caption) => (
            <li className="caption-list__item" key={caption.language}>
              <span>
                <span className="caption-list__name">{nameOf(caption.language)}</span>
                {caption.cueCount !== undefined ? (
                  <span className="muted">
                    {' '}
                    · {t('video.captions.cueCount', { count: caption.cueCount })}
                  </span>
                ) : null}
              </span>
              <span className="caption-list__actions">
                {caption.url ? (
                  <a href={caption.url} target="_blank" rel="noreferrer">
                    {t('video.captions.view')}
                    <span className="visually-hidden">
                      {' '}
                      {t('video.captions.itemContext', { language: nameOf(caption.language) })}
                    </span>
                  </a>
                ) : null}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-disabled={deleting !== null ? true : undefined}
                  onClick={() => void remove(caption.language)}
                >
                  {deleting === caption.language ? t('common.deleting') : t('common.delete')}
                  <span className="visually-hidden">
                    {' '}
                    {t('video.captions.itemContext', { language: nameOf(caption.language) })}
                  </span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor={languageId}>
            {t('video.captions.language')}
          </label>
          {replacing ? (
            <p className="field__hint" id={`${languageId}-hint`}>
              {t('video.captions.replaces', { language: nameOf(language) })}
            </p>
          ) : null}
          <select
            id={languageId}
            name="language"
            className="input select"
            value={language}
            aria-describedby={replacing ? `${languageId}-hint` : undefined}
            onChange={(event) => setLanguage(event.target.value)}
          >
            {languages.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${fileError ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={fileId}>
            {t('video.captions.file')}
          </label>
          <FieldMessages id={fileId} hint={t('video.captions.fileHint')} error={fileError} />
          <input
            ref={fileInputRef}
            id={fileId}
            name="captions"
            type="file"
            accept=".vtt,text/vtt"
            className="input video-upload__file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            onChange={chooseFile}
          />
        </div>
        {submitError ? <Alert tone="error">{submitError}</Alert> : null}
        <div className="actions">
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
          <button
            type="submit"
            className="button"
            aria-disabled={pending || languages.length === 0 ? true : undefined}
          >
            {pending ? t('video.captions.submitting') : t('video.captions.submit')}
          </button>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}

/** An API error by its code when the catalogue knows it, else the error's own words, else a generic line. */
function failureMessage(t: TFunction, i18n: I18n, failure: unknown): string {
  if (isApiError(failure) && i18n.exists(`errors.${failure.code}`)) return errorMessage(t, failure);
  if (failure instanceof Error && failure.message) return failure.message;
  return t('video.captions.errors.failed');
}
