import { type AuthorQuestion, type LearnerQuestion, toLearnerView } from '@hocvu/assessment';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../../shared/courses/use-localized';
import { QuestionImage } from './QuestionImage';

/**
 * A question as a learner gets it, made by the same `toLearnerView` the API uses: no answer, no
 * explanation, no tags, ordering items shuffled. Shown, not answerable: the quiz screen is the learner's.
 */
export function LearnerPreview({ question }: { question: AuthorQuestion }) {
  const { t } = useTranslation();
  const titleId = useId();
  const view = useMemo<LearnerQuestion>(() => toLearnerView(question), [question]);

  return (
    <section className="learner-preview" aria-labelledby={titleId}>
      <h3 id={titleId} className="learner-preview__title">
        {t('studio.questions.previewTitle')}
      </h3>
      <LearnerQuestionView view={view} />
      <p className="field__hint learner-preview__note">{t('studio.questions.previewNote')}</p>
    </section>
  );
}

function LearnerQuestionView({ view }: { view: LearnerQuestion }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const text = localized.pick(view.text);

  const body = (() => {
    switch (view.type) {
      case 'single_choice':
      case 'multiple_choice':
        return (
          <>
            <p className="field__hint">
              {view.type === 'single_choice'
                ? t('studio.questions.previewSingle')
                : t('studio.questions.previewMultiple')}
            </p>
            <ul className="learner-preview__options">
              {view.options.map((option) => {
                const label = localized.pick(option.text);
                return (
                  <li key={option.id} className="learner-preview__option">
                    <span
                      className={`learner-preview__mark learner-preview__mark--${view.type === 'single_choice' ? 'radio' : 'checkbox'}`}
                      aria-hidden="true"
                    />
                    <span lang={label.lang}>{label.text}</span>
                  </li>
                );
              })}
            </ul>
          </>
        );
      case 'true_false':
        return (
          <ul className="learner-preview__options">
            {[t('studio.questions.true'), t('studio.questions.false')].map((label) => (
              <li key={label} className="learner-preview__option">
                <span className="learner-preview__mark learner-preview__mark--radio" aria-hidden="true" />
                {label}
              </li>
            ))}
          </ul>
        );
      case 'ordering':
        return (
          <>
            <p className="field__hint">{t('studio.questions.previewOrdering')}</p>
            <ol className="learner-preview__options learner-preview__options--ordered">
              {view.options.map((option) => {
                const label = localized.pick(option.text);
                return (
                  <li key={option.id} className="learner-preview__option" lang={label.lang}>
                    {label.text}
                  </li>
                );
              })}
            </ol>
          </>
        );
      case 'short_text':
        return (
          <>
            <p className="field__hint">{t('studio.questions.previewShortText', { max: view.maxLength })}</p>
            <div className="learner-preview__answer-box" aria-hidden="true" />
            {view.diacriticInsensitive ? (
              <p className="field__hint">{t('studio.questions.previewNoDiacritics')}</p>
            ) : null}
          </>
        );
    }
  })();

  return (
    <div className="learner-preview__frame">
      <p className="learner-preview__question" lang={text.lang}>
        {text.text}
      </p>
      {/* Where the quiz puts it: under the question, above how to answer. */}
      {view.image ? <QuestionImage image={view.image} className="learner-preview__image" /> : null}
      {body}
    </div>
  );
}
