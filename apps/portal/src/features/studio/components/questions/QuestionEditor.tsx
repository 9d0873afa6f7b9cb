import { QUESTION_TYPES, questionProblems, type QuestionType } from '@hocvu/assessment';
import { ErrorCode } from '@hocvu/contracts';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../../../shared/api/api-error';
import { useContentLanguages } from '../../../../shared/courses/use-content-languages';
import { CheckboxField, FormShell, RadioGroupField, TextField } from '../../../../shared/forms';
import type { StudioQuestion } from '../../api/studio-api';
import { useCreateQuestion, useReplaceQuestion } from '../../hooks/use-studio';
import { LocalizedTextFields } from '../LocalizedTextFields';
import { AcceptedAnswersEditor } from './AcceptedAnswersEditor';
import { editorIds, errorAt, problemText, targetOf } from './editor-fields';
import { LearnerPreview } from './LearnerPreview';
import { OptionListEditor } from './OptionListEditor';
import {
  addTag,
  emptyQuestionForm,
  formFromQuestion,
  parseTags,
  questionBody,
  type QuestionFormValues,
  questionFromForm,
  type QuestionImageDraft,
  takesOptions,
  withType,
} from './question-form';
import {
  type DescribedProblem,
  describeProblem,
  type ProblemField,
  problemsOfDetails,
} from './question-problems';
import { QuestionImageField } from './QuestionImageField';

interface QuestionEditorProps {
  courseId: string;
  /** The question to edit; null for a new one. */
  question: StudioQuestion | null;
  /** Tags already used in the course, offered with one tap. */
  knownTags: readonly string[];
  /** Saved: closes the editor with a confirmation to show. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Which parts of the form an edit can settle, for clearing their problems as the teacher types. */
const SETTLES: Partial<Record<keyof QuestionFormValues, readonly ProblemField['kind'][]>> = {
  type: ['options', 'option', 'correct', 'acceptedAnswers', 'acceptedAnswer', 'form'],
  text: ['text'],
  explanation: ['explanation'],
  image: ['image', 'imageAlt'],
  tags: ['tags'],
  options: ['options', 'option', 'correct'],
  correctOptionId: ['correct'],
  correctOptionIds: ['correct'],
  correctAnswer: ['correct'],
  acceptedAnswers: ['acceptedAnswers', 'acceptedAnswer'],
};

/**
 * Writing one question: its type, text, options or answers, explanation and tags. It is checked with
 * @hocvu/assessment's `questionProblems` — the API's own rules — before it is sent, and the API's
 * answer (QUESTION_INVALID with its problems) is shown the same way.
 */
export function QuestionEditor({ courseId, question, knownTags, onDone, onCancel }: QuestionEditorProps) {
  const { t } = useTranslation();
  const { data: languages = [] } = useContentLanguages();
  const create = useCreateQuestion(courseId);
  const replace = useReplaceQuestion(courseId);
  const save = question ? replace : create;
  const [form, setForm] = useState<QuestionFormValues>(() =>
    question ? formFromQuestion(question) : emptyQuestionForm(),
  );
  const [problems, setProblems] = useState<DescribedProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [imageBusy, setImageBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Opened from a button further down the page: bring the editor into view, and the keyboard to it.
  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const edit = (patch: Partial<QuestionFormValues>) => {
    setForm((current) => ({ ...current, ...patch }));
    const settled = new Set(
      (Object.keys(patch) as (keyof QuestionFormValues)[]).flatMap((key) => SETTLES[key] ?? []),
    );
    if (settled.size > 0)
      setProblems((current) => current.filter((problem) => !settled.has(problem.field.kind)));
  };

  // An upload ends whenever it ends: the image is changed from the form as it is by then.
  const editImage = useCallback(
    (update: (current: QuestionImageDraft | null) => QuestionImageDraft | null) => {
      setForm((current) => ({ ...current, image: update(current.image) }));
      const settled = new Set(SETTLES.image);
      setProblems((current) => current.filter((problem) => !settled.has(problem.field.kind)));
    },
    [],
  );

  const show = (found: DescribedProblem[]) => {
    setProblems(found);
    setAttempt((count) => count + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const authored = questionFromForm(form);
    const found = questionProblems(authored).map(describeProblem);
    // Saved now, the question would go without the picture being uploaded.
    if (imageBusy) found.push(imageStillUploading);
    if (found.length > 0) {
      show(found);
      return;
    }
    const body = questionBody(authored);
    const onError = (error: unknown) => {
      const listed =
        isApiError(error) && error.code === ErrorCode.QuestionInvalid
          ? problemsOfDetails(error.details)
          : null;
      if (listed) show(listed.map(describeProblem));
    };
    const onSuccess = () => onDone(question ? t('studio.questions.saved') : t('studio.questions.created'));
    if (question) replace.mutate({ questionId: question.id, body }, { onError, onSuccess });
    else create.mutate(body, { onError, onSuccess });
  };

  const summary = uniqueTargets(
    problems.map((problem) => ({
      targetId: targetOf(problem.field, form),
      message: problemText(t, problem),
    })),
  );
  const formError =
    isApiError(save.error) && save.error.code === ErrorCode.QuestionInvalid && problems.length > 0
      ? null
      : save.error;
  const errorFor = (matches: (field: ProblemField) => boolean) => errorAt(t, problems, matches);
  const preview = useMemo(() => (previewing ? questionFromForm(form) : null), [previewing, form]);
  const unusedTags = knownTags.filter((tag) => !parseTags(form.tags).includes(tag));
  // Options offer the languages the question is written in: a Vietnamese-only question keeps its
  // options short on a phone; once the question has a Thái or English text, its options get boxes too.
  const optionLanguages = languages.filter(
    (language) => language.code === 'vi' || (form.text[language.code] ?? '').trim() !== '',
  );

  const typeOptions = QUESTION_TYPES.map((type) => ({
    value: type,
    label: (
      <>
        <span className="question-type-choice__name">{t(`studio.questions.types.${type}`)}</span>{' '}
        <span className="question-type-choice__hint">{t(`studio.questions.typeHints.${type}`)}</span>
      </>
    ),
  }));

  return (
    <section className="editor-section question-editor" aria-labelledby={editorIds.title}>
      <h2 id={editorIds.title} ref={titleRef} tabIndex={-1}>
        {question ? t('studio.questions.editTitle') : t('studio.questions.newTitle')}
      </h2>
      <FormShell
        problems={{ summary, attempt }}
        error={formError}
        onSubmit={onSubmit}
        pending={save.isPending}
        submitLabel={t('studio.questions.save')}
        pendingLabel={t('studio.questions.saving')}
        otherActions={
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        }
      >
        <RadioGroupField<QuestionType>
          id={editorIds.type}
          legend={t('studio.questions.type')}
          options={typeOptions}
          value={form.type}
          onValueChange={(type) => {
            setForm((current) => withType(current, type));
            setProblems([]);
          }}
        />
        <LocalizedTextFields
          id={editorIds.text}
          label={t('studio.questions.text')}
          hint={t('studio.questions.textHint')}
          value={form.text}
          onValueChange={(text) => edit({ text })}
          languages={languages}
          error={errorFor((field) => field.kind === 'text')}
          rows={3}
        />

        <QuestionImageField
          courseId={courseId}
          image={form.image}
          onChange={editImage}
          languages={languages}
          error={errorFor((field) => field.kind === 'image')}
          altError={errorFor((field) => field.kind === 'imageAlt')}
          onBusyChange={setImageBusy}
        />

        {takesOptions(form.type) ? (
          <OptionListEditor
            form={form}
            onChange={edit}
            languages={optionLanguages}
            error={errorFor((field) => field.kind === 'options' || field.kind === 'correct')}
            errorOf={(index) => errorFor((field) => field.kind === 'option' && field.index === index)}
            announce={setAnnouncement}
          />
        ) : null}
        {form.type === 'multiple_choice' || form.type === 'ordering' ? (
          <CheckboxField
            id="question-partial-credit"
            label={t('studio.questions.partialCredit')}
            hint={
              form.type === 'ordering'
                ? t('studio.questions.partialCreditHintOrdering')
                : t('studio.questions.partialCreditHintMultiple')
            }
            checked={form.partialCredit}
            onCheckedChange={(partialCredit) => edit({ partialCredit })}
          />
        ) : null}
        {form.type === 'true_false' ? (
          <RadioGroupField<'true' | 'false'>
            id={editorIds.trueFalse}
            legend={t('studio.questions.trueFalse')}
            hint={t('studio.questions.trueFalseHint')}
            options={[
              { value: 'true', label: t('studio.questions.true') },
              { value: 'false', label: t('studio.questions.false') },
            ]}
            value={form.correctAnswer === null ? '' : form.correctAnswer ? 'true' : 'false'}
            onValueChange={(value) => edit({ correctAnswer: value === 'true' })}
            error={errorFor((field) => field.kind === 'correct')}
          />
        ) : null}
        {form.type === 'short_text' ? (
          <AcceptedAnswersEditor
            form={form}
            onChange={edit}
            error={errorFor((field) => field.kind === 'acceptedAnswers')}
            errorOf={(index) => errorFor((field) => field.kind === 'acceptedAnswer' && field.index === index)}
            announce={setAnnouncement}
          />
        ) : null}

        <LocalizedTextFields
          id={editorIds.explanation}
          label={t('studio.questions.explanation')}
          hint={t('studio.questions.explanationHint')}
          value={form.explanation}
          onValueChange={(explanation) => edit({ explanation })}
          languages={languages}
          error={errorFor((field) => field.kind === 'explanation')}
          optional
          rows={3}
        />
        <TextField
          id={editorIds.tags}
          type="text"
          label={t('studio.questions.tags')}
          hint={t('studio.questions.tagsHint')}
          value={form.tags}
          onValueChange={(tags) => edit({ tags })}
          error={errorFor((field) => field.kind === 'tags')}
          optional
          autoComplete="off"
        />
        {unusedTags.length > 0 ? (
          <div className="tag-suggestions">
            <p className="field__hint" id="question-tag-suggestions">
              {t('studio.questions.knownTags')}
            </p>
            <ul className="chips" aria-labelledby="question-tag-suggestions">
              {unusedTags.map((tag) => (
                <li key={tag}>
                  <button
                    type="button"
                    className="chip"
                    onClick={() => edit({ tags: addTag(form.tags, tag) })}
                  >
                    <span aria-hidden="true">+ </span>
                    {tag}
                    <span className="visually-hidden"> ({t('studio.questions.addTag')})</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="question-editor__preview">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={previewing}
            onClick={() => setPreviewing((open) => !open)}
          >
            {t('studio.questions.preview')}
          </button>
          {preview ? <LearnerPreview question={preview} /> : null}
        </div>
      </FormShell>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}

const imageStillUploading: DescribedProblem = {
  key: 'imageUploading',
  params: {},
  field: { kind: 'image' },
  message: 'The image is still uploading',
};

/** One summary line per box (two problems may concern the same one): ErrorSummary keys lines by target. */
function uniqueTargets(
  items: { targetId: string; message: string }[],
): { targetId: string; message: string }[] {
  const byTarget = new Map<string, string[]>();
  for (const item of items)
    byTarget.set(item.targetId, [...(byTarget.get(item.targetId) ?? []), item.message]);
  return [...byTarget].map(([targetId, messages]) => ({ targetId, message: messages.join(' ') }));
}
