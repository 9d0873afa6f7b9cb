import {
  type AuthorQuestion,
  MAX_OPTIONS,
  MIN_OPTIONS,
  normalizeShortText,
  type QuestionType,
} from '@hocvu/assessment';
import type { LocalizedText } from '@hocvu/contracts';

import { compactLocalized } from '../../../../shared/localized';
import type { QuestionBody, StudioQuestion } from '../../api/studio-api';

/**
 * The question editor's state and its conversions to and from the API's question. The form keeps every
 * type's fields at once, so switching the type back and forth loses nothing; `questionFromForm` takes
 * only what the chosen type has. The rules themselves are @hocvu/assessment's `questionProblems`, the
 * API's own.
 */

export interface OptionDraft {
  /** Opaque and random (`newOptionId`): ids that followed the order would give an ordering away. */
  id: string;
  text: LocalizedText;
}

/** A picture shown with the question: its storage key (from the upload) and its description per language. */
export interface QuestionImageDraft {
  key: string;
  alt: LocalizedText;
}

export interface QuestionFormValues {
  type: QuestionType;
  text: LocalizedText;
  explanation: LocalizedText;
  /** null: no picture. */
  image: QuestionImageDraft | null;
  /** As typed: tags separated by commas (or semicolons). */
  tags: string;
  /** Choice and ordering questions; for ordering, this order is the correct one. */
  options: OptionDraft[];
  /** single_choice; '' until one is marked. */
  correctOptionId: string;
  /** multiple_choice. */
  correctOptionIds: string[];
  /** multiple_choice and ordering. */
  partialCredit: boolean;
  /** true_false; null until chosen. */
  correctAnswer: boolean | null;
  /** short_text, one box each. */
  acceptedAnswers: string[];
  diacriticInsensitive: boolean;
}

const OPTION_ID_LENGTH = 10;
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new option id: 10 random base-36 characters from the platform's CSPRNG, so it says nothing about
 * the option's place. (`random` is for tests.)
 */
export function newOptionId(random: (bytes: Uint8Array) => Uint8Array = defaultRandom): string {
  const bytes = random(new Uint8Array(OPTION_ID_LENGTH));
  // 252 = 7 × 36: bytes at or above it are dropped so every character is equally likely.
  let id = '';
  for (const byte of bytes) if (byte < 252) id += BASE36[byte % 36];
  return id.length >= 8 ? id : newOptionId(random);
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  return crypto.getRandomValues(bytes);
}

export function takesOptions(type: QuestionType): boolean {
  return type === 'single_choice' || type === 'multiple_choice' || type === 'ordering';
}

export function emptyOption(): OptionDraft {
  return { id: newOptionId(), text: { vi: '' } };
}

/** A new question: single choice with the fewest options, nothing marked yet. */
export function emptyQuestionForm(): QuestionFormValues {
  return {
    type: 'single_choice',
    text: { vi: '' },
    explanation: { vi: '' },
    image: null,
    tags: '',
    options: Array.from({ length: MIN_OPTIONS }, emptyOption),
    correctOptionId: '',
    correctOptionIds: [],
    partialCredit: false,
    correctAnswer: null,
    acceptedAnswers: [''],
    diacriticInsensitive: false,
  };
}

/** The form for a question from the bank. */
export function formFromQuestion(question: StudioQuestion): QuestionFormValues {
  const form = emptyQuestionForm();
  const options = (question.options ?? []).map((option) => ({ id: option.id, text: { ...option.text } }));
  return {
    ...form,
    type: question.type,
    text: { vi: '', ...question.text },
    explanation: { vi: '', ...question.explanation },
    image: question.image?.key ? { key: question.image.key, alt: { vi: '', ...question.image.alt } } : null,
    tags: question.tags.join(', '),
    // An ordering question's items are shown in their correct order: that order is what the form edits.
    options:
      question.type === 'ordering' && question.correctOrder
        ? orderedBy(options, question.correctOrder)
        : options.length > 0
          ? options
          : form.options,
    correctOptionId: question.correctOptionId ?? '',
    correctOptionIds: [...(question.correctOptionIds ?? [])],
    partialCredit: question.partialCredit === true,
    correctAnswer: question.correctAnswer ?? null,
    acceptedAnswers:
      question.acceptedAnswers && question.acceptedAnswers.length > 0 ? [...question.acceptedAnswers] : [''],
    diacriticInsensitive: question.diacriticInsensitive === true,
  };
}

function orderedBy(options: OptionDraft[], order: readonly string[]): OptionDraft[] {
  const byId = new Map(options.map((option) => [option.id, option]));
  const ordered = order.flatMap((id) => byId.get(id) ?? []);
  return [...ordered, ...options.filter((option) => !order.includes(option.id))];
}

/**
 * Another type for the question. Options, texts and answers stay in the form; a single choice's answer
 * carries over to multiple choice and back when that one has none.
 */
export function withType(form: QuestionFormValues, type: QuestionType): QuestionFormValues {
  const next = { ...form, type };
  if (type === 'multiple_choice' && form.correctOptionIds.length === 0 && form.correctOptionId !== '') {
    next.correctOptionIds = [form.correctOptionId];
  }
  if (type === 'single_choice' && form.correctOptionId === '' && form.correctOptionIds.length === 1) {
    next.correctOptionId = form.correctOptionIds[0] ?? '';
  }
  if (takesOptions(type) && form.options.length < MIN_OPTIONS) {
    next.options = [
      ...form.options,
      ...Array.from({ length: MIN_OPTIONS - form.options.length }, emptyOption),
    ];
  }
  return next;
}

/** Tags as the parser reads them: split at commas or semicolons, spaces tidied, each once. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((tag) => tag.trim().replace(/\s+/g, ' '))
        .filter((tag) => tag !== ''),
    ),
  ];
}

/** `tags` with `tag` added at the end (when not there yet), written back as text. */
export function addTag(tags: string, tag: string): string {
  const current = parseTags(tags);
  return current.includes(tag) ? current.join(', ') : [...current, tag].join(', ');
}

/** The question the form describes, for `questionProblems`, the learner preview and the API. */
export function questionFromForm(form: QuestionFormValues): AuthorQuestion {
  const explanation = compactLocalized(form.explanation);
  const base = {
    text: compactLocalized(form.text),
    ...(explanation['vi'] !== '' || Object.keys(explanation).length > 1 ? { explanation } : {}),
    // Its description goes out even when blank, for questionProblems to ask for the Vietnamese one.
    ...(form.image ? { image: { key: form.image.key, alt: compactLocalized(form.image.alt) } } : {}),
    tags: parseTags(form.tags),
  };
  const options = form.options.map((option) => ({ id: option.id, text: compactLocalized(option.text) }));
  const ids = new Set(options.map((option) => option.id));
  switch (form.type) {
    case 'single_choice':
      return { ...base, type: form.type, options, correctOptionId: form.correctOptionId };
    case 'multiple_choice':
      return {
        ...base,
        type: form.type,
        options,
        // Kept in the options' order; a removed option's mark goes with it.
        correctOptionIds: options
          .map((option) => option.id)
          .filter((id) => form.correctOptionIds.includes(id)),
        ...(form.partialCredit ? { partialCredit: true } : {}),
      };
    case 'ordering':
      return {
        ...base,
        type: form.type,
        options,
        correctOrder: options.map((option) => option.id).filter((id) => ids.has(id)),
        ...(form.partialCredit ? { partialCredit: true } : {}),
      };
    case 'true_false':
      // An unanswered true/false goes out without its answer, for questionProblems to name.
      return { ...base, type: form.type, correctAnswer: form.correctAnswer as boolean };
    case 'short_text':
      return {
        ...base,
        type: form.type,
        acceptedAnswers: form.acceptedAnswers.map((answer) => answer.trim()),
        ...(form.diacriticInsensitive ? { diacriticInsensitive: true } : {}),
      };
  }
}

/** The request body for a question: exactly the fields of its type (and its image, when it has one). */
export function questionBody(question: AuthorQuestion): QuestionBody {
  if (question.type === 'true_false' && typeof question.correctAnswer !== 'boolean') {
    const { correctAnswer: _missing, ...rest } = question;
    return rest;
  }
  return question;
}

/** An AuthorQuestion from the bank's flat DTO (for the learner preview). */
export function authorQuestion(question: StudioQuestion): AuthorQuestion {
  return questionFromForm(formFromQuestion(question));
}

export function canAddOption(form: QuestionFormValues): boolean {
  return form.options.length < MAX_OPTIONS;
}

export function canRemoveOption(form: QuestionFormValues): boolean {
  return form.options.length > MIN_OPTIONS;
}

/** The options with the one at `index` moved one place up (-1) or down (1); null at an end. */
export function moveOption(
  options: readonly OptionDraft[],
  index: number,
  step: -1 | 1,
): OptionDraft[] | null {
  const target = index + step;
  if (index < 0 || index >= options.length || target < 0 || target >= options.length) return null;
  const next = [...options];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Search key of a text: lower case, without diacritics ("Căn cước" → "can cuoc"). */
export function searchKey(text: string): string {
  return normalizeShortText(text, { diacriticInsensitive: true });
}

/** The questions with `tag` (all when null) whose text, in any language, contains `search`. */
export function filterQuestions<Question extends { text: LocalizedText; tags: string[] }>(
  questions: readonly Question[],
  tag: string | null,
  search: string,
): Question[] {
  const needle = searchKey(search);
  return questions.filter(
    (question) =>
      (tag === null || question.tags.includes(tag)) &&
      (needle === '' || Object.values(question.text).some((text) => searchKey(text).includes(needle))),
  );
}

/** How many questions carry each tag, in the order of `tags`. */
export function tagCounts(
  questions: readonly { tags: string[] }[],
  tags: readonly string[],
): { tag: string; count: number }[] {
  return tags.map((tag) => ({
    tag,
    count: questions.filter((question) => question.tags.includes(tag)).length,
  }));
}
