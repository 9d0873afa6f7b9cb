/**
 * The row report's problems (the English messages of @hocvu/assessment's `parseQuestionRows`, plus the
 * API's "Unknown language"), told in the teacher's language. Rows that parse but break a question rule
 * carry `questionProblems` messages instead: those are question-problems.ts's. The spec feeds broken
 * sheets to parseQuestionRows and checks every message is recognised here.
 */

/** Keys under `studio.questions.importProblems` in the catalogues. */
export const IMPORT_PROBLEM_KEYS = [
  'fileEmpty',
  'noRows',
  'tooManyRows',
  'headerBlank',
  'headerTwice',
  'unknownColumn',
  'missingColumns',
  'optionNumbering',
  'extraCells',
  'typeEmpty',
  'typeUnknown',
  'questionEmpty',
  'explanationViEmpty',
  'optionViEmpty',
  'optionGap',
  'yesNo',
  'tooManyOptions',
  'tooFewOptions',
  'noOptionsAllowed',
  'diacriticShortTextOnly',
  'partialCreditOnly',
  'singleOneAnswer',
  'correctTwice',
  'correctEmptyOrdering',
  'orderingIncomplete',
  'correctEmptyTrueFalse',
  'trueFalseValue',
  'correctEmptyShortText',
  'correctEmptyNumbers',
  'correctNotNumbers',
  'correctOutOfRange',
  'unknownLanguage',
] as const;
export type ImportProblemKey = (typeof IMPORT_PROBLEM_KEYS)[number];

export interface DescribedImportProblem {
  key: ImportProblemKey;
  params: Record<string, string | number>;
}

type Rule = [RegExp, ImportProblemKey, ...string[]];

/** Each pattern's groups become the named params, in order. More specific patterns come first. */
const RULES: readonly Rule[] = [
  [/^The file is empty: the first row must be the header/, 'fileEmpty'],
  [/^The file has a header but no question rows$/, 'noRows'],
  [/^The file has (\d+) question rows; import at most (\d+) at a time$/, 'tooManyRows', 'count', 'max'],
  [/^Column (\d+) of the header has no name$/, 'headerBlank', 'number'],
  [/^The header has the column "(.*)" twice$/, 'headerTwice', 'column'],
  [/^Unknown column "(.*)"\./, 'unknownColumn', 'column'],
  [/^The header must have the columns? (.+)$/, 'missingColumns', 'columns'],
  [/^The header has option_(\d+)… but no option_(\d+)/, 'optionNumbering', 'last', 'missing'],
  [/^The row has (\d+) cells but the header has (\d+) columns/, 'extraCells', 'cells', 'columns'],
  [/^The type is empty/, 'typeEmpty'],
  [/^Unknown type "(.*)"; use /, 'typeUnknown', 'value'],
  [/^(?:question_vi is empty|The question is empty)/, 'questionEmpty'],
  [/^explanation_vi is empty/, 'explanationViEmpty'],
  [
    /^option_(\d+)_(\w+) is filled but option_\d+ \(Vietnamese\) is empty$/,
    'optionViEmpty',
    'number',
    'language',
  ],
  [/^option_(\d+) is empty but option_(\d+) is filled/, 'optionGap', 'empty', 'filled'],
  [/^(\w+) must be yes or no, not "(.*)"$/, 'yesNo', 'column', 'value'],
  [/^Too many options: (\d+); a question has at most (\d+)$/, 'tooManyOptions', 'count', 'max'],
  [
    /^A (\w+) question needs at least (\d+) options .*; this row has (\d+)$/,
    'tooFewOptions',
    'type',
    'min',
    'count',
  ],
  [/^A (\w+) question has no options/, 'noOptionsAllowed', 'type'],
  [/^accept_diacritic_insensitive applies to short_text questions only$/, 'diacriticShortTextOnly'],
  [/^partial_credit applies to multiple_choice and ordering questions only$/, 'partialCreditOnly'],
  [/^A single_choice question has one correct answer; correct says "(.*)"$/, 'singleOneAnswer', 'value'],
  [/^correct lists an option twice: "(.*)"$/, 'correctTwice', 'value'],
  [/^correct is empty: an ordering question/, 'correctEmptyOrdering'],
  [
    /^correct must list each option number 1–(\d+) exactly once.*; it says "(.*)"$/,
    'orderingIncomplete',
    'count',
    'value',
  ],
  [/^correct is empty: write true or false/, 'correctEmptyTrueFalse'],
  [/^correct must be true or false \(đúng or sai\), not "(.*)"$/, 'trueFalseValue', 'value'],
  [/^correct is empty: write the accepted answers/, 'correctEmptyShortText'],
  [/^correct is empty: write /, 'correctEmptyNumbers'],
  [/^correct must contain option numbers \(.*\), not "(.*)"$/, 'correctNotNumbers', 'value'],
  [
    /^The correct answer (\d+) is not among the options \(this row has options 1–(\d+)\)$/,
    'correctOutOfRange',
    'number',
    'count',
  ],
  [/^Unknown language (.+)$/, 'unknownLanguage', 'languages'],
];

/** What a row-report message means, or null for one this table does not know. */
export function describeImportProblem(message: string): DescribedImportProblem | null {
  for (const [pattern, key, ...names] of RULES) {
    const match = pattern.exec(message);
    if (match) {
      return { key, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])) };
    }
  }
  return null;
}
