import { type AuthorQuestion, questionProblems } from '@hocvu/assessment';
import { describe, expect, it } from '@jest/globals';

import { describeProblem, problemsOfDetails } from './question-problems';

const long = (length: number) => 'a'.repeat(length);

/** Broken questions between them producing every message questionProblems has for the editor's fields. */
const BROKEN: unknown[] = [
  { type: 'single_choice', text: { vi: ' ' }, tags: [], options: [], correctOptionId: 'x' },
  {
    type: 'single_choice',
    text: { vi: long(2001), en: long(2001) },
    explanation: { en: 'Only English' },
    tags: [' có khoảng trắng ', long(41), 'VNeID', 'VNeID', 'a', 'b', 'c', 'd', 'e', 'f', 'g'],
    options: [
      { id: 'a1', text: { vi: 'Một' } },
      { id: 'a1', text: { vi: 'một ' } },
      { id: '!', text: { vi: 'Ba' } },
      { id: 'a4', text: { en: 'Four' } },
      { id: 'a5', text: { vi: long(501) } },
      { id: 'a6', text: { vi: 'Sáu' } },
      { id: 'a7', text: { vi: 'Bảy' } },
    ],
    correctOptionId: 'zz',
  },
  {
    type: 'single_choice',
    text: { vi: 'Câu' },
    tags: [],
    options: [
      { id: 'a1', text: { vi: 'Một' } },
      { id: 'b2', text: { vi: 'Hai' } },
    ],
    correctOptionId: 'zz',
  },
  {
    type: 'multiple_choice',
    text: { vi: 'Câu' },
    explanation: { vi: long(5001) },
    tags: [],
    options: [
      { id: 'a1', text: { vi: 'Một' } },
      { id: 'b2', text: { vi: 'Hai' } },
    ],
    correctOptionIds: [],
  },
  {
    type: 'multiple_choice',
    text: { vi: 'Câu' },
    tags: [],
    options: [
      { id: 'a1', text: { vi: 'Một' } },
      { id: 'b2', text: { vi: 'Hai' } },
    ],
    correctOptionIds: ['a1', 'a1', 'zz'],
  },
  { type: 'true_false', text: { vi: 'Câu' }, tags: [] },
  {
    type: 'true_false',
    text: { vi: 'Câu' },
    tags: [],
    correctAnswer: true,
    image: { key: 'question-images/c/0123456789abcdef.png', alt: { vi: ' ', en: long(301) } },
  },
  { type: 'true_false', text: { vi: 'Câu' }, tags: [], correctAnswer: true, image: { key: '', alt: {} } },
  {
    type: 'ordering',
    text: { vi: 'Câu' },
    tags: [],
    options: [
      { id: 'a1', text: { vi: 'Một' } },
      { id: 'b2', text: { vi: 'Hai' } },
    ],
    correctOrder: ['a1'],
  },
  { type: 'short_text', text: { vi: 'Câu' }, tags: [], acceptedAnswers: [] },
  {
    type: 'short_text',
    text: { vi: 'Câu' },
    tags: [],
    acceptedAnswers: [...Array<string>(20).fill('CCCD'), ' ', long(501)],
  },
];

describe('describeProblem', () => {
  const messages = [...new Set(BROKEN.flatMap((question) => questionProblems(question as AuthorQuestion)))];

  it('recognises every message questionProblems gives about what the editor edits', () => {
    expect(messages.length).toBeGreaterThan(20);
    const unknown = messages.filter((message) => describeProblem(message).key === null);
    expect(unknown).toEqual([]);
  });

  it('ties each problem to its part of the form, with the numbers it needs', () => {
    expect(describeProblem('Option 4 needs Vietnamese (vi)')).toEqual({
      key: 'optionRequired',
      params: { number: 4 },
      field: { kind: 'option', index: 3 },
      message: 'Option 4 needs Vietnamese (vi)',
    });
    expect(describeProblem('Option 2 has the same text as option 1')).toMatchObject({
      key: 'optionDuplicate',
      params: { number: 2, other: 1 },
    });
    expect(describeProblem('Accepted answer 3 is empty').field).toEqual({ kind: 'acceptedAnswer', index: 2 });
    expect(describeProblem('The question text (en) is longer than 2000 characters')).toMatchObject({
      key: 'textTooLong',
      params: { language: 'en', max: 2000 },
      field: { kind: 'text' },
    });
    expect(describeProblem('Give at least 2 options (there is 1)')).toMatchObject({
      key: 'tooFewOptions',
      params: { min: 2 },
    });
  });

  it('ties the picture’s problems to the picture or to its description', () => {
    expect(describeProblem('The image description (alt text) needs Vietnamese (vi)')).toEqual({
      key: 'imageAltRequired',
      params: {},
      field: { kind: 'imageAlt' },
      message: 'The image description (alt text) needs Vietnamese (vi)',
    });
    expect(
      describeProblem('The image description (alt text) (en) is longer than 300 characters'),
    ).toMatchObject({
      key: 'imageAltTooLong',
      params: { language: 'en', max: 300 },
      field: { kind: 'imageAlt' },
    });
    // The API's own, for a key not uploaded for this course.
    expect(describeProblem('The image must be uploaded for this course first')).toMatchObject({
      key: 'imageMissing',
      field: { kind: 'image' },
    });
    expect(describeProblem('The image has no storage key').key).toBe('imageMissing');
  });

  it('keeps a message it does not know (an import row problem) as it is', () => {
    expect(describeProblem('Unknown type "essay"; use single_choice')).toEqual({
      key: null,
      params: {},
      field: { kind: 'form' },
      message: 'Unknown type "essay"; use single_choice',
    });
  });
});

describe('problemsOfDetails', () => {
  it("reads QUESTION_INVALID's details.problems, and nothing else", () => {
    expect(problemsOfDetails({ problems: ['Mark at least one option as correct'] })).toEqual([
      'Mark at least one option as correct',
    ]);
    expect(problemsOfDetails([{ field: 'type' }])).toBeNull();
    expect(problemsOfDetails({ problems: [1] })).toBeNull();
    expect(problemsOfDetails(null)).toBeNull();
  });
});
