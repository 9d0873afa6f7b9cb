/**
 * Grading one answer against its question, on the server (the portal never has the answers to grade
 * with). Scores are fractions in [0, 1]; `correct` means full marks.
 *
 *   single_choice, true_false  exact.
 *   multiple_choice            all-or-nothing: exactly the correct options ticked. With `partialCredit`:
 *                              (correct ticks − wrong ticks) / number of correct options, never below 0 —
 *                              so ticking every option earns nothing unless every option is correct.
 *   ordering                   all-or-nothing: the exact order. With `partialCredit`: the share of item
 *                              pairs the learner put in the same relative order as the correct order
 *                              (pairwise, i.e. 1 − normalised Kendall tau distance). Swapping two
 *                              neighbours costs little, moving an item far costs more, the reverse order
 *                              scores 0. (Chosen over "longest correct subsequence / n", which gives every
 *                              order, even the reverse, at least 1/n and barely separates near-misses.)
 *   short_text                 equal to one of the accepted answers after `normalizeShortText`.
 *
 * No answer (null/undefined) scores 0.
 */
import {
  Answer,
  MultipleChoiceAnswer,
  OrderingAnswer,
  ShortTextAnswer,
  SingleChoiceAnswer,
  TrueFalseAnswer,
} from './answers';
import { isPermutation } from './internal';
import { AuthorQuestion } from './question';

export interface GradeResult {
  /** Full marks. */
  correct: boolean;
  /** 0 … 1. */
  score: number;
}

const WRONG: GradeResult = { correct: false, score: 0 };
const RIGHT: GradeResult = { correct: true, score: 1 };

/**
 * Grades `answer` (checked by `checkAnswer` against this question) — see the rules above. Throws a
 * TypeError when the answer is of another type than the question (a programming error, not a learner's).
 */
export function grade(question: AuthorQuestion, answer: Answer | null | undefined): GradeResult {
  if (answer === null || answer === undefined) return { ...WRONG };
  if (answer.type !== question.type) {
    throw new TypeError(`A ${answer.type} answer cannot grade a ${question.type} question`);
  }
  switch (question.type) {
    case 'single_choice':
      return result((answer as SingleChoiceAnswer).optionId === question.correctOptionId);
    case 'true_false':
      return result((answer as TrueFalseAnswer).value === question.correctAnswer);
    case 'multiple_choice': {
      const picked = new Set((answer as MultipleChoiceAnswer).optionIds);
      const correct = new Set(question.correctOptionIds);
      let right = 0;
      let wrong = 0;
      for (const id of picked) {
        if (correct.has(id)) right++;
        else wrong++;
      }
      const exact = right === correct.size && wrong === 0;
      if (!question.partialCredit || exact) return result(exact);
      return { correct: false, score: correct.size === 0 ? 0 : Math.max(0, right - wrong) / correct.size };
    }
    case 'ordering': {
      const order = (answer as OrderingAnswer).order;
      if (!isPermutation(order, question.correctOrder)) return { ...WRONG };
      const exact = order.every((id, i) => id === question.correctOrder[i]);
      if (!question.partialCredit || exact) return result(exact);
      return { correct: false, score: pairwiseOrderScore(question.correctOrder, order) };
    }
    case 'short_text': {
      const options = { diacriticInsensitive: question.diacriticInsensitive === true };
      const given = (answer as ShortTextAnswer).text;
      return result(question.acceptedAnswers.some((accepted) => shortTextMatches(given, accepted, options)));
    }
  }
}

function result(correct: boolean): GradeResult {
  return correct ? { ...RIGHT } : { ...WRONG };
}

/**
 * Share of the n(n−1)/2 item pairs that `order` keeps in the relative order they have in `correctOrder`
 * (both permutations of the same ids): 1 for the correct order, 0 for its reverse.
 */
export function pairwiseOrderScore(correctOrder: readonly string[], order: readonly string[]): number {
  const n = correctOrder.length;
  if (n < 2) return 1;
  const position = new Map(order.map((id, i) => [id, i]));
  let kept = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if ((position.get(correctOrder[i]) ?? 0) < (position.get(correctOrder[j]) ?? 0)) kept++;
    }
  }
  return kept / ((n * (n - 1)) / 2);
}

/** Vietnamese tone marks as combining characters (after NFD): huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Zero-width characters some keyboards and copy-paste leave behind. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

export interface ShortTextOptions {
  /** Ignore every diacritic and read đ as d. */
  diacriticInsensitive?: boolean;
}

/**
 * The comparison key of a short-text answer: two answers are "the same" when their keys are equal. A key
 * is for comparing only — it is decomposed (NFD) and not meant to be shown.
 *
 * 1. Unicode NFC, so a precomposed "ạ" and "a" + combining dot below (typed by some keyboards) are equal;
 * 2. lower case (Vietnamese locale; capitals such as "Đ" and "Ặ" lowered after composition);
 * 3. zero-width characters removed, whitespace runs (including non-breaking spaces) collapsed to one space,
 *    trimmed;
 * 4. then either
 *    - by default: the tone mark of each word moved to the end of the word, so the old and new tone
 *      placements match ("hòa" = "hoà", "thủy" = "thuỷ"); a word carries one tone, so nothing else merges;
 *      vowel marks (ă â ê ô ơ ư) and đ still count: "can cuoc" ≠ "căn cước";
 *    - with `diacriticInsensitive`: every combining mark removed (after NFD) and đ → d:
 *      "Căn cước công dân" = "can cuoc cong dan", "Đăng ký" = "dang ky".
 *
 * Punctuation is kept as typed ("3.5" ≠ "35"): list the variants you accept.
 */
export function normalizeShortText(text: string, options: ShortTextOptions = {}): string {
  const lowered = text.normalize('NFC').toLocaleLowerCase('vi').replace(INVISIBLE, '');
  const decomposed = lowered.normalize('NFD');
  const key = options.diacriticInsensitive
    ? decomposed.replace(/\p{M}/gu, '').replace(/đ/g, 'd')
    : decomposed.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
        const tones = word.match(TONE_MARKS);
        return tones ? word.replace(TONE_MARKS, '') + tones.join('') : word;
      });
  return key.replace(/\s+/gu, ' ').trim();
}

/** Whether `answer` matches `accepted` by the rules of `normalizeShortText`. Blank never matches. */
export function shortTextMatches(answer: string, accepted: string, options: ShortTextOptions = {}): boolean {
  const key = normalizeShortText(answer, options);
  return key !== '' && key === normalizeShortText(accepted, options);
}
