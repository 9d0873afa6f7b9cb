import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../../shared/api/error-messages';
import type { ContentLanguage } from '../../../../shared/courses/use-content-languages';
import { describedBy } from '../../../../shared/forms/field-ids';
import { FieldErrorText, FieldLabelText } from '../../../../shared/forms/FieldParts';
import { useUploadQuestionImage } from '../../hooks/use-studio';
import { type CheckedImageProblem, IMAGE_ACCEPT, megabytesRoundedUp, readCheckedImage } from '../cover-file';
import { LocalizedTextFields } from '../LocalizedTextFields';
import { editorIds } from './editor-fields';
import type { QuestionImageDraft } from './question-form';
import { QUESTION_IMAGE_RULES } from './question-image';
import { QuestionImage } from './QuestionImage';

interface QuestionImageFieldProps {
  courseId: string;
  image: QuestionImageDraft | null;
  /** Gets the image as it is when the change lands (an upload ends after the teacher typed on). */
  onChange: (update: (current: QuestionImageDraft | null) => QuestionImageDraft | null) => void;
  languages: readonly ContentLanguage[];
  /** The image itself is wrong (not uploaded, or still uploading when saved). */
  error: string | undefined;
  /** Its description is missing or too long. */
  altError: string | undefined;
  /** Whether an image is being read or uploaded: the question is not saved meanwhile. */
  onBusyChange: (busy: boolean) => void;
}

/**
 * The question's optional picture. Choosing a file checks it here (type, size, pixels) and uploads it
 * at once, so the teacher sees the picture while writing its description; the question carries the
 * uploaded key when it is saved. The file input stays in place through the upload and the removal, so
 * the keyboard is never lost; what happened is said in a status line under it.
 */
export function QuestionImageField({
  courseId,
  image,
  onChange,
  languages,
  error,
  altError,
  onBusyChange,
}: QuestionImageFieldProps) {
  const { t, i18n } = useTranslation();
  const upload = useUploadQuestionImage(courseId);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const fileInputRef = useRef<HTMLInputElement>(null);
  // Only the latest choice counts: a file chosen while another uploads replaces it.
  const latestChoice = useRef(0);
  const busy = reading || upload.isPending;
  const shownError = fileError ?? error;

  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  function problemText(found: CheckedImageProblem): string {
    switch (found.problem) {
      case 'tooLarge': {
        const size = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
          maximumFractionDigits: 2,
        }).format(megabytesRoundedUp(found.size));
        return t('studio.questions.image.errors.tooLarge', { size });
      }
      case 'tooSmall':
        return t('studio.questions.image.errors.tooSmall', {
          width: found.width,
          height: found.height,
          min: QUESTION_IMAGE_RULES.minWidth,
        });
      case 'tooManyPixels':
        return t('studio.questions.image.errors.tooManyPixels', {
          width: found.width,
          height: found.height,
          maxSide: QUESTION_IMAGE_RULES.maxSide,
        });
      default:
        return t(`studio.questions.image.errors.${found.problem}`);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const choice = ++latestChoice.current;
    setFileError(undefined);
    setStatus('');
    upload.reset();
    setReading(true);
    const read = await readCheckedImage(file, QUESTION_IMAGE_RULES);
    if (choice !== latestChoice.current) return;
    setReading(false);
    if ('problem' in read) {
      setFileError(problemText(read));
      return;
    }
    upload.mutate(read.image, {
      onSuccess: ({ key }) => {
        if (choice !== latestChoice.current) return;
        // A new picture keeps the description typed so far: it sits right below, to be checked.
        onChange((current) => ({ key, alt: current?.alt ?? { vi: '' } }));
        setStatus(t('studio.questions.image.uploaded'));
        // The same file chosen again (after a removal) must fire `change` again.
        if (fileInputRef.current) fileInputRef.current.value = '';
      },
      onError: (failure) => {
        if (choice === latestChoice.current) setFileError(errorMessage(t, failure));
      },
    });
  }

  function remove() {
    latestChoice.current += 1;
    setReading(false);
    upload.reset();
    setFileError(undefined);
    onChange(() => null);
    setStatus(t('studio.questions.image.removed'));
    if (fileInputRef.current) fileInputRef.current.value = '';
    // The button goes with the picture: keep the keyboard in the section, on the file input.
    fileInputRef.current?.focus();
  }

  return (
    <fieldset
      id={editorIds.image}
      className="field fieldset question-image"
      aria-busy={busy ? true : undefined}
    >
      <legend className="field__label">
        <FieldLabelText label={t('studio.questions.image.legend')} optional />
      </legend>
      <p className="field__hint" id={`${editorIds.image}-hint`}>
        {t('studio.questions.image.hint')}
      </p>
      <div className={`question-image__file${shownError ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={editorIds.imageFile}>
          {image ? t('studio.questions.image.replace') : t('studio.questions.image.choose')}
        </label>
        {shownError ? <FieldErrorText id={editorIds.imageFile} message={shownError} /> : null}
        <input
          ref={fileInputRef}
          id={editorIds.imageFile}
          name="questionImage"
          type="file"
          accept={IMAGE_ACCEPT}
          className="input question-image__input"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(editorIds.imageFile, {
            extra: `${editorIds.image}-hint`,
            error: Boolean(shownError),
          })}
          onChange={(event) => void choose(event)}
        />
      </div>
      {/* Stays in the page, so what changes in it is read out. */}
      <p role="status" className="question-image__status">
        {busy ? (
          <>
            <span className="spinner question-image__spinner" aria-hidden="true" />
            {t('studio.questions.image.uploading')}
          </>
        ) : (
          status
        )}
      </p>
      {image ? (
        <div className="question-image__current">
          <QuestionImage image={image} className="question-image__preview" />
          <LocalizedTextFields
            id={editorIds.imageAlt}
            label={t('studio.questions.image.alt')}
            hint={t('studio.questions.image.altHint')}
            value={image.alt}
            onValueChange={(alt) => onChange((current) => (current ? { ...current, alt } : current))}
            languages={languages}
            error={altError}
            rows={2}
          />
          <button type="button" className="button button--secondary button--small" onClick={remove}>
            {t('studio.questions.image.remove')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
