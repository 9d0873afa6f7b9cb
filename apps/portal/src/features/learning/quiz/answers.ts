/**
 * Learners' answers in the portal: when a question counts as answered, where a resumed attempt opens,
 * and the check (the API's own, from @hocvu/assessment) that keeps a malformed answer from being sent.
 */
import { checkAnswer, type LearnerQuestion } from '@hocvu/assessment';

import type { AnswerPayload, AttemptQuestionView } from '../api/quiz-api';

/** Whether `answer` says something: a choice made, a box ticked, an order given, text typed. */
export function isAnswered(answer: AnswerPayload | null | undefined): boolean {
  if (!answer) return false;
  if (typeof answer.optionId === 'string') return true;
  if (Array.isArray(answer.optionIds)) return answer.optionIds.length > 0;
  if (typeof answer.value === 'boolean') return true;
  if (Array.isArray(answer.order)) return answer.order.length > 0;
  if (typeof answer.text === 'string') return answer.text.trim() !== '';
  return false;
}

/**
 * Where a resumed attempt opens: the first question not answered yet; the review screen when every
 * question has an answer (the learner was about to submit).
 */
export function resumePosition(
  questionIds: readonly string[],
  answers: ReadonlyMap<string, AnswerPayload>,
): number | 'review' {
  const index = questionIds.findIndex((id) => !isAnswered(answers.get(id)));
  if (index >= 0) return index;
  return questionIds.length === 0 ? 0 : 'review';
}

/** The API's description of a question, as the typed learner view `checkAnswer` takes. */
export function toLearnerQuestion(view: AttemptQuestionView): LearnerQuestion {
  const base = { text: view.text, ...(view.image ? { image: view.image } : {}) };
  switch (view.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, type: view.type, options: view.options ?? [] };
    case 'ordering':
      return { ...base, type: view.type, options: view.options ?? [] };
    case 'true_false':
      return { ...base, type: view.type };
    case 'short_text':
      return {
        ...base,
        type: view.type,
        maxLength: view.maxLength ?? 500,
        diacriticInsensitive: view.diacriticInsensitive === true,
      };
  }
}

/**
 * `payload` checked as the API will check it: the answer to send (with its `type`), or null when it
 * could only be refused (an option that is not there, text too long…).
 */
export function checkedAnswer(view: AttemptQuestionView, payload: AnswerPayload): AnswerPayload | null {
  const check = checkAnswer(toLearnerQuestion(view), payload);
  return check.ok ? check.answer : null;
}

/** Same answer (ignoring the optional `type`): nothing new to save. */
export function sameAnswer(
  a: AnswerPayload | null | undefined,
  b: AnswerPayload | null | undefined,
): boolean {
  if (!a || !b) return a === b;
  return (
    a.optionId === b.optionId &&
    a.value === b.value &&
    a.text === b.text &&
    sameList(a.optionIds, b.optionIds) &&
    sameList(a.order, b.order)
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The order with the item at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveItem(order: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  const moved = [...order];
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return moved;
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** Ticks or unticks `optionId`, keeping the options' order as shown. */
export function toggleOption(
  selected: readonly string[],
  optionId: string,
  shownOrder: readonly string[],
): string[] {
  const next = new Set(selected);
  if (next.has(optionId)) next.delete(optionId);
  else next.add(optionId);
  return shownOrder.filter((id) => next.has(id));
}
