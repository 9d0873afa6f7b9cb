import { COVER_MAX_SIDE, COVER_MIN_HEIGHT, COVER_MIN_WIDTH } from '@hocvu/contracts';
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { CourseCover } from '../../../shared/courses/CourseCover';
import { FieldMessages } from '../../../shared/forms/FieldParts';
import { Alert } from '../../../shared/ui/Alert';
import type { StudioCourse } from '../api/studio-api';
import { useRemoveCover, useSetCover } from '../hooks/use-studio';
import { ConfirmAction } from './ConfirmAction';
import {
  checkCoverDimensions,
  checkCoverFile,
  COVER_ACCEPT,
  megabytesRoundedUp,
  readFileAsBase64,
  readImageSize,
} from './cover-file';

/**
 * The course's cover image: what it is now, a file input to upload another and a button to remove it.
 * The file is checked here first (type, size, pixels) so a wrong one is refused before it crosses a
 * slow line, then sent in base64. The catalogue shows the cover of the published version, so a change
 * reaches learners when the course is published again.
 */
export function CoverImagePanel({ course }: { course: StudioCourse }) {
  const { t, i18n } = useTranslation();
  const upload = useSetCover(course.id);
  const remove = useRemoveCover(course.id);
  const fileId = `${useId()}-cover`;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [status, setStatus] = useState('');
  const fileInputRef = useRef<HTMLInputElement>(null);
  const currentRef = useRef<HTMLParagraphElement>(null);
  const pending = reading || upload.isPending;
  const publishedBefore = course.publishedVersion !== null;

  function clearMessages() {
    setStatus('');
    setFileError(undefined);
    upload.reset();
    remove.reset();
  }

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.target.files?.[0] ?? null);
    clearMessages();
  }

  function refuse(message: string) {
    setFileError(message);
    fileInputRef.current?.focus();
  }

  /** The file in base64, or why it cannot be a cover. */
  async function readCover(chosen: File): Promise<{ image: string } | { problem: string }> {
    switch (checkCoverFile(chosen)) {
      case 'notImage':
        return { problem: t('studio.cover.errors.notImage') };
      case 'empty':
        return { problem: t('studio.cover.errors.empty') };
      case 'tooLarge': {
        const size = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
          maximumFractionDigits: 2,
        }).format(megabytesRoundedUp(chosen.size));
        return { problem: t('studio.cover.errors.tooLarge', { size }) };
      }
      default:
        break;
    }
    try {
      const { width, height } = await readImageSize(chosen);
      switch (checkCoverDimensions({ width, height })) {
        case 'tooSmall':
          return {
            problem: t('studio.cover.errors.tooSmall', {
              width,
              height,
              minWidth: COVER_MIN_WIDTH,
              minHeight: COVER_MIN_HEIGHT,
            }),
          };
        case 'tooManyPixels':
          return {
            problem: t('studio.cover.errors.tooManyPixels', { width, height, maxSide: COVER_MAX_SIDE }),
          };
        default:
          break;
      }
      return { image: await readFileAsBase64(chosen) };
    } catch {
      return { problem: t('studio.cover.errors.unreadable') };
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    clearMessages();
    if (!file) {
      refuse(t('studio.cover.errors.noFile'));
      return;
    }
    setReading(true);
    const read = await readCover(file);
    setReading(false);
    if ('problem' in read) {
      refuse(read.problem);
      return;
    }
    upload.mutate(read.image, {
      onSuccess: () => {
        setStatus(publishedBefore ? t('studio.cover.savedPublishAgain') : t('studio.cover.saved'));
        setFile(null);
        if (fileInputRef.current) fileInputRef.current.value = '';
      },
    });
  }

  return (
    <div className="cover-panel">
      <p className="field__label" ref={currentRef} tabIndex={-1}>
        {t('studio.cover.current')}
      </p>
      <CourseCover
        url={course.coverUrl}
        seed={course.id}
        alt={t('studio.cover.previewAlt')}
        className="cover-panel__preview"
        placeholder={t('studio.cover.none')}
      />
      {course.coverUrl ? (
        <div className="cover-panel__remove">
          <ConfirmAction
            label={t('studio.cover.remove')}
            question={t('studio.cover.removeQuestion')}
            confirmLabel={t('studio.cover.remove')}
            pendingLabel={t('studio.cover.removing')}
            pending={remove.isPending}
            error={remove.error}
            onCancel={remove.reset}
            onConfirm={() => {
              clearMessages();
              remove.mutate(undefined, {
                onSuccess: () => {
                  setStatus(
                    publishedBefore ? t('studio.cover.removedPublishAgain') : t('studio.cover.removed'),
                  );
                  // The button pressed is gone with the cover: keep the keyboard at the preview.
                  currentRef.current?.focus();
                },
              });
            }}
          />
        </div>
      ) : null}
      <p className="field__hint cover-panel__hint">{t('studio.cover.catalogueHint')}</p>

      {/* A live region that stays in the page, so what changes in it is read out. */}
      <div role="status" className="cover-panel__status">
        {status ? (
          <Alert tone="success" role="none">
            <p>{status}</p>
            {publishedBefore ? (
              <p>
                <a href="#status-title">{t('studio.cover.goToPublish')}</a>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className={`field${fileError ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={fileId}>
            {t('studio.cover.file')}
          </label>
          <FieldMessages id={fileId} hint={t('studio.cover.fileHint')} error={fileError} />
          <input
            ref={fileInputRef}
            id={fileId}
            name="cover"
            type="file"
            accept={COVER_ACCEPT}
            className="input cover-panel__file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            onChange={chooseFile}
          />
        </div>
        {upload.error ? <Alert tone="error">{errorMessage(t, upload.error)}</Alert> : null}
        <div className="actions">
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
          <button type="submit" className="button" aria-disabled={pending ? true : undefined}>
            {pending ? t('studio.cover.submitting') : t('studio.cover.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
