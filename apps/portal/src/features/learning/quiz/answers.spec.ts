import { describe, expect, it } from '@jest/globals';

import type { AnswerPayload, AttemptQuestionView } from '../api/quiz-api';
import { checkedAnswer, isAnswered, moveItem, resumePosition, sameAnswer, toggleOption } from './answers';

const single: AttemptQuestionView = {
  type: 'single_choice',
  text: { vi: 'Ứng dụng định danh điện tử là gì?' },
  options: [
    { id: 'k1', text: { vi: 'VNeID' } },
    { id: 'k2', text: { vi: 'Zalo' } },
  ],
};
const shortText: AttemptQuestionView = {
  type: 'short_text',
  text: { vi: 'Giấy tờ gắn chip gọi là gì?' },
  maxLength: 500,
  diacriticInsensitive: true,
};

describe('isAnswered', () => {
  it('counts a choice, a ticked box, true or false, an order and typed text', () => {
    expect(isAnswered({ optionId: 'k1' })).toBe(true);
    expect(isAnswered({ optionIds: ['k1'] })).toBe(true);
    expect(isAnswered({ value: false })).toBe(true);
    expect(isAnswered({ order: ['a', 'b'] })).toBe(true);
    expect(isAnswered({ text: 'căn cước' })).toBe(true);
  });

  it('does not count nothing, no box ticked or blank text', () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ optionIds: [] })).toBe(false);
    expect(isAnswered({ text: '   ' })).toBe(false);
    expect(isAnswered({ type: 'short_text' })).toBe(false);
  });
});

describe('resumePosition', () => {
  const ids = ['q1', 'q2', 'q3'];

  it('opens at the first question without an answer', () => {
    const answers = new Map<string, AnswerPayload>([
      ['q1', { optionId: 'a' }],
      ['q3', { value: true }],
    ]);
    expect(resumePosition(ids, answers)).toBe(1);
    expect(resumePosition(ids, new Map())).toBe(0);
  });

  it('opens at the review screen when every question is answered', () => {
    const answers = new Map<string, AnswerPayload>(ids.map((id) => [id, { value: true }]));
    expect(resumePosition(ids, answers)).toBe('review');
  });

  it('treats a blank answer as unanswered', () => {
    const answers = new Map<string, AnswerPayload>([
      ['q1', { text: '' }],
      ['q2', { optionIds: [] }],
    ]);
    expect(resumePosition(ids, answers)).toBe(0);
  });
});

describe('checkedAnswer', () => {
  it('accepts a well-formed answer and types it as the API stores it', () => {
    expect(checkedAnswer(single, { optionId: 'k2' })).toEqual({ type: 'single_choice', optionId: 'k2' });
    expect(checkedAnswer(shortText, { text: 'can cuoc' })).toEqual({ type: 'short_text', text: 'can cuoc' });
  });

  it('refuses what the API would refuse', () => {
    expect(checkedAnswer(single, { optionId: 'nope' })).toBeNull();
    expect(checkedAnswer(single, { value: true })).toBeNull();
    expect(checkedAnswer(shortText, { text: 'x'.repeat(501) })).toBeNull();
  });
});

describe('sameAnswer', () => {
  it('compares what was answered, ignoring the type', () => {
    expect(sameAnswer({ optionId: 'a' }, { type: 'single_choice', optionId: 'a' })).toBe(true);
    expect(sameAnswer({ order: ['a', 'b'] }, { order: ['b', 'a'] })).toBe(false);
    expect(sameAnswer({ optionIds: ['a'] }, { optionIds: ['a'] })).toBe(true);
    expect(sameAnswer(null, { value: true })).toBe(false);
    expect(sameAnswer(null, null)).toBe(true);
  });
});

describe('moveItem', () => {
  it('swaps an item with its neighbour', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the order alone at the ends', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('toggleOption', () => {
  it('ticks and unticks, in the order the options are shown', () => {
    expect(toggleOption(['c'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggleOption(['a', 'c'], 'a', ['a', 'b', 'c'])).toEqual(['c']);
  });
});
