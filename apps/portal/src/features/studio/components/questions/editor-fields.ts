import type { TFunction } from 'i18next';

import type { QuestionFormValues } from './question-form';
import type { DescribedProblem, ProblemField } from './question-problems';

/** Ids of the question editor's controls (one editor is open at a time). */
export const editorIds = {
  title: 'question-editor-title',
  type: 'question-type',
  text: 'question-text',
  explanation: 'question-explanation',
  image: 'question-image',
  imageFile: 'question-image-file',
  imageAlt: 'question-image-alt',
  tags: 'question-tags',
  options: 'question-options',
  addOption: 'question-add-option',
  option: (optionId: string) => `question-option-${optionId}`,
  optionCorrect: (optionId: string) => `question-option-${optionId}-correct`,
  optionMove: (optionId: string, step: -1 | 1) => `question-option-${optionId}-${step < 0 ? 'up' : 'down'}`,
  trueFalse: 'question-true-false',
  answers: 'question-answers',
  answer: (index: number) => `question-answer-${index}`,
  addAnswer: 'question-add-answer',
};

/** The element the error summary sends the keyboard to for a problem. */
export function targetOf(field: ProblemField, form: QuestionFormValues): string {
  const firstOption = form.options[0]?.id ?? '';
  switch (field.kind) {
    case 'text':
      return `${editorIds.text}-vi`;
    case 'explanation':
      return `${editorIds.explanation}-vi`;
    case 'image':
      return editorIds.imageFile;
    case 'imageAlt':
      return form.image ? `${editorIds.imageAlt}-vi` : editorIds.imageFile;
    case 'tags':
      return editorIds.tags;
    case 'options':
      return form.options.length > 0 ? `${editorIds.option(firstOption)}-vi` : editorIds.addOption;
    case 'option': {
      const option = form.options[field.index];
      return option ? `${editorIds.option(option.id)}-vi` : editorIds.addOption;
    }
    case 'correct':
      return form.type === 'true_false'
        ? `${editorIds.trueFalse}-true`
        : editorIds.optionCorrect(firstOption);
    case 'acceptedAnswers':
      return editorIds.answer(0);
    case 'acceptedAnswer':
      return editorIds.answer(Math.min(field.index, form.acceptedAnswers.length - 1));
    case 'form':
      return editorIds.title;
  }
}

/** A problem in the teacher's language (unknown ones as @hocvu/assessment wrote them). */
export function problemText(t: TFunction, problem: DescribedProblem): string {
  return problem.key ? t(`studio.questions.problems.${problem.key}`, problem.params) : problem.message;
}

/** The messages of the problems about one part of the form, joined for its error line. */
export function errorAt(
  t: TFunction,
  problems: readonly DescribedProblem[],
  matches: (field: ProblemField) => boolean,
): string | undefined {
  const messages = problems
    .filter((problem) => matches(problem.field))
    .map((problem) => problemText(t, problem));
  return messages.length > 0 ? messages.join(' ') : undefined;
}
