import { answerKey } from './answers';
import { grade, normalizeShortText, pairwiseOrderScore, shortTextMatches } from './grading';
import {
  AuthorQuestion,
  MultipleChoiceQuestion,
  OrderingQuestion,
  ShortTextQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from './question';

const base = { text: { vi: 'Câu hỏi' }, tags: [] };
const opts = (...ids: string[]) => ids.map((id) => ({ id, text: { vi: `Lựa chọn ${id}` } }));

const single: SingleChoiceQuestion = {
  ...base,
  type: 'single_choice',
  options: opts('a', 'b', 'c'),
  correctOptionId: 'b',
};
const trueFalse: TrueFalseQuestion = { ...base, type: 'true_false', correctAnswer: false };
const multiple: MultipleChoiceQuestion = {
  ...base,
  type: 'multiple_choice',
  options: opts('a', 'b', 'c', 'd', 'e'),
  correctOptionIds: ['a', 'c', 'e'],
};
const ordering: OrderingQuestion = {
  ...base,
  type: 'ordering',
  options: opts('w', 'x', 'y', 'z'),
  correctOrder: ['w', 'x', 'y', 'z'],
};
const shortText: ShortTextQuestion = {
  ...base,
  type: 'short_text',
  acceptedAnswers: ['Căn cước công dân', 'CCCD'],
};

const mc = (...optionIds: string[]) => ({ type: 'multiple_choice' as const, optionIds });
const ord = (...order: string[]) => ({ type: 'ordering' as const, order });
const text = (value: string) => ({ type: 'short_text' as const, text: value });

describe('grade', () => {
  it('gives full marks to the answer key of every type', () => {
    const partial = [
      { ...multiple, partialCredit: true },
      { ...ordering, partialCredit: true },
    ];
    for (const question of [
      single,
      trueFalse,
      multiple,
      ordering,
      shortText,
      ...partial,
    ] as AuthorQuestion[]) {
      expect(grade(question, answerKey(question))).toEqual({ correct: true, score: 1 });
    }
  });

  it('scores an unanswered question 0', () => {
    expect(grade(single, null)).toEqual({ correct: false, score: 0 });
    expect(grade(shortText, undefined)).toEqual({ correct: false, score: 0 });
  });

  it('refuses an answer of another type (a programming error)', () => {
    expect(() => grade(single, { type: 'true_false', value: true })).toThrow(
      'A true_false answer cannot grade a single_choice question',
    );
  });

  describe('single choice and true/false', () => {
    it('are exact', () => {
      expect(grade(single, { type: 'single_choice', optionId: 'b' })).toEqual({ correct: true, score: 1 });
      expect(grade(single, { type: 'single_choice', optionId: 'a' })).toEqual({ correct: false, score: 0 });
      expect(grade(trueFalse, { type: 'true_false', value: false })).toEqual({ correct: true, score: 1 });
      expect(grade(trueFalse, { type: 'true_false', value: true })).toEqual({ correct: false, score: 0 });
    });
  });

  describe('multiple choice', () => {
    it('is all-or-nothing by default', () => {
      expect(grade(multiple, mc('e', 'a', 'c'))).toEqual({ correct: true, score: 1 });
      expect(grade(multiple, mc('a', 'c'))).toEqual({ correct: false, score: 0 });
      expect(grade(multiple, mc('a', 'c', 'e', 'b'))).toEqual({ correct: false, score: 0 });
      expect(grade(multiple, mc())).toEqual({ correct: false, score: 0 });
    });

    it('with partial credit: (correct − wrong) / number correct, never below 0', () => {
      const partial = { ...multiple, partialCredit: true };
      expect(grade(partial, mc('a', 'c', 'e'))).toEqual({ correct: true, score: 1 });
      expect(grade(partial, mc('a', 'c'))).toEqual({ correct: false, score: 2 / 3 });
      expect(grade(partial, mc('a'))).toEqual({ correct: false, score: 1 / 3 });
      expect(grade(partial, mc('a', 'c', 'b'))).toEqual({ correct: false, score: 1 / 3 });
      expect(grade(partial, mc('a', 'c', 'e', 'b'))).toEqual({ correct: false, score: 2 / 3 });
      expect(grade(partial, mc('a', 'b', 'd'))).toEqual({ correct: false, score: 0 });
      expect(grade(partial, mc('b', 'd'))).toEqual({ correct: false, score: 0 });
      expect(grade(partial, mc())).toEqual({ correct: false, score: 0 });
    });

    it('with partial credit, ticking every option earns nothing more than its net correct ticks', () => {
      const partial = { ...multiple, partialCredit: true };
      // 3 correct − 2 wrong = 1 of 3.
      expect(grade(partial, mc('a', 'b', 'c', 'd', 'e')).score).toBeCloseTo(1 / 3);
    });
  });

  describe('ordering', () => {
    it('is exact by default', () => {
      expect(grade(ordering, ord('w', 'x', 'y', 'z'))).toEqual({ correct: true, score: 1 });
      expect(grade(ordering, ord('x', 'w', 'y', 'z'))).toEqual({ correct: false, score: 0 });
    });

    it('with partial credit: share of item pairs in the right relative order', () => {
      const partial = { ...ordering, partialCredit: true };
      // One neighbour swap: 5 of 6 pairs kept.
      expect(grade(partial, ord('x', 'w', 'y', 'z'))).toEqual({ correct: false, score: 5 / 6 });
      // First item moved to the end: 3 of 6 pairs kept.
      expect(grade(partial, ord('x', 'y', 'z', 'w'))).toEqual({ correct: false, score: 3 / 6 });
      // First and last swapped: only (x, y) kept.
      expect(grade(partial, ord('z', 'x', 'y', 'w'))).toEqual({ correct: false, score: 1 / 6 });
      // The reverse keeps no pair.
      expect(grade(partial, ord('z', 'y', 'x', 'w'))).toEqual({ correct: false, score: 0 });
    });

    it('scores an order that is not a permutation of the items 0 (never trusts unchecked input)', () => {
      const partial = { ...ordering, partialCredit: true };
      expect(grade(partial, ord('w', 'x', 'y'))).toEqual({ correct: false, score: 0 });
      expect(grade(partial, ord('w', 'w', 'y', 'z'))).toEqual({ correct: false, score: 0 });
    });
  });

  describe('short text', () => {
    it('accepts any accepted answer after trimming, collapsing spaces and ignoring case', () => {
      expect(grade(shortText, text('  căn   CƯỚC công dân ')).correct).toBe(true);
      expect(grade(shortText, text('cccd')).correct).toBe(true);
      expect(grade(shortText, text('CMND')).correct).toBe(false);
    });

    it('by default requires the diacritics', () => {
      expect(grade(shortText, text('can cuoc cong dan'))).toEqual({ correct: false, score: 0 });
    });

    it('with diacriticInsensitive accepts answers typed without diacritics', () => {
      const lenient = { ...shortText, diacriticInsensitive: true };
      expect(grade(lenient, text('can cuoc cong dan'))).toEqual({ correct: true, score: 1 });
      expect(grade(lenient, text('CĂN CUOC công dan'))).toEqual({ correct: true, score: 1 });
      expect(grade(lenient, text('can cuoc'))).toEqual({ correct: false, score: 0 });
    });

    it('never accepts a blank answer', () => {
      expect(grade(shortText, text('   ')).correct).toBe(false);
      expect(grade(shortText, text('')).correct).toBe(false);
    });
  });
});

describe('pairwiseOrderScore', () => {
  it('is 1 for the correct order, 0 for the reverse and 1 for a single item', () => {
    expect(pairwiseOrderScore(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(pairwiseOrderScore(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(0);
    expect(pairwiseOrderScore(['a'], ['a'])).toBe(1);
  });

  it('averages 0.5 over all orders of four items', () => {
    const items = ['a', 'b', 'c', 'd'];
    const permutations = (rest: string[]): string[][] =>
      rest.length === 0
        ? [[]]
        : rest.flatMap((x) => permutations(rest.filter((y) => y !== x)).map((p) => [x, ...p]));
    const all = permutations(items);
    expect(all).toHaveLength(24);
    const mean = all.reduce((sum, order) => sum + pairwiseOrderScore(items, order), 0) / all.length;
    expect(mean).toBeCloseTo(0.5);
  });
});

describe('normalizeShortText and shortTextMatches', () => {
  it('matches real Vietnamese with the diacritic-insensitive flag only', () => {
    expect(shortTextMatches('Căn cước công dân', 'can cuoc cong dan')).toBe(false);
    expect(shortTextMatches('Căn cước công dân', 'can cuoc cong dan', { diacriticInsensitive: true })).toBe(
      true,
    );
    expect(shortTextMatches('Đăng ký', 'dang ky')).toBe(false);
    expect(shortTextMatches('Đăng ký', 'dang ky', { diacriticInsensitive: true })).toBe(true);
    expect(shortTextMatches('ĐĂNG KÝ', 'dang ky', { diacriticInsensitive: true })).toBe(true);
    expect(normalizeShortText('Đăng ký', { diacriticInsensitive: true })).toBe('dang ky');
    expect(normalizeShortText('Căn cước công dân', { diacriticInsensitive: true })).toBe('can cuoc cong dan');
  });

  it('still tells different letters apart without the flag (ă â a, ơ ô o, ư u, đ d)', () => {
    expect(shortTextMatches('căn', 'cân')).toBe(false);
    expect(shortTextMatches('cơ', 'cô')).toBe(false);
    expect(shortTextMatches('tư', 'tu')).toBe(false);
    expect(shortTextMatches('đa', 'da')).toBe(false);
    // …and different tones.
    expect(shortTextMatches('má', 'mà')).toBe(false);
    expect(shortTextMatches('mả', 'mã')).toBe(false);
    expect(shortTextMatches('mạ', 'ma')).toBe(false);
  });

  it('lowercases Vietnamese capitals, including precomposed ones', () => {
    expect(shortTextMatches('ĐĂNG KÝ', 'đăng ký')).toBe(true);
    expect(shortTextMatches('NGHỆ AN', 'nghệ an')).toBe(true);
    expect(shortTextMatches('ẶNG', 'ặng')).toBe(true);
  });

  it('treats decomposed input (NFD, from some keyboards) like composed input (NFC)', () => {
    const nfd = 'Căn cước công dân'.normalize('NFD');
    expect(nfd).not.toBe('Căn cước công dân');
    expect(shortTextMatches(nfd, 'Căn cước công dân')).toBe(true);
    expect(shortTextMatches('Nghệ An'.normalize('NFD'), 'nghệ an')).toBe(true);
  });

  it('accepts both the old and the new tone placement (hòa/hoà, thủy/thuỷ, khỏe/khoẻ)', () => {
    expect(shortTextMatches('hoà bình', 'Hòa Bình')).toBe(true);
    expect(shortTextMatches('Thuỷ lợi', 'thủy lợi')).toBe(true);
    expect(shortTextMatches('sức khoẻ', 'sức khỏe')).toBe(true);
    expect(shortTextMatches('Quý', 'quí')).toBe(false);
  });

  it('collapses every kind of whitespace and drops zero-width characters', () => {
    expect(shortTextMatches('\tĐăng\u00a0\u00a0ký\n', 'đăng ký')).toBe(true);
    expect(shortTextMatches('Đăng\u200b ký\ufeff', 'đăng ký')).toBe(true);
  });

  it('keeps punctuation as typed', () => {
    expect(shortTextMatches('3.5', '35')).toBe(false);
    expect(shortTextMatches('Hà Nội.', 'Hà Nội')).toBe(false);
  });

  it('never matches blank against blank', () => {
    expect(shortTextMatches(' ', '')).toBe(false);
  });
});
