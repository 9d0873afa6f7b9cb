/**
 * The problems @hocvu/assessment's `questionProblems` finds (in English, the same list the API answers
 * with in QUESTION_INVALID's `details.problems`), told in the teacher's language and tied to the part of
 * the form they concern. The spec runs questionProblems on broken questions and checks every message is
 * recognised here, so a reworded message fails the tests instead of reaching teachers untranslated.
 */

/** The part of the question editor a problem concerns. */
export type ProblemField =
  | { kind: 'text' }
  | { kind: 'explanation' }
  /** The picture itself (not uploaded). */
  | { kind: 'image' }
  /** The picture's description. */
  | { kind: 'imageAlt' }
  | { kind: 'tags' }
  | { kind: 'options' }
  /** 0-based */
  | { kind: 'option'; index: number }
  | { kind: 'correct' }
  | { kind: 'acceptedAnswers' }
  /** 0-based */
  | { kind: 'acceptedAnswer'; index: number }
  | { kind: 'form' };

/** Keys under `studio.questions.problems` in the catalogues. */
export type ProblemKey =
  | 'textRequired'
  | 'textTooLong'
  | 'explanationRequired'
  | 'explanationTooLong'
  | 'imageMissing'
  | 'imageUploading'
  | 'imageAltRequired'
  | 'imageAltTooLong'
  | 'optionRequired'
  | 'optionTooLong'
  | 'optionDuplicate'
  | 'optionInvalid'
  | 'tooFewOptions'
  | 'tooManyOptions'
  | 'correctOption'
  | 'correctOptions'
  | 'correctTrueFalse'
  | 'correctOrder'
  | 'acceptedRequired'
  | 'acceptedTooMany'
  | 'acceptedEmpty'
  | 'acceptedTooLong'
  | 'tagsTooMany'
  | 'tagInvalid'
  | 'tagTooLong'
  | 'tagTwice';

export interface DescribedProblem {
  /** null: not recognised; show `message` as it is. */
  key: ProblemKey | null;
  params: Record<string, string | number>;
  field: ProblemField;
  /** The original (English) message. */
  message: string;
}

type Rule = [RegExp, (match: RegExpExecArray) => Omit<DescribedProblem, 'message'>];

const number = (text: string | undefined): number => Number(text ?? 0);

/** Labels of questionProblems' texts: `The question text`, `The explanation`, `Option 3`… */
const TEXT = 'The question text';
const EXPLANATION = 'The explanation';
const IMAGE_ALT = 'The image description \\(alt text\\)';

const RULES: readonly Rule[] = [
  [
    new RegExp(`^${TEXT} (?:needs Vietnamese \\(vi\\)|is missing)$`),
    () => ({ key: 'textRequired', params: {}, field: { kind: 'text' } }),
  ],
  [
    new RegExp(`^${TEXT} \\((\\S+)\\) is longer than (\\d+) characters$`),
    (m) => ({
      key: 'textTooLong',
      params: { language: m[1] ?? '', max: number(m[2]) },
      field: { kind: 'text' },
    }),
  ],
  [
    new RegExp(`^${EXPLANATION} (?:needs Vietnamese \\(vi\\)|is missing)$`),
    () => ({ key: 'explanationRequired', params: {}, field: { kind: 'explanation' } }),
  ],
  [
    new RegExp(`^${EXPLANATION} \\((\\S+)\\) is longer than (\\d+) characters$`),
    (m) => ({
      key: 'explanationTooLong',
      params: { language: m[1] ?? '', max: number(m[2]) },
      field: { kind: 'explanation' },
    }),
  ],
  [
    // The second is the API's: a key that was not uploaded for this course.
    /^The image (?:has no storage key|must be uploaded for this course first)$/,
    () => ({ key: 'imageMissing', params: {}, field: { kind: 'image' } }),
  ],
  [
    new RegExp(`^${IMAGE_ALT} (?:needs Vietnamese \\(vi\\)|is missing)$`),
    () => ({ key: 'imageAltRequired', params: {}, field: { kind: 'imageAlt' } }),
  ],
  [
    new RegExp(`^${IMAGE_ALT} \\((\\S+)\\) is longer than (\\d+) characters$`),
    (m) => ({
      key: 'imageAltTooLong',
      params: { language: m[1] ?? '', max: number(m[2]) },
      field: { kind: 'imageAlt' },
    }),
  ],
  [
    /^Option (\d+) (?:needs Vietnamese \(vi\)|is missing)$/,
    (m) => option(m, 'optionRequired', { number: number(m[1]) }),
  ],
  [
    /^Option (\d+) \((\S+)\) is longer than (\d+) characters$/,
    (m) => option(m, 'optionTooLong', { number: number(m[1]), language: m[2] ?? '', max: number(m[3]) }),
  ],
  [
    /^Option (\d+) has the same text as option (\d+)$/,
    (m) => option(m, 'optionDuplicate', { number: number(m[1]), other: number(m[2]) }),
  ],
  [
    /^Option (\d+) has (?:no valid id|the same id as another option)/,
    (m) => option(m, 'optionInvalid', { number: number(m[1]) }),
  ],
  [
    /^(?:Give at least (\d+) options|The question has no options)/,
    (m) => ({ key: 'tooFewOptions', params: { min: number(m[1] ?? '2') }, field: { kind: 'options' } }),
  ],
  [
    /^Give at most (\d+) options/,
    (m) => ({ key: 'tooManyOptions', params: { max: number(m[1]) }, field: { kind: 'options' } }),
  ],
  [
    /^The correct answer must be one of the options$/,
    () => ({ key: 'correctOption', params: {}, field: { kind: 'correct' } }),
  ],
  [
    /^(?:Mark at least one option as correct|An option is marked correct twice|Every correct answer must be one of the options)$/,
    () => ({ key: 'correctOptions', params: {}, field: { kind: 'correct' } }),
  ],
  [
    /^Say whether the statement is true or false$/,
    () => ({ key: 'correctTrueFalse', params: {}, field: { kind: 'correct' } }),
  ],
  [
    /^The correct order must list every item exactly once$/,
    () => ({ key: 'correctOrder', params: {}, field: { kind: 'options' } }),
  ],
  [
    /^Give at least one accepted answer$/,
    () => ({ key: 'acceptedRequired', params: {}, field: { kind: 'acceptedAnswers' } }),
  ],
  [
    /^At most (\d+) accepted answers/,
    (m) => ({ key: 'acceptedTooMany', params: { max: number(m[1]) }, field: { kind: 'acceptedAnswers' } }),
  ],
  [/^Accepted answer (\d+) is empty$/, (m) => answer(m, 'acceptedEmpty', { number: number(m[1]) })],
  [
    /^Accepted answer (\d+) is longer than (\d+) characters$/,
    (m) => answer(m, 'acceptedTooLong', { number: number(m[1]), max: number(m[2]) }),
  ],
  [
    /^At most (\d+) tags/,
    (m) => ({ key: 'tagsTooMany', params: { max: number(m[1]) }, field: { kind: 'tags' } }),
  ],
  [
    /^Tag "(.*)" must be text without spaces around it$/,
    (m) => ({ key: 'tagInvalid', params: { tag: m[1] ?? '' }, field: { kind: 'tags' } }),
  ],
  [
    /^Tag "(.*)" is longer than (\d+) characters$/,
    (m) => ({ key: 'tagTooLong', params: { tag: m[1] ?? '', max: number(m[2]) }, field: { kind: 'tags' } }),
  ],
  [
    /^Tag "(.*)" appears twice$/,
    (m) => ({ key: 'tagTwice', params: { tag: m[1] ?? '' }, field: { kind: 'tags' } }),
  ],
];

function option(
  match: RegExpExecArray,
  key: ProblemKey,
  params: Record<string, string | number>,
): Omit<DescribedProblem, 'message'> {
  return { key, params, field: { kind: 'option', index: number(match[1]) - 1 } };
}

function answer(
  match: RegExpExecArray,
  key: ProblemKey,
  params: Record<string, string | number>,
): Omit<DescribedProblem, 'message'> {
  return { key, params, field: { kind: 'acceptedAnswer', index: number(match[1]) - 1 } };
}

/** What a questionProblems message means for the form; unknown messages are kept as they are. */
export function describeProblem(message: string): DescribedProblem {
  for (const [pattern, describe] of RULES) {
    const match = pattern.exec(message);
    if (match) return { ...describe(match), message };
  }
  return { key: null, params: {}, field: { kind: 'form' }, message };
}

/** The `problems` of a QUESTION_INVALID answer's details, when it has them. */
export function problemsOfDetails(details: unknown): string[] | null {
  if (typeof details !== 'object' || details === null || !('problems' in details)) return null;
  const { problems } = details;
  return Array.isArray(problems) && problems.every((problem) => typeof problem === 'string')
    ? problems
    : null;
}
