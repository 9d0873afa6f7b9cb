import {
  ErrorCode,
  QUIZ_MAX_ATTEMPTS,
  QUIZ_MAX_COOLDOWN_MINUTES,
  QUIZ_MAX_TIME_LIMIT_MINUTES,
  QuizFeedback,
} from '@hocvu/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  CheckboxField,
  FormShell,
  RadioGroupField,
  type RadioOption,
  TextField,
  useFormProblems,
  useFormValues,
} from '../../../../shared/forms';
import { Alert } from '../../../../shared/ui/Alert';
import type { QuestionBank } from '../../api/quiz-api';
import type { StudioLesson } from '../../api/studio-api';
import { useSaveQuiz } from '../../hooks/use-quiz';
import { PoolsEditor } from './PoolsEditor';
import {
  checkQuizValues,
  formPools,
  quizBody,
  type QuizFormValues,
  quizFormValues,
  quizReadiness,
  tagCounts,
} from './quiz-form';
import { QUIZ_FIELD_IDS, quizFieldMessage, quizSummary, readinessMessage } from './quiz-messages';

/** The error summary is built here (quizSummary): the form's own words, not the generic ones. */
const NO_FIELDS: never[] = [];
/** QUIZ_SETTINGS_INVALID (more than 100 questions in all) is about the pools. */
const FIELD_CODES = { [ErrorCode.QuizSettingsInvalid]: 'pools' };
const NUMBER_INPUT = {
  type: 'text',
  inputMode: 'numeric',
  pattern: '[0-9]*',
  autoComplete: 'off',
  className: 'input--short',
} as const;
const digits = (value: string) => value.replace(/\D/g, '');

/** A quiz lesson's settings: pools, order, time, attempts, passing score, feedback, final exam. */
export function QuizSettingsForm({
  lesson,
  bank,
  bankFailed,
}: {
  lesson: StudioLesson;
  bank: QuestionBank | undefined;
  bankFailed: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveQuiz(lesson.id);
  const form = useFormProblems(NO_FIELDS, FIELD_CODES);
  const [values, edit] = useFormValues<QuizFormValues>(
    quizFormValues(lesson.quiz, lesson.finalExam ?? false),
    form.clear,
    { timeLimit: ['timeLimitMinutes'], attempts: ['attemptsAllowed'] },
  );
  const [saved, setSaved] = useState(false);

  const counts = useMemo(() => (bank ? tagCounts(bank.items) : null), [bank]);
  const sharedWarning = useMemo(() => {
    if (!bank) return null;
    const readiness = quizReadiness(formPools(values), bank.items);
    return readiness.kind === 'shared' ? readinessMessage(t, readiness) : null;
  }, [bank, values, t]);

  const errorFor = (field: string) => {
    const rules = form.problems[field];
    return rules ? quizFieldMessage(t, field, rules, values) : undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    if (form.show(checkQuizValues(values))) return;
    save.mutate(quizBody(values), {
      onError: (error) => form.showApiError(error),
      onSuccess: () => setSaved(true),
    });
  };

  const feedbackOptions: RadioOption<QuizFeedback>[] = Object.values(QuizFeedback).map((feedback) => ({
    value: feedback,
    label: (
      <>
        <span className="choice__title">{t(`studioQuiz.feedback.${feedback}`)}</span>
        <span className="choice__hint">{t(`studioQuiz.feedback.${feedback}Hint`)}</span>
      </>
    ),
  }));

  return (
    <>
      <p className="field__hint">{t('studioQuiz.settings.lead')}</p>
      <FormShell
        problems={{ summary: quizSummary(t, form.problems, values), attempt: form.attempt }}
        error={form.formLevel(save.error)}
        onSubmit={onSubmit}
        pending={save.isPending}
        submitLabel={t('studioQuiz.settings.save')}
        pendingLabel={t('studioQuiz.settings.saving')}
      >
        <PoolsEditor
          courseId={lesson.courseId}
          pools={values.pools}
          onPoolsChange={(pools, changed) => {
            edit({ pools });
            for (const field of changed) form.clear(field);
          }}
          bank={bank && counts ? { tags: bank.tags, counts } : null}
          bankFailed={bankFailed}
          error={errorFor('pools')}
          errorFor={errorFor}
          sharedWarning={sharedWarning}
        />
        <CheckboxField
          id={QUIZ_FIELD_IDS.shuffleQuestions}
          label={t('studioQuiz.shuffle.questions')}
          hint={t('studioQuiz.shuffle.questionsHint')}
          checked={values.shuffleQuestions}
          onCheckedChange={(shuffleQuestions) => edit({ shuffleQuestions })}
        />
        <CheckboxField
          id={QUIZ_FIELD_IDS.shuffleOptions}
          label={t('studioQuiz.shuffle.options')}
          hint={t('studioQuiz.shuffle.optionsHint')}
          checked={values.shuffleOptions}
          onCheckedChange={(shuffleOptions) => edit({ shuffleOptions })}
        />
        <RadioGroupField
          id="quiz-timeLimit"
          legend={t('studioQuiz.timeLimit.legend')}
          options={[
            { value: 'none', label: t('studioQuiz.timeLimit.none') },
            { value: 'limited', label: t('studioQuiz.timeLimit.limited') },
          ]}
          value={values.timeLimit}
          onValueChange={(timeLimit) => edit({ timeLimit })}
        />
        {values.timeLimit === 'limited' ? (
          <div className="quiz-subfield">
            <TextField
              id={QUIZ_FIELD_IDS.timeLimitMinutes}
              label={t('studioQuiz.timeLimit.minutes')}
              hint={t('studioQuiz.timeLimit.minutesHint', { max: QUIZ_MAX_TIME_LIMIT_MINUTES })}
              value={values.timeLimitMinutes}
              onValueChange={(value) => edit({ timeLimitMinutes: digits(value) })}
              error={errorFor('timeLimitMinutes')}
              maxLength={3}
              {...NUMBER_INPUT}
            />
          </div>
        ) : null}
        <RadioGroupField
          id="quiz-attempts"
          legend={t('studioQuiz.attempts.legend')}
          options={[
            { value: 'unlimited', label: t('studioQuiz.attempts.unlimited') },
            { value: 'limited', label: t('studioQuiz.attempts.limited') },
          ]}
          value={values.attempts}
          onValueChange={(attempts) => edit({ attempts })}
        />
        {values.attempts === 'limited' ? (
          <div className="quiz-subfield">
            <TextField
              id={QUIZ_FIELD_IDS.attemptsAllowed}
              label={t('studioQuiz.attempts.count')}
              hint={t('studioQuiz.attempts.countHint', { max: QUIZ_MAX_ATTEMPTS })}
              value={values.attemptsAllowed}
              onValueChange={(value) => edit({ attemptsAllowed: digits(value) })}
              error={errorFor('attemptsAllowed')}
              maxLength={3}
              {...NUMBER_INPUT}
            />
          </div>
        ) : null}
        <TextField
          id={QUIZ_FIELD_IDS.cooldownMinutes}
          label={t('studioQuiz.cooldown.label')}
          hint={t('studioQuiz.cooldown.hint', { max: QUIZ_MAX_COOLDOWN_MINUTES })}
          value={values.cooldownMinutes}
          onValueChange={(value) => edit({ cooldownMinutes: digits(value) })}
          error={errorFor('cooldownMinutes')}
          maxLength={5}
          {...NUMBER_INPUT}
        />
        <TextField
          id={QUIZ_FIELD_IDS.passingPercent}
          label={t('studioQuiz.passing.label')}
          hint={t('studioQuiz.passing.hint')}
          value={values.passingPercent}
          onValueChange={(value) => edit({ passingPercent: digits(value) })}
          error={errorFor('passingPercent')}
          maxLength={3}
          {...NUMBER_INPUT}
        />
        <RadioGroupField
          id={QUIZ_FIELD_IDS.feedback}
          legend={t('studioQuiz.feedback.legend')}
          options={feedbackOptions}
          value={values.feedback}
          onValueChange={(feedback) => edit({ feedback })}
        />
        <CheckboxField
          id={QUIZ_FIELD_IDS.finalExam}
          label={t('studioQuiz.finalExam.label')}
          hint={t('studioQuiz.finalExam.hint')}
          checked={values.finalExam}
          onCheckedChange={(finalExam) => edit({ finalExam })}
        />
      </FormShell>
      {saved && save.data ? (
        save.data.quizProblem === null ? (
          <Alert tone="success">{t('studioQuiz.settings.saved')}</Alert>
        ) : (
          <Alert tone="warning">{t('studioQuiz.settings.savedNotReady')}</Alert>
        )
      ) : null}
    </>
  );
}
