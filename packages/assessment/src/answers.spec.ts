import { answerKey, checkAnswer } from './answers';
import { AuthorQuestion, toLearnerView } from './question';

const options = [
  { id: 'k3f9', text: { vi: 'VNeID' } },
  { id: 'p2x1', text: { vi: 'Zalo' } },
  { id: 'a8c0', text: { vi: 'Facebook' } },
];
const base = { text: { vi: 'Câu hỏi' }, tags: [] };

const single: AuthorQuestion = { ...base, type: 'single_choice', options, correctOptionId: 'k3f9' };
const multiple: AuthorQuestion = {
  ...base,
  type: 'multiple_choice',
  options,
  correctOptionIds: ['k3f9', 'a8c0'],
};
const trueFalse: AuthorQuestion = { ...base, type: 'true_false', correctAnswer: true };
const ordering: AuthorQuestion = {
  ...base,
  type: 'ordering',
  options,
  correctOrder: ['p2x1', 'k3f9', 'a8c0'],
};
const shortText: AuthorQuestion = { ...base, type: 'short_text', acceptedAnswers: ['Căn cước công dân'] };

describe('checkAnswer', () => {
  it('accepts the right shape for each type and returns a typed answer', () => {
    expect(checkAnswer(single, { optionId: 'p2x1' })).toEqual({
      ok: true,
      answer: { type: 'single_choice', optionId: 'p2x1' },
    });
    expect(checkAnswer(multiple, { optionIds: ['a8c0', 'k3f9'] })).toEqual({
      ok: true,
      answer: { type: 'multiple_choice', optionIds: ['a8c0', 'k3f9'] },
    });
    expect(checkAnswer(trueFalse, { value: false })).toEqual({
      ok: true,
      answer: { type: 'true_false', value: false },
    });
    expect(checkAnswer(ordering, { order: ['a8c0', 'k3f9', 'p2x1'] })).toEqual({
      ok: true,
      answer: { type: 'ordering', order: ['a8c0', 'k3f9', 'p2x1'] },
    });
    expect(checkAnswer(shortText, { text: '  căn cước  ' })).toEqual({
      ok: true,
      answer: { type: 'short_text', text: '  căn cước  ' },
    });
  });

  it('accepts a matching "type" field and refuses another type', () => {
    expect(checkAnswer(single, { type: 'single_choice', optionId: 'k3f9' }).ok).toBe(true);
    expect(checkAnswer(single, { type: 'multiple_choice', optionId: 'k3f9' })).toEqual({
      ok: false,
      problem: 'This is a single_choice question; the answer says "multiple_choice"',
    });
  });

  it('accepts an empty multiple-choice selection (everything unticked is a state worth saving)', () => {
    expect(checkAnswer(multiple, { optionIds: [] })).toEqual({
      ok: true,
      answer: { type: 'multiple_choice', optionIds: [] },
    });
  });

  it.each([
    ['not an object', single, 'k3f9', 'The answer must be a JSON object'],
    ['null', single, null, 'The answer must be a JSON object'],
    ['an array', single, ['k3f9'], 'The answer must be a JSON object'],
    ['a missing field', single, {}, 'A single_choice answer needs "optionId"'],
    [
      'an extra field',
      single,
      { optionId: 'k3f9', score: 1 },
      'Unexpected field "score": a single_choice answer has only "optionId"',
    ],
    [
      "another type's field",
      trueFalse,
      { optionId: 'k3f9' },
      'Unexpected field "optionId": a true_false answer has only "value"',
    ],
    ['a number as option id', single, { optionId: 1 }, '"optionId" must be an option id (text)'],
    [
      'an option of another question',
      single,
      { optionId: 'zzzz' },
      '"zzzz" is not an option of this question',
    ],
    [
      'a string instead of a list',
      multiple,
      { optionIds: 'k3f9' },
      '"optionIds" must be a list of option ids',
    ],
    [
      'a list with a number',
      multiple,
      { optionIds: ['k3f9', 2] },
      '"optionIds" must be a list of option ids',
    ],
    [
      'an unknown option',
      multiple,
      { optionIds: ['k3f9', 'nope'] },
      '"nope" is not an option of this question',
    ],
    ['an option twice', multiple, { optionIds: ['k3f9', 'k3f9'] }, '"optionIds" lists an option twice'],
    ['"true" as text', trueFalse, { value: 'true' }, '"value" must be true or false'],
    [
      'a short order',
      ordering,
      { order: ['k3f9', 'p2x1'] },
      '"order" must list each of the 3 items of this question exactly once',
    ],
    [
      'a repeated item',
      ordering,
      { order: ['k3f9', 'k3f9', 'p2x1'] },
      '"order" must list each of the 3 items of this question exactly once',
    ],
    [
      'a foreign item',
      ordering,
      { order: ['k3f9', 'p2x1', 'zzzz'] },
      '"order" must list each of the 3 items of this question exactly once',
    ],
    [
      'a longer order',
      ordering,
      { order: ['k3f9', 'p2x1', 'a8c0', 'a8c0'] },
      '"order" must list each of the 3 items of this question exactly once',
    ],
    ['a number as text', shortText, { text: 42 }, '"text" must be text'],
    [
      'text over 500 characters',
      shortText,
      { text: 'a'.repeat(501) },
      'The answer is longer than 500 characters',
    ],
    ['a NUL character', shortText, { text: 'a\u0000b' }, 'The answer contains a NUL character'],
  ])('refuses %s', (_, question, payload, problem) => {
    expect(checkAnswer(question, payload)).toEqual({ ok: false, problem });
  });

  it('allows exactly 500 characters, counted as code points', () => {
    expect(checkAnswer(shortText, { text: 'ệ'.repeat(500) }).ok).toBe(true);
    expect(checkAnswer(shortText, { text: '😀'.repeat(500) }).ok).toBe(true);
    expect(checkAnswer(shortText, { text: '😀'.repeat(501) }).ok).toBe(false);
  });

  it('gives the same verdict on the learner view as on the author question', () => {
    const payloads = [
      { optionId: 'k3f9' },
      { optionId: 'x' },
      { order: ['a8c0', 'k3f9', 'p2x1'] },
      { value: true },
    ];
    for (const question of [single, multiple, trueFalse, ordering, shortText]) {
      const view = toLearnerView(question, 'seed');
      for (const payload of payloads)
        expect(checkAnswer(view, payload)).toEqual(checkAnswer(question, payload));
    }
  });

  it('returns a copy, never the payload itself', () => {
    const payload = { optionIds: ['k3f9'] };
    const check = checkAnswer(multiple, payload);
    payload.optionIds.push('p2x1');
    expect(check).toEqual({ ok: true, answer: { type: 'multiple_choice', optionIds: ['k3f9'] } });
  });
});

describe('answerKey', () => {
  it('gives the correct answer in the shape of a learner answer, which checkAnswer accepts', () => {
    expect(answerKey(single)).toEqual({ type: 'single_choice', optionId: 'k3f9' });
    expect(answerKey(multiple)).toEqual({ type: 'multiple_choice', optionIds: ['k3f9', 'a8c0'] });
    expect(answerKey(trueFalse)).toEqual({ type: 'true_false', value: true });
    expect(answerKey(ordering)).toEqual({ type: 'ordering', order: ['p2x1', 'k3f9', 'a8c0'] });
    expect(answerKey(shortText)).toEqual({ type: 'short_text', text: 'Căn cước công dân' });
    for (const question of [single, multiple, trueFalse, ordering, shortText]) {
      expect(checkAnswer(question, answerKey(question))).toEqual({ ok: true, answer: answerKey(question) });
    }
  });
});
