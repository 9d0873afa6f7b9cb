import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../../shared/courses/use-localized';
import type { StudioQuestion } from '../../api/studio-api';
import { useDeleteQuestion } from '../../hooks/use-studio';
import { ConfirmAction } from '../ConfirmAction';
import { LearnerPreview } from './LearnerPreview';
import { authorQuestion } from './question-form';
import { QuestionImage } from './QuestionImage';

interface QuestionCardProps {
  question: StudioQuestion;
  courseId: string;
  /** Open in the editor above: the card says so. */
  editing: boolean;
  onEdit: (question: StudioQuestion, openerId: string) => void;
  onDeleted: () => void;
}

/**
 * One question of the bank: type, text (with a small picture when it has one), tags, options; edit,
 * preview as a learner, delete.
 */
export function QuestionCard({ question, courseId, editing, onEdit, onDeleted }: QuestionCardProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const remove = useDeleteQuestion(courseId);
  const [previewing, setPreviewing] = useState(false);
  const text = localized.pick(question.text);
  const editId = `question-${question.id}-edit`;
  const previewId = `question-${question.id}-preview`;
  const context = excerpt(text.text);
  const image = question.image?.key ? { key: question.image.key, alt: question.image.alt ?? {} } : null;

  return (
    <li className={`question-card${editing ? ' question-card--editing' : ''}`}>
      <p className="question-card__meta">
        <span className={`badge question-type question-type--${question.type}`}>
          {t(`studio.questions.types.${question.type}`)}
        </span>
        {question.options ? (
          <span className="muted">
            {t('studio.questions.optionCount', { count: question.options.length })}
          </span>
        ) : null}
        {question.type === 'short_text' && question.acceptedAnswers ? (
          <span className="muted">
            {t('studio.questions.answerCount', { count: question.acceptedAnswers.length })}
          </span>
        ) : null}
        {editing ? <span className="badge badge--changes">{t('studio.questions.editingNow')}</span> : null}
      </p>
      <div className="question-card__body">
        <p className="question-card__text" lang={text.lang}>
          {text.text}
        </p>
        {image ? <QuestionImage image={image} className="question-card__image" /> : null}
      </div>
      {question.tags.length > 0 ? (
        <ul className="tag-list" aria-label={t('studio.questions.tagsLabel')}>
          {question.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted question-card__no-tags">{t('studio.questions.noTags')}</p>
      )}
      <div className="outline-actions">
        <button
          id={editId}
          type="button"
          className="button button--secondary button--small"
          onClick={() => onEdit(question, editId)}
        >
          {t('studio.questions.edit')}
          <span className="visually-hidden"> {context}</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={previewing}
          aria-controls={previewing ? previewId : undefined}
          onClick={() => setPreviewing((open) => !open)}
        >
          {t('studio.questions.preview')}
          <span className="visually-hidden"> {context}</span>
        </button>
        <ConfirmAction
          label={t('studio.questions.delete')}
          context={context}
          question={t('studio.questions.deleteQuestion', { text: context })}
          confirmLabel={t('studio.questions.delete')}
          pendingLabel={t('studio.questions.deleting')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={remove.reset}
          onConfirm={() => remove.mutate(question.id, { onSuccess: onDeleted })}
        />
      </div>
      {previewing ? (
        <div id={previewId}>
          <LearnerPreview question={authorQuestion(question)} />
        </div>
      ) : null}
    </li>
  );
}

/** The start of a question, to tell apart the many "Sửa" and "Xoá" buttons when read out. */
function excerpt(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 12 ? `“${words.slice(0, 12).join(' ')}…”` : `“${text}”`;
}
