/**
 * Learners' answers. The client sends a JSON payload per question; `checkAnswer` accepts it only when it
 * has exactly the shape of the question's type and refers to that question's options, and returns a typed
 * `Answer` to store and later grade — or a problem message for a 4xx response.
 *
 * Payloads (a `type` field is optional; when present it must be the question's type; no other fields):
 *   single_choice    { "optionId": "k3f9" }
 *   multiple_choice  { "optionIds": ["k3f9", "p2x1"] }      distinct option ids; [] = nothing ticked (yet)
 *   true_false       { "value": true }
 *   ordering         { "order": ["p2x1", "k3f9", "a8c0"] }  every item id exactly once
 *   short_text       { "text": "Căn cước công dân" }        at most 500 characters, stored as typed
 */
import { characterCount, isPermutation, isRecord } from './internal';
import { AuthorQuestion, LearnerQuestion, QuestionType, SHORT_TEXT_MAX_LENGTH } from './question';

export interface SingleChoiceAnswer {
  type: 'single_choice';
  optionId: string;
}
export interface MultipleChoiceAnswer {
  type: 'multiple_choice';
  optionIds: string[];
}
export interface TrueFalseAnswer {
  type: 'true_false';
  value: boolean;
}
export interface OrderingAnswer {
  type: 'ordering';
  order: string[];
}
export interface ShortTextAnswer {
  type: 'short_text';
  text: string;
}

/** A learner's answer to one question, checked against that question. */
export type Answer =
  SingleChoiceAnswer | MultipleChoiceAnswer | TrueFalseAnswer | OrderingAnswer | ShortTextAnswer;

export type AnswerCheck = { ok: true; answer: Answer } | { ok: false; problem: string };

/** The one field each type's payload carries. */
const ANSWER_FIELD: Record<QuestionType, string> = {
  single_choice: 'optionId',
  multiple_choice: 'optionIds',
  true_false: 'value',
  ordering: 'order',
  short_text: 'text',
};

/**
 * Checks a learner's answer `payload` (parsed JSON, untrusted) against `question` — the author's question
 * on the server, or the learner view in the portal (same result, so the portal can refuse early). Returns a
 * fresh typed Answer (never the payload object itself) or the first problem found.
 */
export function checkAnswer(question: AuthorQuestion | LearnerQuestion, payload: unknown): AnswerCheck {
  if (!isRecord(payload)) return problem('The answer must be a JSON object');
  const field = ANSWER_FIELD[question.type] as string | undefined;
  if (field === undefined) return problem(`Unknown question type "${String(question.type)}"`);
  if ('type' in payload && payload['type'] !== question.type) {
    return problem(`This is a ${question.type} question; the answer says "${String(payload['type'])}"`);
  }
  const extra = Object.keys(payload).find((key) => key !== 'type' && key !== field);
  if (extra !== undefined) {
    return problem(`Unexpected field "${extra}": a ${question.type} answer has only "${field}"`);
  }
  if (!(field in payload)) return problem(`A ${question.type} answer needs "${field}"`);
  const value = payload[field];

  switch (question.type) {
    case 'single_choice': {
      if (typeof value !== 'string') return problem('"optionId" must be an option id (text)');
      if (!question.options.some((option) => option.id === value)) {
        return problem(`"${value}" is not an option of this question`);
      }
      return ok({ type: question.type, optionId: value });
    }
    case 'multiple_choice': {
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
        return problem('"optionIds" must be a list of option ids');
      }
      const ids = value;
      const stranger = ids.find((id) => !question.options.some((option) => option.id === id));
      if (stranger !== undefined) return problem(`"${stranger}" is not an option of this question`);
      if (new Set(ids).size !== ids.length) return problem('"optionIds" lists an option twice');
      return ok({ type: question.type, optionIds: [...ids] });
    }
    case 'true_false':
      if (typeof value !== 'boolean') return problem('"value" must be true or false');
      return ok({ type: question.type, value });
    case 'ordering': {
      const ids = question.options.map((option) => option.id);
      if (!isPermutation(value, ids)) {
        return problem(`"order" must list each of the ${ids.length} items of this question exactly once`);
      }
      return ok({ type: question.type, order: [...(value as string[])] });
    }
    case 'short_text': {
      if (typeof value !== 'string') return problem('"text" must be text');
      if (characterCount(value) > SHORT_TEXT_MAX_LENGTH) {
        return problem(`The answer is longer than ${SHORT_TEXT_MAX_LENGTH} characters`);
      }
      // PostgreSQL cannot store U+0000 in text or jsonb.
      if (value.includes('\u0000')) return problem('The answer contains a NUL character');
      return ok({ type: question.type, text: value });
    }
  }
}

/**
 * The correct answer of `question` in the shape of a learner's answer (for a short-text question, its
 * first accepted answer): for the review page when the feedback policy shows answers, and for tests.
 */
export function answerKey(question: AuthorQuestion): Answer {
  switch (question.type) {
    case 'single_choice':
      return { type: question.type, optionId: question.correctOptionId };
    case 'multiple_choice':
      return { type: question.type, optionIds: [...question.correctOptionIds] };
    case 'true_false':
      return { type: question.type, value: question.correctAnswer };
    case 'ordering':
      return { type: question.type, order: [...question.correctOrder] };
    case 'short_text':
      return { type: question.type, text: question.acceptedAnswers[0] ?? '' };
  }
}

function ok(answer: Answer): AnswerCheck {
  return { ok: true, answer };
}

function problem(message: string): AnswerCheck {
  return { ok: false, problem: message };
}
