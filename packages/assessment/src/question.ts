/**
 * The question model. A teacher authors an `AuthorQuestion` (text, options and the correct answer); a
 * learner only ever receives a `LearnerQuestion` made by `toLearnerView`, which copies the fields a learner
 * may see one by one, so nothing about the answer can reach the client — not even a field added later.
 *
 * Questions carry no id of their own: the bank stores them under its ids (`{ id, question }`). Option ids
 * must be opaque and random (e.g. a UUID, or 8+ random base-36 characters made on the server): the options
 * of an ordering question are authored in any order, and ids that followed the correct order ("1", "2", …)
 * would give the answer away once shuffled.
 */
import type { LocalizedText } from '@hocvu/contracts';

import { shuffle } from './draw';
import { characterCount, isPermutation, isRecord } from './internal';

export const QuestionType = {
  SingleChoice: 'single_choice',
  MultipleChoice: 'multiple_choice',
  TrueFalse: 'true_false',
  Ordering: 'ordering',
  ShortText: 'short_text',
} as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];
export const QUESTION_TYPES: readonly QuestionType[] = Object.values(QuestionType);

/** Fewest and most options of a choice or ordering question (the CSV template has option_1…option_6). */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
/** Longest texts, in characters (Unicode code points, as PostgreSQL counts them). */
export const QUESTION_TEXT_MAX_LENGTH = 2000;
export const OPTION_TEXT_MAX_LENGTH = 500;
export const EXPLANATION_MAX_LENGTH = 5000;
/** A learner's short-text answer, and so also each accepted answer, is at most this long. */
export const SHORT_TEXT_MAX_LENGTH = 500;
export const MAX_ACCEPTED_ANSWERS = 20;
export const IMAGE_ALT_MAX_LENGTH = 300;
export const MAX_TAGS = 10;
export const TAG_MAX_LENGTH = 40;
/** Option ids: 1–64 letters, digits, "-" or "_". */
export const OPTION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** One option of a choice question, or one item of an ordering question. */
export interface QuestionOption {
  /** Stable, opaque id: answers refer to options by it. */
  id: string;
  text: LocalizedText;
}

/** An image shown with the question (stored like course covers; `alt` read out by screen readers). */
export interface QuestionImage {
  key: string;
  alt: LocalizedText;
}

/** What every author-side question has. */
interface AuthorQuestionBase {
  /** The question, per language; `vi` is required. */
  text: LocalizedText;
  /** Why the answer is what it is, shown after grading when the quiz's feedback policy allows. */
  explanation?: LocalizedText;
  image?: QuestionImage;
  /** Pool tags ("safety", "VNeID"); a quiz draws its questions by tag. */
  tags: string[];
}

export interface SingleChoiceQuestion extends AuthorQuestionBase {
  type: 'single_choice';
  options: QuestionOption[];
  correctOptionId: string;
}

export interface MultipleChoiceQuestion extends AuthorQuestionBase {
  type: 'multiple_choice';
  options: QuestionOption[];
  /** At least one. */
  correctOptionIds: string[];
  /** Partial credit instead of all-or-nothing (see `grade`). */
  partialCredit?: boolean;
}

export interface TrueFalseQuestion extends AuthorQuestionBase {
  type: 'true_false';
  correctAnswer: boolean;
}

export interface OrderingQuestion extends AuthorQuestionBase {
  type: 'ordering';
  /** The items, in any order (learners always get them shuffled). */
  options: QuestionOption[];
  /** Every option id once, in the correct order. */
  correctOrder: string[];
  /** Partial credit instead of all-or-nothing (see `grade`). */
  partialCredit?: boolean;
}

export interface ShortTextQuestion extends AuthorQuestionBase {
  type: 'short_text';
  /** Answers counted as correct, compared after normalisation (see `normalizeShortText`). */
  acceptedAnswers: string[];
  /** Also accept answers typed without Vietnamese diacritics ("can cuoc" for "căn cước"). */
  diacriticInsensitive?: boolean;
}

/** A question as the teacher authors it, with its correct answer. Never send it to a learner. */
export type AuthorQuestion =
  SingleChoiceQuestion | MultipleChoiceQuestion | TrueFalseQuestion | OrderingQuestion | ShortTextQuestion;

/** What every learner-side question has. */
interface LearnerQuestionBase {
  text: LocalizedText;
  image?: QuestionImage;
}

export interface LearnerChoiceQuestion extends LearnerQuestionBase {
  type: 'single_choice' | 'multiple_choice';
  options: QuestionOption[];
}

export interface LearnerTrueFalseQuestion extends LearnerQuestionBase {
  type: 'true_false';
}

export interface LearnerOrderingQuestion extends LearnerQuestionBase {
  type: 'ordering';
  /** Shuffled, and never in the correct order. */
  options: QuestionOption[];
}

export interface LearnerShortTextQuestion extends LearnerQuestionBase {
  type: 'short_text';
  maxLength: number;
  /** The portal may say that answers without diacritics are accepted (not part of the answer). */
  diacriticInsensitive: boolean;
}

/** A question as a learner sees it before grading: no correct answer, no explanation, no tags. */
export type LearnerQuestion =
  LearnerChoiceQuestion | LearnerTrueFalseQuestion | LearnerOrderingQuestion | LearnerShortTextQuestion;

/**
 * The learner's view of `question`. With a `shuffleSeed` the options of choice questions are shuffled
 * (same seed, same order: use one seed per attempt and question, e.g. `${attemptSeed}:${questionId}`, so a
 * reload shows the same order); without one they keep the authored order.
 *
 * Ordering questions are always shuffled — with the seed when given, else with a seed made from the
 * question's own option ids — and never shown in their correct order (when the shuffle happens to give it,
 * the items are rotated by one), so submitting the order as shown never earns credit.
 */
export function toLearnerView(question: AuthorQuestion, shuffleSeed?: string): LearnerQuestion {
  const base: LearnerQuestionBase = { text: { ...question.text } };
  if (question.image) base.image = { key: question.image.key, alt: { ...question.image.alt } };

  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const options = shuffleSeed === undefined ? question.options : shuffle(question.options, shuffleSeed);
      return { type: question.type, ...base, options: options.map(copyOption) };
    }
    case 'true_false':
      return { type: question.type, ...base };
    case 'ordering': {
      const seed = shuffleSeed ?? `ordering:${question.options.map((option) => option.id).join(',')}`;
      let options = shuffle(question.options, seed);
      if (options.length > 1 && options.every((option, i) => option.id === question.correctOrder[i])) {
        options = [...options.slice(1), options[0]];
      }
      return { type: question.type, ...base, options: options.map(copyOption) };
    }
    case 'short_text':
      return {
        type: question.type,
        ...base,
        maxLength: SHORT_TEXT_MAX_LENGTH,
        diacriticInsensitive: question.diacriticInsensitive === true,
      };
  }
}

function copyOption(option: QuestionOption): QuestionOption {
  return { id: option.id, text: { ...option.text } };
}

/**
 * What is wrong with an author question, in plain English (empty when it can be saved): Vietnamese text
 * present everywhere, lengths, option count and ids, a correct answer that fits the options, tags.
 * Works on questions read from JSON too (it does not trust the static type). The studio's save and the
 * CSV import both use it.
 */
export function questionProblems(question: AuthorQuestion): string[] {
  const problems: string[] = [];
  if (!QUESTION_TYPES.includes(question.type)) {
    return [`Unknown question type "${String(question.type)}"; use ${QUESTION_TYPES.join(', ')}`];
  }

  problems.push(...localizedProblems(question.text, 'The question text', QUESTION_TEXT_MAX_LENGTH));
  if (question.explanation !== undefined) {
    problems.push(...localizedProblems(question.explanation, 'The explanation', EXPLANATION_MAX_LENGTH));
  }
  if (question.image !== undefined) {
    if (!isRecord(question.image) || typeof question.image.key !== 'string' || question.image.key === '') {
      problems.push('The image has no storage key');
    } else {
      problems.push(
        ...localizedProblems(question.image.alt, 'The image description (alt text)', IMAGE_ALT_MAX_LENGTH),
      );
    }
  }
  problems.push(...tagProblems(question.tags));

  switch (question.type) {
    case 'single_choice': {
      const ids = optionProblems(question.options, problems);
      if (ids && !ids.includes(question.correctOptionId)) {
        problems.push('The correct answer must be one of the options');
      }
      break;
    }
    case 'multiple_choice': {
      const ids = optionProblems(question.options, problems);
      if (!Array.isArray(question.correctOptionIds) || question.correctOptionIds.length === 0) {
        problems.push('Mark at least one option as correct');
      } else if (ids) {
        if (new Set(question.correctOptionIds).size !== question.correctOptionIds.length) {
          problems.push('An option is marked correct twice');
        }
        if (question.correctOptionIds.some((id) => !ids.includes(id))) {
          problems.push('Every correct answer must be one of the options');
        }
      }
      break;
    }
    case 'true_false':
      if (typeof question.correctAnswer !== 'boolean')
        problems.push('Say whether the statement is true or false');
      break;
    case 'ordering': {
      const ids = optionProblems(question.options, problems);
      if (ids && !isPermutation(question.correctOrder, ids)) {
        problems.push('The correct order must list every item exactly once');
      }
      break;
    }
    case 'short_text': {
      const accepted: unknown = question.acceptedAnswers;
      if (!Array.isArray(accepted) || accepted.length === 0) {
        problems.push('Give at least one accepted answer');
      } else {
        if (accepted.length > MAX_ACCEPTED_ANSWERS) {
          problems.push(`At most ${MAX_ACCEPTED_ANSWERS} accepted answers (there are ${accepted.length})`);
        }
        accepted.forEach((answer: unknown, i) => {
          if (typeof answer !== 'string' || answer.trim() === '') {
            problems.push(`Accepted answer ${i + 1} is empty`);
          } else if (characterCount(answer) > SHORT_TEXT_MAX_LENGTH) {
            problems.push(`Accepted answer ${i + 1} is longer than ${SHORT_TEXT_MAX_LENGTH} characters`);
          }
        });
      }
      if (question.diacriticInsensitive !== undefined && typeof question.diacriticInsensitive !== 'boolean') {
        problems.push('diacriticInsensitive must be true or false');
      }
      break;
    }
  }
  if (
    (question.type === 'multiple_choice' || question.type === 'ordering') &&
    question.partialCredit !== undefined &&
    typeof question.partialCredit !== 'boolean'
  ) {
    problems.push('partialCredit must be true or false');
  }
  return problems;
}

/** Checks a choice/ordering question's options; returns their ids when they are usable, else null. */
function optionProblems(options: unknown, problems: string[]): string[] | null {
  if (!Array.isArray(options)) {
    problems.push('The question has no options');
    return null;
  }
  const before = problems.length;
  if (options.length < MIN_OPTIONS) {
    problems.push(
      `Give at least ${MIN_OPTIONS} options (there ${options.length === 1 ? 'is' : 'are'} ${options.length})`,
    );
  }
  if (options.length > MAX_OPTIONS) {
    problems.push(`Give at most ${MAX_OPTIONS} options (there are ${options.length})`);
  }
  const ids: string[] = [];
  const texts = new Map<string, number>();
  options.forEach((option: unknown, i) => {
    const label = `Option ${i + 1}`;
    if (!isRecord(option) || typeof option.id !== 'string' || !OPTION_ID_PATTERN.test(option.id)) {
      problems.push(`${label} has no valid id (1–64 letters, digits, "-" or "_")`);
      return;
    }
    if (ids.includes(option.id)) problems.push(`${label} has the same id as another option`);
    ids.push(option.id);
    problems.push(...localizedProblems(option.text, label, OPTION_TEXT_MAX_LENGTH));
    const vi = isRecord(option.text) && typeof option.text.vi === 'string' ? option.text.vi : '';
    const key = vi.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
    if (key !== '') {
      const same = texts.get(key);
      if (same !== undefined) problems.push(`${label} has the same text as option ${same + 1}`);
      else texts.set(key, i);
    }
  });
  return problems.length === before ? ids : null;
}

/** Problems of a LocalizedText: an object of strings, `vi` present and not blank, none too long. */
function localizedProblems(text: unknown, label: string, maxLength: number): string[] {
  if (!isRecord(text)) return [`${label} is missing`];
  const problems: string[] = [];
  const vi = text['vi'];
  if (typeof vi !== 'string' || vi.trim() === '') {
    problems.push(`${label} needs Vietnamese (vi)`);
  }
  for (const [language, value] of Object.entries(text)) {
    if (typeof value !== 'string') {
      problems.push(`${label} (${language}) is not text`);
    } else if (characterCount(value) > maxLength) {
      problems.push(`${label} (${language}) is longer than ${maxLength} characters`);
    }
  }
  return problems;
}

function tagProblems(tags: unknown): string[] {
  if (!Array.isArray(tags)) return ['Tags must be a list'];
  const problems: string[] = [];
  if (tags.length > MAX_TAGS) problems.push(`At most ${MAX_TAGS} tags (there are ${tags.length})`);
  const seen = new Set<string>();
  for (const tag of tags as unknown[]) {
    if (typeof tag !== 'string' || tag.trim() === '' || tag !== tag.trim()) {
      problems.push(`Tag "${String(tag)}" must be text without spaces around it`);
    } else if (characterCount(tag) > TAG_MAX_LENGTH) {
      problems.push(`Tag "${tag}" is longer than ${TAG_MAX_LENGTH} characters`);
    } else if (seen.has(tag)) {
      problems.push(`Tag "${tag}" appears twice`);
    }
    if (typeof tag === 'string') seen.add(tag);
  }
  return problems;
}
