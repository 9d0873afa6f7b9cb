import { questionProblems, toLearnerView } from '@hocvu/assessment';
import { describe, expect, it } from '@jest/globals';

import type { StudioQuestion } from '../../api/studio-api';
import {
  addTag,
  authorQuestion,
  emptyQuestionForm,
  filterQuestions,
  formFromQuestion,
  moveOption,
  newOptionId,
  parseTags,
  questionBody,
  type QuestionFormValues,
  questionFromForm,
  tagCounts,
  withType,
} from './question-form';

const stored = (question: Omit<StudioQuestion, 'id' | 'updatedAt'>): StudioQuestion => ({
  ...question,
  id: '0b4f9c1e-0000-4000-8000-000000000001',
  updatedAt: '2026-07-01T08:00:00.000Z',
});

/** A single-choice question written in the form, with made-up option ids. */
function singleChoiceForm(): QuestionFormValues {
  return {
    ...emptyQuestionForm(),
    text: { vi: ' Ứng dụng nào dùng để định danh điện tử? ', en: '' },
    tags: 'VNeID, an  toàn ; VNeID',
    options: [
      { id: 'k3f9x2ab', text: { vi: 'VNeID', en: 'VNeID' } },
      { id: 'p2x1m8qz', text: { vi: 'Zalo', en: ' ' } },
    ],
    correctOptionId: 'k3f9x2ab',
  };
}

describe('newOptionId', () => {
  it('makes ids of 8+ random base-36 characters that say nothing about the order', () => {
    const ids = Array.from({ length: 200 }, () => newOptionId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{8,}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('1');
  });

  it('keeps every character equally likely, dropping bytes that would skew them', () => {
    const calls = [
      [255, 252, 0, 35, 36, 71, 251, 1, 2, 3],
      Array<number>(10).fill(254),
      Array<number>(10).fill(7),
    ];
    const fake = (buffer: Uint8Array) => {
      buffer.set(calls.shift() ?? []);
      return buffer;
    };
    // 255 and 252 dropped; 0 → 0, 35 → z, 36 → 0, 71 → z, 251 → z (251 = 6 × 36 + 35), 1, 2, 3.
    expect(newOptionId(fake)).toBe('0z0zz123');
    // Too few usable bytes: drawn again.
    expect(newOptionId(fake)).toBe('7777777777');
  });
});

describe('questionFromForm', () => {
  it('builds a single-choice question: texts trimmed, blank languages left out, tags tidied', () => {
    const question = questionFromForm(singleChoiceForm());
    expect(question).toEqual({
      type: 'single_choice',
      text: { vi: 'Ứng dụng nào dùng để định danh điện tử?' },
      tags: ['VNeID', 'an toàn'],
      options: [
        { id: 'k3f9x2ab', text: { vi: 'VNeID', en: 'VNeID' } },
        { id: 'p2x1m8qz', text: { vi: 'Zalo' } },
      ],
      correctOptionId: 'k3f9x2ab',
    });
    expect(questionProblems(question)).toEqual([]);
  });

  it('takes the authored order of an ordering question as its correct order', () => {
    const form = withType({ ...singleChoiceForm(), partialCredit: true }, 'ordering');
    const question = questionFromForm(form);
    expect(question).toMatchObject({
      type: 'ordering',
      correctOrder: ['k3f9x2ab', 'p2x1m8qz'],
      partialCredit: true,
    });
    expect(questionProblems(question)).toEqual([]);
  });

  it('keeps only marks of options that still exist, in the options’ order', () => {
    const form = withType(singleChoiceForm(), 'multiple_choice');
    expect(form.correctOptionIds).toEqual(['k3f9x2ab']);
    const question = questionFromForm({ ...form, correctOptionIds: ['gone1234', 'p2x1m8qz', 'k3f9x2ab'] });
    expect(question).toMatchObject({ correctOptionIds: ['k3f9x2ab', 'p2x1m8qz'] });
    expect(question).not.toHaveProperty('partialCredit');
  });

  it('leaves an unanswered true/false without its answer, for questionProblems to name', () => {
    const question = questionFromForm(withType(singleChoiceForm(), 'true_false'));
    expect(questionProblems(question)).toEqual(['Say whether the statement is true or false']);
    expect(questionBody(question)).not.toHaveProperty('correctAnswer');
    expect(questionBody(question)).not.toHaveProperty('options');
    const answered = questionFromForm({
      ...withType(singleChoiceForm(), 'true_false'),
      correctAnswer: false,
    });
    expect(questionBody(answered)).toMatchObject({ type: 'true_false', correctAnswer: false });
  });

  it('builds a short-text question with its accepted answers and the no-diacritics switch', () => {
    const form: QuestionFormValues = {
      ...withType(singleChoiceForm(), 'short_text'),
      acceptedAnswers: [' Căn cước công dân ', 'CCCD'],
      diacriticInsensitive: true,
      explanation: { vi: 'Thẻ Căn cước thay thẻ CCCD từ 1/7/2024.' },
    };
    expect(questionFromForm(form)).toEqual({
      type: 'short_text',
      text: { vi: 'Ứng dụng nào dùng để định danh điện tử?' },
      explanation: { vi: 'Thẻ Căn cước thay thẻ CCCD từ 1/7/2024.' },
      tags: ['VNeID', 'an toàn'],
      acceptedAnswers: ['Căn cước công dân', 'CCCD'],
      diacriticInsensitive: true,
    });
  });

  it('adds the picture with its description tidied, and leaves it out when there is none', () => {
    expect(emptyQuestionForm().image).toBeNull();
    expect(questionFromForm(singleChoiceForm())).not.toHaveProperty('image');
    const key = 'question-images/0b4f9c1e-0000-4000-8000-000000000009/0123456789abcdef.png';
    const question = questionFromForm({
      ...singleChoiceForm(),
      image: { key, alt: { vi: ' Màn hình đăng nhập VNeID ', en: ' ' } },
    });
    expect(question.image).toEqual({ key, alt: { vi: 'Màn hình đăng nhập VNeID' } });
    expect(questionProblems(question)).toEqual([]);
    expect(questionBody(question)).toMatchObject({ image: { key, alt: { vi: 'Màn hình đăng nhập VNeID' } } });
  });

  it('sends a picture without its Vietnamese description, so questionProblems asks for it', () => {
    const question = questionFromForm({
      ...singleChoiceForm(),
      image: { key: 'question-images/c/0123456789abcdef.webp', alt: { vi: '  ', en: 'The login screen' } },
    });
    expect(question.image?.alt).toEqual({ vi: '', en: 'The login screen' });
    expect(questionProblems(question)).toEqual(['The image description (alt text) needs Vietnamese (vi)']);
  });

  it('keeps the picture when the type changes', () => {
    const image = { key: 'question-images/c/0123456789abcdef.jpg', alt: { vi: 'Thẻ căn cước' } };
    const form = withType({ ...singleChoiceForm(), image }, 'true_false');
    expect(form.image).toEqual(image);
    expect(questionFromForm({ ...form, correctAnswer: true }).image).toEqual(image);
  });

  it('sends an explanation given only in another language, so the missing Vietnamese is named', () => {
    const question = questionFromForm({
      ...singleChoiceForm(),
      explanation: { vi: '', en: 'Issued by the police' },
    });
    expect(questionProblems(question)).toEqual(['The explanation needs Vietnamese (vi)']);
  });
});

describe('formFromQuestion', () => {
  it('round-trips every type through the form', () => {
    const questions: StudioQuestion[] = [
      stored({
        type: 'multiple_choice',
        text: { vi: 'Việc nào giúp an toàn trên mạng?' },
        tags: ['an toàn'],
        options: [
          { id: 'a1b2c3d4', text: { vi: 'Giữ kín mã OTP' } },
          { id: 'e5f6g7h8', text: { vi: 'Bấm link lạ' } },
          { id: 'i9j0k1l2', text: { vi: 'Đặt mật khẩu mạnh' } },
        ],
        correctOptionIds: ['a1b2c3d4', 'i9j0k1l2'],
        partialCredit: true,
      }),
      stored({
        type: 'true_false',
        text: { vi: 'Có nên cho người lạ mã OTP?' },
        tags: [],
        correctAnswer: false,
      }),
      stored({
        type: 'single_choice',
        text: { vi: 'Đây là màn hình của ứng dụng nào?' },
        tags: ['VNeID'],
        image: {
          key: 'question-images/0b4f9c1e-0000-4000-8000-000000000009/0123456789abcdef.png',
          alt: { vi: 'Màn hình đăng nhập có logo quốc huy', en: 'A login screen with the national emblem' },
        },
        options: [
          { id: 'a1b2c3d4', text: { vi: 'VNeID' } },
          { id: 'e5f6g7h8', text: { vi: 'Zalo' } },
        ],
        correctOptionId: 'a1b2c3d4',
      }),
      stored({
        type: 'short_text',
        text: { vi: 'Giấy tờ nào thay bằng VNeID?' },
        explanation: { vi: 'Thẻ Căn cước.', en: 'The ID card.' },
        tags: ['VNeID'],
        acceptedAnswers: ['Căn cước', 'CCCD'],
        diacriticInsensitive: true,
      }),
    ];
    for (const question of questions) {
      const { id: _id, updatedAt: _updatedAt, ...body } = question;
      expect(questionBody(authorQuestion(question))).toEqual(body);
    }
  });

  it('reads a stored picture into the form, its Vietnamese box always there', () => {
    const key = 'question-images/0b4f9c1e-0000-4000-8000-000000000009/0123456789abcdef.webp';
    const withImage = stored({
      type: 'true_false',
      text: { vi: 'Ảnh này là thẻ căn cước gắn chip?' },
      tags: [],
      correctAnswer: true,
      image: { key, alt: { blt: 'Thẻ căn cước' } },
    });
    expect(formFromQuestion(withImage).image).toEqual({ key, alt: { vi: '', blt: 'Thẻ căn cước' } });
    const without = stored({ type: 'true_false', text: { vi: 'Câu' }, tags: [], correctAnswer: true });
    expect(formFromQuestion(without).image).toBeNull();
    // A stored image the form cannot place (no key) is not sent back.
    expect(formFromQuestion({ ...without, image: { alt: { vi: 'Ảnh' } } }).image).toBeNull();
    // And a learner sees it as stored.
    expect(toLearnerView(authorQuestion(withImage)).image).toEqual({
      key,
      alt: { vi: '', blt: 'Thẻ căn cước' },
    });
  });

  it('shows an ordering question’s items in their correct order, whatever order they are stored in', () => {
    const question = stored({
      type: 'ordering',
      text: { vi: 'Sắp xếp các bước đăng ký VNeID' },
      tags: [],
      options: [
        { id: 'zz11', text: { vi: 'Chụp ảnh chân dung' } },
        { id: 'aa22', text: { vi: 'Tải ứng dụng' } },
        { id: 'mm33', text: { vi: 'Nhập số định danh' } },
      ],
      correctOrder: ['aa22', 'mm33', 'zz11'],
    });
    const form = formFromQuestion(question);
    expect(form.options.map((option) => option.id)).toEqual(['aa22', 'mm33', 'zz11']);
    expect(questionFromForm(form)).toMatchObject({ correctOrder: ['aa22', 'mm33', 'zz11'] });
    // And a learner never gets them in that order.
    const view = toLearnerView(questionFromForm(form));
    expect('options' in view && view.options.map((option) => option.id)).not.toEqual([
      'aa22',
      'mm33',
      'zz11',
    ]);
  });
});

describe('option and tag helpers', () => {
  it('moves an option one place, and not past either end', () => {
    const options = ['a', 'b', 'c'].map((id) => ({ id, text: { vi: id } }));
    expect(moveOption(options, 0, 1)?.map((option) => option.id)).toEqual(['b', 'a', 'c']);
    expect(moveOption(options, 2, -1)?.map((option) => option.id)).toEqual(['a', 'c', 'b']);
    expect(moveOption(options, 0, -1)).toBeNull();
    expect(moveOption(options, 2, 1)).toBeNull();
  });

  it('reads tags as the importer does, and adds a known tag once', () => {
    expect(parseTags(' VNeID; an  toàn ,, VNeID ')).toEqual(['VNeID', 'an toàn']);
    expect(addTag('VNeID', 'an toàn trên mạng')).toBe('VNeID, an toàn trên mạng');
    expect(addTag('VNeID, an toàn', 'VNeID')).toBe('VNeID, an toàn');
  });

  it('filters by tag and by text typed with or without diacritics, and counts each tag', () => {
    const items: { text: Record<string, string>; tags: string[] }[] = [
      { text: { vi: 'Ứng dụng VNeID dùng để làm gì?' }, tags: ['VNeID'] },
      { text: { vi: 'Mã OTP có nên cho người lạ?' }, tags: ['an toàn'] },
      { text: { vi: 'Căn cước gắn chip', en: 'Chip-based ID card' }, tags: ['VNeID', 'giấy tờ'] },
    ];
    expect(filterQuestions(items, 'VNeID', '')).toHaveLength(2);
    expect(filterQuestions(items, null, 'can cuoc')).toEqual([items[2]]);
    expect(filterQuestions(items, null, 'ID CARD')).toEqual([items[2]]);
    expect(filterQuestions(items, 'an toàn', 'vneid')).toEqual([]);
    expect(tagCounts(items, ['an toàn', 'giấy tờ', 'VNeID'])).toEqual([
      { tag: 'an toàn', count: 1 },
      { tag: 'giấy tờ', count: 1 },
      { tag: 'VNeID', count: 2 },
    ]);
  });
});
