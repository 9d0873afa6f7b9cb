/**
 * Importing questions from the CSV (or XLSX) template. The caller parses the file into rows of cells
 * (strings); this turns the rows into author questions and a row-by-row report: valid rows are kept,
 * invalid ones are listed with their row number (the spreadsheet's: the header is row 1) and a specific
 * message, and nothing stops at the first bad row.
 *
 * Template (first row = header; column names are case-insensitive and may come in any order):
 *
 *   type                          single_choice | multiple_choice | true_false | ordering | short_text
 *                                 (spaces or "-" instead of "_" are accepted: "single choice")
 *   tags                          pool tags separated by ";" or ",": "safety; VNeID"           (optional)
 *   question_vi                   the question in Vietnamese                                    (required)
 *   question_<lang>               the question in another language: question_en, question_blt (optional)
 *   option_1 … option_6           option texts in Vietnamese, filled from option_1 without gaps
 *   option_<n>_<lang>             an option in another language: option_1_en                   (optional)
 *   correct                       single_choice: the correct option's number ("2")
 *                                 multiple_choice: the correct options' numbers ("1;3")
 *                                 true_false: true or false (also đúng / sai)
 *                                 ordering: the option numbers in the correct order ("3;1;2;4")
 *                                 short_text: the accepted answers separated by "|" ("CCCD|căn cước")
 *   explanation_vi                why, shown after grading when the quiz allows               (optional)
 *   explanation_<lang>            the explanation in another language                          (optional)
 *   accept_diacritic_insensitive  short_text only: yes/no — also accept answers typed without diacritics
 *   partial_credit                multiple_choice and ordering only: yes/no (see `grade`)      (optional)
 *
 * Numbers in `correct` may be separated by ";", "," or spaces. Yes/no cells take yes, no, true, false, 1,
 * 0, x, có, không (blank = no). Texts are trimmed and stored in Unicode NFC. Rows whose cells are all blank
 * are skipped. Images are not imported (upload them in the editor).
 *
 * The template's options are numbered; the stored options get ids from `newId` — pass a random id
 * generator (the server's `randomUUID`): ids must not reveal the options' positions (see question.ts).
 */
import { normalizeShortText } from './grading';
import {
  AuthorQuestion,
  MAX_OPTIONS,
  MIN_OPTIONS,
  QUESTION_TYPES,
  QuestionOption,
  questionProblems,
  QuestionType,
} from './question';

export interface QuestionImportOptions {
  /** Makes a new, random, opaque option id (e.g. `() => randomUUID()`). */
  newId: () => string;
}

export interface QuestionImportError {
  /** Spreadsheet row number: the header is row 1, the first question row 2. */
  row: number;
  message: string;
}

export interface QuestionImportResult {
  /** The valid rows' questions, in file order. */
  questions: AuthorQuestion[];
  /** The row each question came from (same index as `questions`). */
  questionRows: number[];
  /** One entry per problem (a row with three problems has three entries), in row order. */
  errors: QuestionImportError[];
}

/** Most question rows in one import. */
export const QUESTION_IMPORT_MAX_ROWS = 2000;
/** Longest CSV file accepted, in characters (the studio checks before sending, the API again). */
export const QUESTION_IMPORT_CSV_MAX_LENGTH = 1_000_000;
/** Largest XLSX workbook accepted, in bytes. */
export const QUESTION_IMPORT_XLSX_MAX_BYTES = 5 * 1024 * 1024;

const LANGUAGE = '([a-z]{2,3})';
const QUESTION_COLUMN = new RegExp(`^question_${LANGUAGE}$`);
const EXPLANATION_COLUMN = new RegExp(`^explanation_${LANGUAGE}$`);
const OPTION_COLUMN = new RegExp(`^option_(\\d{1,2})(?:_${LANGUAGE})?$`);
const FLAG_COLUMNS = ['accept_diacritic_insensitive', 'partial_credit'] as const;
const REQUIRED_COLUMNS = ['type', 'question_vi', 'correct'];

/**
 * The template's columns in Vietnamese only, in the order the downloadable template lists them (the
 * studio's template files are built from this). Columns for other languages (question_en, option_1_en,
 * explanation_en, …) may be added anywhere.
 */
export const QUESTION_TEMPLATE_COLUMNS: readonly string[] = [
  'type',
  'tags',
  'question_vi',
  ...Array.from({ length: MAX_OPTIONS }, (_, i) => `option_${i + 1}`),
  'correct',
  'explanation_vi',
  ...FLAG_COLUMNS,
];

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'co']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'khong']);
const TRUE_WORDS = new Set(['true', 't', 'dung', 'yes', '1', 'co']);
const FALSE_WORDS = new Set(['false', 'f', 'sai', 'no', '0', 'khong']);

/** Where each kind of column is in the header. */
interface Layout {
  width: number;
  type: number;
  correct: number;
  tags: number | undefined;
  flags: Partial<Record<(typeof FLAG_COLUMNS)[number], number>>;
  /** language → column */
  question: Map<string, number>;
  explanation: Map<string, number>;
  /** options[n − 1]: the columns of option n, language → column ("vi" for option_<n>). */
  options: Map<string, number>[];
}

/**
 * Parses the template's rows (`rows[0]` is the header) into questions and a row report. A header problem
 * (missing required column, unknown or repeated column) is reported on row 1 and imports nothing.
 */
export function parseQuestionRows(
  rows: readonly (readonly string[])[],
  options: QuestionImportOptions,
): QuestionImportResult {
  const result: QuestionImportResult = { questions: [], questionRows: [], errors: [] };
  if (rows.length === 0) {
    result.errors.push({ row: 1, message: 'The file is empty: the first row must be the header (type, …)' });
    return result;
  }
  const header = readHeader(rows[0]);
  if ('problems' in header) {
    result.errors.push(...header.problems.map((message) => ({ row: 1, message })));
    return result;
  }
  const layout = header.layout;

  const questionRows = rows
    .slice(1)
    .flatMap((cells, i) => (cells.every(isBlank) ? [] : [{ cells, row: i + 2 }]));
  if (questionRows.length === 0) {
    result.errors.push({ row: 1, message: 'The file has a header but no question rows' });
    return result;
  }
  if (questionRows.length > QUESTION_IMPORT_MAX_ROWS) {
    result.errors.push({
      row: 1,
      message: `The file has ${questionRows.length} question rows; import at most ${QUESTION_IMPORT_MAX_ROWS} at a time`,
    });
    return result;
  }

  for (const { cells, row } of questionRows) {
    const parsed = parseRow(cells, layout, options.newId);
    if ('problems' in parsed) {
      result.errors.push(...parsed.problems.map((message) => ({ row, message })));
    } else {
      result.questions.push(parsed.question);
      result.questionRows.push(row);
    }
  }
  return result;
}

function readHeader(cells: readonly string[]): { layout: Layout } | { problems: string[] } {
  const problems: string[] = [];
  const names = cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim().toLowerCase());
  const columns = new Map<string, number>();
  const optionColumns: Map<string, number>[] = [];
  const layout: Omit<Layout, 'type' | 'correct'> = {
    width: names.length,
    tags: undefined,
    flags: {},
    question: new Map(),
    explanation: new Map(),
    options: optionColumns,
  };

  names.forEach((name, i) => {
    if (name === '') {
      // A trailing empty header cell (an extra separator) is harmless; one in the middle hides data.
      if (names.slice(i).some((rest) => rest !== '')) {
        problems.push(`Column ${i + 1} of the header has no name`);
      }
      return;
    }
    if (columns.has(name)) {
      problems.push(`The header has the column "${name}" twice`);
      return;
    }
    columns.set(name, i);
    let match: RegExpExecArray | null;
    if (name === 'type' || name === 'correct') return;
    if (name === 'tags') layout.tags = i;
    else if ((FLAG_COLUMNS as readonly string[]).includes(name)) {
      layout.flags[name as (typeof FLAG_COLUMNS)[number]] = i;
    } else if ((match = QUESTION_COLUMN.exec(name))) layout.question.set(match[1], i);
    else if ((match = EXPLANATION_COLUMN.exec(name))) layout.explanation.set(match[1], i);
    else if ((match = OPTION_COLUMN.exec(name)) && Number(match[1]) >= 1) {
      const n = Number(match[1]);
      optionColumns[n - 1] ??= new Map();
      optionColumns[n - 1].set(match[2] ?? 'vi', i);
    } else {
      problems.push(
        `Unknown column "${name}". The columns are: type, tags, question_vi, question_<language>, ` +
          'option_1 … option_6, option_<n>_<language>, correct, explanation_vi, explanation_<language>, ' +
          'accept_diacritic_insensitive, partial_credit',
      );
    }
  });

  const missing = REQUIRED_COLUMNS.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    problems.push(`The header must have the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  for (let n = 1; n <= optionColumns.length; n++) {
    if (!optionColumns[n - 1]?.has('vi')) {
      problems.push(
        `The header has option_${optionColumns.length}… but no option_${n}: number the options 1, 2, 3…`,
      );
      break;
    }
  }
  if (problems.length > 0) return { problems };
  return { layout: { ...layout, type: columns.get('type') ?? 0, correct: columns.get('correct') ?? 0 } };
}

type RowResult = { question: AuthorQuestion } | { problems: string[] };

function parseRow(cells: readonly string[], layout: Layout, newId: () => string): RowResult {
  const problems: string[] = [];
  const cell = (column: number | undefined): string =>
    column === undefined ? '' : (cells[column] ?? '').trim().normalize('NFC');

  if (cells.length > layout.width && cells.slice(layout.width).some((extra) => !isBlank(extra))) {
    problems.push(
      `The row has ${cells.length} cells but the header has ${layout.width} columns ` +
        '(a comma inside a cell needs the cell in double quotes)',
    );
  }

  // type
  const typeCell = cell(layout.type);
  const typeName = typeCell.toLowerCase().replace(/[\s-]+/g, '_');
  const type = QUESTION_TYPES.find((known) => known === typeName);
  if (type === undefined) {
    problems.push(
      typeCell === ''
        ? `The type is empty; use ${QUESTION_TYPES.join(', ')}`
        : `Unknown type "${typeCell}"; use ${QUESTION_TYPES.join(', ')}`,
    );
  }

  // texts
  const text = localizedCells(layout.question, cell);
  if (!text['vi']) {
    problems.push(
      Object.keys(text).length > 0
        ? `question_vi is empty: the Vietnamese question is required (other languages are optional)`
        : 'The question is empty: fill question_vi',
    );
  }
  const explanation = localizedCells(layout.explanation, cell);
  if (Object.keys(explanation).length > 0 && !explanation['vi']) {
    problems.push('explanation_vi is empty: an explanation in another language needs the Vietnamese one too');
  }

  // options, numbered from 1 without gaps
  const optionTexts: Record<string, string>[] = [];
  let gapAt: number | undefined;
  layout.options.forEach((columns, i) => {
    const texts = localizedCells(columns, cell);
    const n = i + 1;
    if (Object.keys(texts).length === 0) {
      gapAt ??= n;
      return;
    }
    if (!texts['vi']) {
      const language = Object.keys(texts)[0];
      problems.push(`option_${n}_${language} is filled but option_${n} (Vietnamese) is empty`);
    }
    if (gapAt !== undefined) {
      problems.push(
        `option_${gapAt} is empty but option_${n} is filled: fill the options from option_1 without gaps`,
      );
      gapAt = undefined;
    }
    optionTexts.push(texts);
  });

  // flags
  const flag = (name: (typeof FLAG_COLUMNS)[number]): boolean | undefined => {
    const raw = cell(layout.flags[name]);
    const word = normalizeShortText(raw, { diacriticInsensitive: true });
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    problems.push(`${name} must be yes or no, not "${raw}"`);
    return undefined;
  };
  const diacriticInsensitive = flag('accept_diacritic_insensitive');
  const partialCredit = flag('partial_credit');

  const tags = [
    ...new Set(
      cell(layout.tags)
        .split(/[;,]/)
        .map((tag) => tag.trim().replace(/\s+/g, ' '))
        .filter((tag) => tag !== ''),
    ),
  ];

  if (type === undefined) return { problems };

  const correct = cell(layout.correct);
  const count = optionTexts.length;
  const takesOptions = type === 'single_choice' || type === 'multiple_choice' || type === 'ordering';
  if (takesOptions && count > MAX_OPTIONS) {
    problems.push(`Too many options: ${count}; a question has at most ${MAX_OPTIONS}`);
  } else if (takesOptions && count < MIN_OPTIONS) {
    problems.push(
      `A ${type} question needs at least ${MIN_OPTIONS} options (option_1, option_2, …); this row has ${count}`,
    );
  } else if (!takesOptions && count > 0) {
    problems.push(`A ${type} question has no options: leave option_1 … empty`);
  }
  if (diacriticInsensitive && type !== 'short_text') {
    problems.push('accept_diacritic_insensitive applies to short_text questions only');
  }
  if (partialCredit && type !== 'multiple_choice' && type !== 'ordering') {
    problems.push('partial_credit applies to multiple_choice and ordering questions only');
  }

  // The correct answer, as option numbers (1-based) or values; checked even when other cells had problems.
  const answer = takesOptions && count < MIN_OPTIONS ? null : readCorrect(type, correct, count, problems);
  if (problems.length > 0 || answer === null) return { problems };

  const optionList: QuestionOption[] = optionTexts.map((texts) => ({ id: newId(), text: texts }));
  const idOf = (n: number) => optionList[n - 1].id;
  const base = { text, ...(Object.keys(explanation).length > 0 ? { explanation } : {}), tags };
  let question: AuthorQuestion;
  switch (answer.type) {
    case 'single_choice':
      question = {
        ...base,
        type: answer.type,
        options: optionList,
        correctOptionId: idOf(answer.numbers[0]),
      };
      break;
    case 'multiple_choice':
      question = {
        ...base,
        type: answer.type,
        options: optionList,
        correctOptionIds: answer.numbers.map(idOf),
        ...(partialCredit ? { partialCredit } : {}),
      };
      break;
    case 'ordering':
      question = {
        ...base,
        type: answer.type,
        options: optionList,
        correctOrder: answer.numbers.map(idOf),
        ...(partialCredit ? { partialCredit } : {}),
      };
      break;
    case 'true_false':
      question = { ...base, type: answer.type, correctAnswer: answer.value };
      break;
    case 'short_text':
      question = {
        ...base,
        type: answer.type,
        acceptedAnswers: answer.accepted,
        ...(diacriticInsensitive ? { diacriticInsensitive } : {}),
      };
      break;
  }

  // Lengths, duplicate options, tag limits: the same rules as the editor's.
  const remaining = questionProblems(question);
  return remaining.length > 0 ? { problems: remaining } : { question };
}

type CorrectCell =
  | { type: 'single_choice' | 'multiple_choice' | 'ordering'; numbers: number[] }
  | { type: 'true_false'; value: boolean }
  | { type: 'short_text'; accepted: string[] };

/** Reads the `correct` cell for a question of `type` with `count` options, or reports why it cannot. */
function readCorrect(
  type: QuestionType,
  correct: string,
  count: number,
  problems: string[],
): CorrectCell | null {
  switch (type) {
    case 'single_choice': {
      const numbers = optionNumbers(correct, count, problems, 'the correct option number, e.g. 2');
      if (numbers && numbers.length !== 1) {
        problems.push(`A single_choice question has one correct answer; correct says "${correct}"`);
        return null;
      }
      return numbers && { type, numbers };
    }
    case 'multiple_choice': {
      const numbers = optionNumbers(correct, count, problems, 'the correct option numbers, e.g. 1;3');
      if (numbers && new Set(numbers).size !== numbers.length) {
        problems.push(`correct lists an option twice: "${correct}"`);
        return null;
      }
      return numbers && { type, numbers };
    }
    case 'ordering': {
      if (correct === '') {
        problems.push(
          "correct is empty: an ordering question needs its options' numbers in the correct order, e.g. 2;1;3",
        );
        return null;
      }
      const numbers = optionNumbers(
        correct,
        count,
        problems,
        'the option numbers in the correct order, e.g. 2;1;3',
      );
      if (numbers && (numbers.length !== count || new Set(numbers).size !== count)) {
        problems.push(
          `correct must list each option number 1–${count} exactly once, in the correct order; it says "${correct}"`,
        );
        return null;
      }
      return numbers && { type, numbers };
    }
    case 'true_false': {
      const word = normalizeShortText(correct, { diacriticInsensitive: true });
      const value = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
      if (value === undefined) {
        problems.push(
          correct === ''
            ? 'correct is empty: write true or false (đúng or sai)'
            : `correct must be true or false (đúng or sai), not "${correct}"`,
        );
        return null;
      }
      return { type, value };
    }
    case 'short_text': {
      const accepted = [
        ...new Set(
          correct
            .split('|')
            .map((answer) => answer.trim())
            .filter((answer) => answer !== ''),
        ),
      ];
      if (accepted.length === 0) {
        problems.push(
          'correct is empty: write the accepted answers separated by "|", e.g. CCCD|căn cước công dân',
        );
        return null;
      }
      return { type, accepted };
    }
  }
}

/**
 * The option numbers in `correct` (1-based, each within 1…count), or null after reporting the problem.
 * `expected` describes what should be there, for the message.
 */
function optionNumbers(
  correct: string,
  count: number,
  problems: string[],
  expected: string,
): number[] | null {
  if (correct === '') {
    problems.push(`correct is empty: write ${expected}`);
    return null;
  }
  const parts = correct.split(/[;,\s]+/).filter((part) => part !== '');
  const notNumber = parts.find((part) => !/^\d+$/.test(part));
  if (notNumber !== undefined) {
    problems.push(`correct must contain option numbers (${expected}), not "${notNumber}"`);
    return null;
  }
  const numbers = parts.map(Number);
  const outside = numbers.find((n) => n < 1 || n > count);
  if (outside !== undefined) {
    problems.push(`The correct answer ${outside} is not among the options (this row has options 1–${count})`);
    return null;
  }
  return numbers;
}

/** The non-empty cells of a language → column map, as a LocalizedText. */
function localizedCells(
  columns: Map<string, number>,
  cell: (column: number) => string,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [language, column] of columns) {
    const value = cell(column);
    if (value !== '') texts[language] = value;
  }
  return texts;
}

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}
