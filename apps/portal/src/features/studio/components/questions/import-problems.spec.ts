import { parseQuestionRows } from '@hocvu/assessment';
import { describe, expect, it } from '@jest/globals';

import { describeImportProblem, IMPORT_PROBLEM_KEYS } from './import-problems';
import { describeProblem } from './question-problems';

const HEADER = [
  'type',
  'tags',
  'question_vi',
  'question_en',
  'option_1',
  'option_1_en',
  'option_2',
  'option_3',
  'correct',
  'explanation_vi',
  'explanation_en',
  'accept_diacritic_insensitive',
  'partial_credit',
];

/** A row of HEADER's columns from named cells. */
const row = (cells: Partial<Record<string, string>>): string[] => HEADER.map((column) => cells[column] ?? '');
const q = { question_vi: 'Câu hỏi' };

/** Sheets that between them produce every message parseQuestionRows has. */
const SHEETS: string[][][] = [
  [],
  [['type', 'question_vi', 'correct']],
  [['type', '', 'question_vi', 'question_vi', 'câu_hỏi', 'option_2'], ['single_choice']],
  [['type', 'question_vi', 'correct', 'option_1', 'option_3'], ['single_choice']],
  [['question_vi'], ['x']],
  [
    HEADER,
    row({ ...q }),
    row({ ...q, type: 'essay' }),
    row({ type: 'single_choice', question_en: 'Only English', option_1: 'A', option_2: 'B', correct: '1' }),
    row({ type: 'single_choice', option_1: 'A', option_2: 'B', correct: '1' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_2: 'B', correct: '1', explanation_en: 'Why' }),
    row({ ...q, type: 'single_choice', option_1_en: 'A', option_2: 'B', correct: '1' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_3: 'C', correct: '1' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_2: 'B', correct: '1', partial_credit: 'maybe' }),
    row({ ...q, type: 'single_choice', option_1: 'A', correct: '1' }),
    row({ ...q, type: 'true_false', option_1: 'A', correct: 'đúng' }),
    row({
      ...q,
      type: 'single_choice',
      option_1: 'A',
      option_2: 'B',
      correct: '1',
      accept_diacritic_insensitive: 'có',
    }),
    row({ ...q, type: 'short_text', correct: 'CCCD', partial_credit: 'có' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_2: 'B', correct: '1;2' }),
    row({ ...q, type: 'multiple_choice', option_1: 'A', option_2: 'B', correct: '1;1' }),
    row({ ...q, type: 'ordering', option_1: 'A', option_2: 'B' }),
    row({ ...q, type: 'ordering', option_1: 'A', option_2: 'B', correct: '1' }),
    row({ ...q, type: 'true_false' }),
    row({ ...q, type: 'true_false', correct: 'có lẽ' }),
    row({ ...q, type: 'short_text' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_2: 'B' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_2: 'B', correct: 'B' }),
    row({ ...q, type: 'single_choice', option_1: 'A', option_2: 'B', correct: '3' }),
    [...row({ ...q, type: 'true_false', correct: 'sai' }), 'thừa'],
  ],
  [
    [
      'type',
      'question_vi',
      'option_1',
      'option_2',
      'option_3',
      'option_4',
      'option_5',
      'option_6',
      'option_7',
      'correct',
    ],
    ['single_choice', 'Câu', 'A', 'B', 'C', 'D', 'E', 'F', 'G', '1'],
  ],
  [['type', 'question_vi', 'correct'], ...Array.from({ length: 2001 }, () => ['true_false', 'Câu', 'đúng'])],
];

describe('describeImportProblem', () => {
  const messages = [
    ...new Set(
      SHEETS.flatMap(
        (rows) => parseQuestionRows(rows, { newId: () => Math.random().toString(36).slice(2) }).errors,
      ).map((error) => error.message),
    ),
  ];

  it('recognises every message of the row report (or question-problems.ts does)', () => {
    expect(messages.length).toBeGreaterThanOrEqual(31);
    const unknown = messages.filter(
      (message) => !describeImportProblem(message) && !describeProblem(message).key,
    );
    expect(unknown).toEqual([]);
    // And every rule here is one the parser still needs (the API adds "Unknown language").
    const used = new Set(messages.map((message) => describeImportProblem(message)?.key));
    expect(IMPORT_PROBLEM_KEYS.filter((key) => !used.has(key))).toEqual(['unknownLanguage']);
  });

  it('keeps the values a message names', () => {
    expect(describeImportProblem('Unknown type "essay"; use single_choice, multiple_choice')).toEqual({
      key: 'typeUnknown',
      params: { value: 'essay' },
    });
    expect(
      describeImportProblem('The correct answer 3 is not among the options (this row has options 1–2)'),
    ).toEqual({ key: 'correctOutOfRange', params: { number: '3', count: '2' } });
    expect(describeImportProblem('correct is empty: write true or false (đúng or sai)')?.key).toBe(
      'correctEmptyTrueFalse',
    );
    expect(describeImportProblem('correct is empty: write the correct option number, e.g. 2')?.key).toBe(
      'correctEmptyNumbers',
    );
    expect(describeImportProblem('Unknown language xx')).toEqual({
      key: 'unknownLanguage',
      params: { languages: 'xx' },
    });
    expect(describeImportProblem('Option 2 has the same text as option 1')).toBeNull();
  });
});
