import {
  AuthorQuestion,
  LearnerChoiceQuestion,
  LearnerOrderingQuestion,
  LearnerQuestion,
  MAX_OPTIONS,
  OrderingQuestion,
  QUESTION_TYPES,
  QuestionOption,
  questionProblems,
  SHORT_TEXT_MAX_LENGTH,
  SingleChoiceQuestion,
  toLearnerView,
} from './question';

const option = (id: string, vi: string, en?: string): QuestionOption => ({
  id,
  text: en ? { vi, en } : { vi },
});

const single: SingleChoiceQuestion = {
  type: 'single_choice',
  text: { vi: 'Ứng dụng nào dùng để định danh điện tử?', en: 'Which app is used for electronic ID?' },
  explanation: { vi: 'GIAI-THICH-BI-MAT: VNeID là ứng dụng định danh điện tử quốc gia.' },
  image: { key: 'questions/q1/vneid.png', alt: { vi: 'Biểu tượng VNeID' } },
  tags: ['VNeID'],
  options: [
    option('k3f9x', 'VNeID', 'VNeID'),
    option('p2x1a', 'Zalo'),
    option('a8c0q', 'Facebook'),
    option('m4r7t', 'YouTube'),
  ],
  correctOptionId: 'k3f9x',
};

const ordering: OrderingQuestion = {
  type: 'ordering',
  text: { vi: 'Sắp xếp các bước đăng ký tài khoản định danh mức 2' },
  explanation: { vi: 'THU-TU-GIAI-THICH' },
  tags: ['VNeID'],
  options: [
    option('zz1', 'Tải ứng dụng VNeID'),
    option('yy2', 'Mang căn cước đến công an xã'),
    option('xx3', 'Chụp ảnh khuôn mặt'),
    option('ww4', 'Kích hoạt tài khoản'),
  ],
  correctOrder: ['zz1', 'yy2', 'xx3', 'ww4'],
  partialCredit: true,
};

/** One question of each type; answers and explanations carry marker strings that must never leak. */
const everyType: AuthorQuestion[] = [
  single,
  {
    type: 'multiple_choice',
    text: { vi: 'Những thông tin nào không được chia sẻ?' },
    explanation: { vi: 'NHIEU-LUA-CHON-GIAI-THICH' },
    tags: ['safety'],
    options: [option('o1', 'Mã OTP'), option('o2', 'Mật khẩu'), option('o3', 'Tên trường học')],
    correctOptionIds: ['o1', 'o2'],
    partialCredit: true,
  },
  {
    type: 'true_false',
    text: { vi: 'Ngân hàng có thể gọi điện hỏi mã OTP của bạn.' },
    explanation: { vi: 'DUNG-SAI-GIAI-THICH' },
    tags: ['safety'],
    correctAnswer: false,
  },
  ordering,
  {
    type: 'short_text',
    text: { vi: 'Thẻ thay thế chứng minh nhân dân gọi là gì?' },
    explanation: { vi: 'TU-LUAN-GIAI-THICH' },
    tags: ['VNeID'],
    acceptedAnswers: ['DAP-AN-BI-MAT-1', 'DAP-AN-BI-MAT-2'],
    diacriticInsensitive: true,
  },
];

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  }
  return [];
}

describe('QUESTION_TYPES', () => {
  it('lists the five types', () => {
    expect(QUESTION_TYPES).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
      'ordering',
      'short_text',
    ]);
  });
});

describe('toLearnerView', () => {
  it.each(everyType.map((question) => [question.type, question] as const))(
    'leaves no answer data in the %s question (deep inspection of the JSON)',
    (_, question) => {
      for (const seed of [undefined, 'attempt-1:q1']) {
        const json = JSON.stringify(toLearnerView(question, seed));
        const parsed = JSON.parse(json) as unknown;
        const keys = keysOf(parsed);
        const forbidden = keys.filter((key) => /correct|accepted|explanation|partial|tags|answer/i.test(key));
        expect(forbidden).toEqual([]);
        // Only known keys, at every depth: a field added to the author model later cannot slip through.
        const allowed = [
          'type',
          'text',
          'image',
          'key',
          'alt',
          'options',
          'id',
          'maxLength',
          'diacriticInsensitive',
        ];
        const languages = ['vi', 'en'];
        expect(keys.filter((key) => !allowed.includes(key) && !languages.includes(key))).toEqual([]);
        // No marker text of an answer or explanation anywhere in the output.
        expect(json).not.toMatch(/GIAI-THICH|DAP-AN|BI-MAT/);
      }
    },
  );

  it('keeps exactly the learner fields of a single choice question', () => {
    expect(toLearnerView(single)).toEqual({
      type: 'single_choice',
      text: single.text,
      image: single.image,
      options: single.options,
    });
  });

  it('never shares objects with the author question', () => {
    const view = toLearnerView(single) as LearnerChoiceQuestion;
    view.text['vi'] = 'changed';
    view.options[0].text['vi'] = 'changed';
    expect(single.text['vi']).toBe('Ứng dụng nào dùng để định danh điện tử?');
    expect(single.options[0].text['vi']).toBe('VNeID');
  });

  it('keeps the authored option order without a seed and shuffles deterministically with one', () => {
    const ids = (view: LearnerQuestion) => ('options' in view ? view.options.map((o) => o.id) : []);
    expect(ids(toLearnerView(single))).toEqual(['k3f9x', 'p2x1a', 'a8c0q', 'm4r7t']);
    const a = ids(toLearnerView(single, 'attempt-7:q1'));
    expect(ids(toLearnerView(single, 'attempt-7:q1'))).toEqual(a);
    expect([...a].sort()).toEqual(['a8c0q', 'k3f9x', 'm4r7t', 'p2x1a']);
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => ids(toLearnerView(single, `seed-${i}`)).join(',')),
    );
    expect(orders.size).toBeGreaterThan(5);
  });

  it('always shuffles ordering questions and never shows the correct order, with or without a seed', () => {
    const twoItems: OrderingQuestion = {
      ...ordering,
      options: ordering.options.slice(0, 2),
      correctOrder: ['zz1', 'yy2'],
    };
    for (const question of [ordering, twoItems]) {
      const unseeded = toLearnerView(question) as LearnerOrderingQuestion;
      expect(unseeded.options.map((o) => o.id)).not.toEqual(question.correctOrder);
      expect(toLearnerView(question)).toEqual(unseeded);
      for (let i = 0; i < 200; i++) {
        const view = toLearnerView(question, `s${i}`) as LearnerOrderingQuestion;
        const shown = view.options.map((o) => o.id);
        expect(shown).not.toEqual(question.correctOrder);
        expect([...shown].sort()).toEqual([...question.correctOrder].sort());
      }
    }
  });

  it('tells short-text views the length limit and whether diacritics may be left out', () => {
    expect(toLearnerView(everyType[4])).toEqual({
      type: 'short_text',
      text: everyType[4].text,
      maxLength: SHORT_TEXT_MAX_LENGTH,
      diacriticInsensitive: true,
    });
  });

  it('shows true/false questions with their text only', () => {
    expect(toLearnerView(everyType[2])).toEqual({ type: 'true_false', text: everyType[2].text });
  });
});

describe('questionProblems', () => {
  it('accepts a well-formed question of every type', () => {
    for (const question of everyType) expect(questionProblems(question)).toEqual([]);
  });

  it('requires Vietnamese text for the question, its options and explanation', () => {
    const question: AuthorQuestion = {
      ...single,
      text: { en: 'English only' },
      explanation: { vi: '  ' },
      options: [option('a1', 'Có'), { id: 'b2', text: { en: 'No' } }],
      correctOptionId: 'a1',
    };
    expect(questionProblems(question)).toEqual([
      'The question text needs Vietnamese (vi)',
      'The explanation needs Vietnamese (vi)',
      'Option 2 needs Vietnamese (vi)',
    ]);
  });

  it('checks option count, ids and duplicates', () => {
    const tooFew: AuthorQuestion = { ...single, options: [option('a1', 'Một')], correctOptionId: 'a1' };
    expect(questionProblems(tooFew)).toContain('Give at least 2 options (there is 1)');

    const many = Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => option(`id${i}`, `Lựa chọn ${i}`));
    expect(questionProblems({ ...single, options: many, correctOptionId: 'id0' })).toContain(
      'Give at most 6 options (there are 7)',
    );

    const clash: AuthorQuestion = {
      ...single,
      options: [option('a1', 'Zalo'), option('a1', 'VNeID'), option('c3', ' zalo ')],
      correctOptionId: 'a1',
    };
    expect(questionProblems(clash)).toEqual([
      'Option 2 has the same id as another option',
      'Option 3 has the same text as option 1',
    ]);

    const badId: AuthorQuestion = { ...single, options: [option('a b', 'Một'), option('c', 'Hai')] };
    expect(questionProblems(badId)).toEqual(['Option 1 has no valid id (1–64 letters, digits, "-" or "_")']);
  });

  it('requires a correct answer that fits the options', () => {
    expect(questionProblems({ ...single, correctOptionId: 'nope' })).toEqual([
      'The correct answer must be one of the options',
    ]);
    const multiple = everyType[1] as Extract<AuthorQuestion, { type: 'multiple_choice' }>;
    expect(questionProblems({ ...multiple, correctOptionIds: [] })).toEqual([
      'Mark at least one option as correct',
    ]);
    expect(questionProblems({ ...multiple, correctOptionIds: ['o1', 'o9'] })).toEqual([
      'Every correct answer must be one of the options',
    ]);
    expect(questionProblems({ ...multiple, correctOptionIds: ['o1', 'o1'] })).toEqual([
      'An option is marked correct twice',
    ]);
    expect(questionProblems({ ...ordering, correctOrder: ['zz1', 'yy2', 'xx3'] })).toEqual([
      'The correct order must list every item exactly once',
    ]);
    expect(questionProblems({ ...ordering, correctOrder: ['zz1', 'zz1', 'xx3', 'ww4'] })).toEqual([
      'The correct order must list every item exactly once',
    ]);
  });

  it('checks accepted answers of short-text questions', () => {
    const shortText = everyType[4] as Extract<AuthorQuestion, { type: 'short_text' }>;
    expect(questionProblems({ ...shortText, acceptedAnswers: [] })).toEqual([
      'Give at least one accepted answer',
    ]);
    expect(questionProblems({ ...shortText, acceptedAnswers: ['CCCD', ' ', 'x'.repeat(501)] })).toEqual([
      'Accepted answer 2 is empty',
      'Accepted answer 3 is longer than 500 characters',
    ]);
  });

  it('counts characters as code points (as PostgreSQL does), not UTF-16 units', () => {
    // 2000 emoji are 4000 UTF-16 units but 2000 characters.
    const exactly = '😀'.repeat(2000);
    expect(questionProblems({ ...single, text: { vi: exactly } })).toEqual([]);
    expect(questionProblems({ ...single, text: { vi: exactly + 'a' } })).toEqual([
      'The question text (vi) is longer than 2000 characters',
    ]);
  });

  it('checks tags and the image', () => {
    expect(questionProblems({ ...single, tags: ['safety', 'safety', ' x', 'y'.repeat(41)] })).toEqual([
      'Tag "safety" appears twice',
      'Tag " x" must be text without spaces around it',
      `Tag "${'y'.repeat(41)}" is longer than 40 characters`,
    ]);
    expect(questionProblems({ ...single, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toEqual([
      'At most 10 tags (there are 11)',
    ]);
    expect(questionProblems({ ...single, image: { key: 'k', alt: { en: 'logo' } } })).toEqual([
      'The image description (alt text) needs Vietnamese (vi)',
    ]);
  });

  it('reports an unknown type from stored JSON instead of crashing', () => {
    const stored = JSON.parse('{"type":"essay","text":{"vi":"?"},"tags":[]}') as AuthorQuestion;
    expect(questionProblems(stored)).toEqual([
      'Unknown question type "essay"; use single_choice, multiple_choice, true_false, ordering, short_text',
    ]);
  });

  it('reports a malformed true/false answer from stored JSON', () => {
    const stored = JSON.parse('{"type":"true_false","text":{"vi":"?"},"tags":[],"correctAnswer":"yes"}');
    expect(questionProblems(stored as AuthorQuestion)).toEqual([
      'Say whether the statement is true or false',
    ]);
  });
});
