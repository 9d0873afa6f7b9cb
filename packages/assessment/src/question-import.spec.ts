import { grade } from './grading';
import { AuthorQuestion, toLearnerView } from './question';
import { parseQuestionRows, QUESTION_IMPORT_MAX_ROWS, QUESTION_TEMPLATE_COLUMNS } from './question-import';

const HEADER = [
  'type',
  'tags',
  'question_vi',
  'question_en',
  'option_1',
  'option_2',
  'option_3',
  'option_4',
  'option_5',
  'option_6',
  'correct',
  'explanation_vi',
  'accept_diacritic_insensitive',
];

type Cells = Partial<Record<(typeof HEADER)[number], string>>;

/** A row of HEADER's columns from named cells. */
const row = (cells: Cells, header: string[] = HEADER): string[] =>
  header.map((column) => cells[column] ?? '');

/** Sequential ids, so tests can refer to them (the API passes randomUUID). */
function counter() {
  let next = 0;
  return { newId: () => `id${++next}` };
}

const good = {
  single: row({
    type: 'single_choice',
    tags: 'VNeID; safety',
    question_vi: 'Ứng dụng nào dùng để định danh điện tử?',
    question_en: 'Which app is used for electronic ID?',
    option_1: 'Zalo',
    option_2: 'VNeID',
    option_3: 'Facebook',
    correct: '2',
    explanation_vi: 'VNeID là ứng dụng định danh điện tử quốc gia.',
  }),
  multiple: row({
    type: 'multiple_choice',
    tags: 'safety',
    question_vi: 'Những thông tin nào không được chia sẻ cho người lạ?',
    option_1: 'Mã OTP',
    option_2: 'Tên trường học',
    option_3: 'Mật khẩu',
    correct: '1;3',
  }),
  trueFalse: row({
    type: 'true_false',
    tags: 'safety',
    question_vi: 'Ngân hàng có thể gọi điện hỏi mã OTP của bạn.',
    correct: 'Sai',
  }),
  ordering: row({
    type: 'ordering',
    tags: 'VNeID',
    question_vi: 'Sắp xếp các bước kích hoạt tài khoản định danh',
    option_1: 'Kích hoạt tài khoản',
    option_2: 'Tải ứng dụng VNeID',
    option_3: 'Nhập số định danh cá nhân',
    correct: '2;3;1',
  }),
  shortText: row({
    type: 'short_text',
    tags: 'VNeID',
    question_vi: 'Thẻ thay thế chứng minh nhân dân gọi là gì?',
    correct: 'Căn cước công dân | CCCD',
    accept_diacritic_insensitive: 'có',
  }),
};

describe('parseQuestionRows', () => {
  it('imports a valid row of every type', () => {
    const { questions, questionRows, errors } = parseQuestionRows(
      [HEADER, good.single, good.multiple, good.trueFalse, good.ordering, good.shortText],
      counter(),
    );
    expect(errors).toEqual([]);
    expect(questionRows).toEqual([2, 3, 4, 5, 6]);
    expect(questions).toEqual<AuthorQuestion[]>([
      {
        type: 'single_choice',
        text: { vi: 'Ứng dụng nào dùng để định danh điện tử?', en: 'Which app is used for electronic ID?' },
        explanation: { vi: 'VNeID là ứng dụng định danh điện tử quốc gia.' },
        tags: ['VNeID', 'safety'],
        options: [
          { id: 'id1', text: { vi: 'Zalo' } },
          { id: 'id2', text: { vi: 'VNeID' } },
          { id: 'id3', text: { vi: 'Facebook' } },
        ],
        correctOptionId: 'id2',
      },
      {
        type: 'multiple_choice',
        text: { vi: 'Những thông tin nào không được chia sẻ cho người lạ?' },
        tags: ['safety'],
        options: [
          { id: 'id4', text: { vi: 'Mã OTP' } },
          { id: 'id5', text: { vi: 'Tên trường học' } },
          { id: 'id6', text: { vi: 'Mật khẩu' } },
        ],
        correctOptionIds: ['id4', 'id6'],
      },
      {
        type: 'true_false',
        text: { vi: 'Ngân hàng có thể gọi điện hỏi mã OTP của bạn.' },
        tags: ['safety'],
        correctAnswer: false,
      },
      {
        type: 'ordering',
        text: { vi: 'Sắp xếp các bước kích hoạt tài khoản định danh' },
        tags: ['VNeID'],
        options: [
          { id: 'id7', text: { vi: 'Kích hoạt tài khoản' } },
          { id: 'id8', text: { vi: 'Tải ứng dụng VNeID' } },
          { id: 'id9', text: { vi: 'Nhập số định danh cá nhân' } },
        ],
        correctOrder: ['id8', 'id9', 'id7'],
      },
      {
        type: 'short_text',
        text: { vi: 'Thẻ thay thế chứng minh nhân dân gọi là gì?' },
        tags: ['VNeID'],
        acceptedAnswers: ['Căn cước công dân', 'CCCD'],
        diacriticInsensitive: true,
      },
    ]);
  });

  it('produces questions the rest of the package can use', () => {
    const { questions } = parseQuestionRows([HEADER, good.shortText, good.ordering], counter());
    expect(grade(questions[0], { type: 'short_text', text: 'can cuoc cong dan' }).correct).toBe(true);
    expect(toLearnerView(questions[1])).toMatchObject({ type: 'ordering' });
  });

  it('keeps the valid rows and lists the broken ones with their row numbers', () => {
    const rows = [
      HEADER,
      good.single, // row 2
      row({ type: 'essay', question_vi: 'Viết một đoạn văn', correct: 'x' }), // 3: unknown type
      row({ type: 'single_choice', question_en: 'English only', option_1: 'A', option_2: 'B', correct: '1' }), // 4
      good.multiple, // 5
      row({ type: 'single_choice', question_vi: 'Chọn một', option_1: 'A', option_2: 'B', correct: '3' }), // 6
      row({ type: 'ordering', question_vi: 'Sắp xếp', option_1: 'Một', option_2: 'Hai', option_3: 'Ba' }), // 7
      row(
        {
          type: 'single_choice',
          question_vi: 'Quá nhiều lựa chọn',
          option_1: '1',
          option_2: '2',
          option_3: '3',
          option_4: '4',
          option_5: '5',
          option_6: '6',
          option_7: '7',
          correct: '1',
        },
        [...HEADER, 'option_7'],
      ), // 8
      good.trueFalse, // 9
    ];
    rows[0] = [...HEADER, 'option_7'];
    const { questions, questionRows, errors } = parseQuestionRows(rows, counter());
    expect(questionRows).toEqual([2, 5, 9]);
    expect(questions.map((q) => q.type)).toEqual(['single_choice', 'multiple_choice', 'true_false']);
    expect(errors).toEqual([
      {
        row: 3,
        message: 'Unknown type "essay"; use single_choice, multiple_choice, true_false, ordering, short_text',
      },
      {
        row: 4,
        message: 'question_vi is empty: the Vietnamese question is required (other languages are optional)',
      },
      { row: 6, message: 'The correct answer 3 is not among the options (this row has options 1–2)' },
      {
        row: 7,
        message:
          "correct is empty: an ordering question needs its options' numbers in the correct order, e.g. 2;1;3",
      },
      { row: 8, message: 'Too many options: 7; a question has at most 6' },
    ]);
  });

  it.each<[string, Cells, string[]]>([
    [
      'an empty type',
      { question_vi: 'Câu?', correct: '1' },
      ['The type is empty; use single_choice, multiple_choice, true_false, ordering, short_text'],
    ],
    [
      'an empty question',
      { type: 'true_false', correct: 'đúng' },
      ['The question is empty: fill question_vi'],
    ],
    [
      'a single choice with two answers',
      { type: 'single_choice', question_vi: 'Câu?', option_1: 'A', option_2: 'B', correct: '1;2' },
      ['A single_choice question has one correct answer; correct says "1;2"'],
    ],
    [
      'a correct answer that is not a number',
      { type: 'single_choice', question_vi: 'Câu?', option_1: 'A', option_2: 'B', correct: 'B' },
      ['correct must contain option numbers (the correct option number, e.g. 2), not "B"'],
    ],
    [
      'a multiple choice listing an option twice',
      { type: 'multiple_choice', question_vi: 'Câu?', option_1: 'A', option_2: 'B', correct: '1,1' },
      ['correct lists an option twice: "1,1"'],
    ],
    [
      'a multiple choice without correct answers',
      { type: 'multiple_choice', question_vi: 'Câu?', option_1: 'A', option_2: 'B' },
      ['correct is empty: write the correct option numbers, e.g. 1;3'],
    ],
    [
      'an ordering missing an item',
      { type: 'ordering', question_vi: 'Câu?', option_1: 'A', option_2: 'B', option_3: 'C', correct: '3;1' },
      ['correct must list each option number 1–3 exactly once, in the correct order; it says "3;1"'],
    ],
    [
      'an ordering repeating an item',
      {
        type: 'ordering',
        question_vi: 'Câu?',
        option_1: 'A',
        option_2: 'B',
        option_3: 'C',
        correct: '3 1 1',
      },
      ['correct must list each option number 1–3 exactly once, in the correct order; it says "3 1 1"'],
    ],
    [
      'a choice question with one option',
      { type: 'single_choice', question_vi: 'Câu?', option_1: 'A', correct: '1' },
      ['A single_choice question needs at least 2 options (option_1, option_2, …); this row has 1'],
    ],
    [
      'a gap between options',
      { type: 'single_choice', question_vi: 'Câu?', option_1: 'A', option_3: 'C', correct: '1' },
      ['option_2 is empty but option_3 is filled: fill the options from option_1 without gaps'],
    ],
    [
      'a true/false question with options',
      { type: 'true_false', question_vi: 'Câu?', option_1: 'Đúng', option_2: 'Sai', correct: 'true' },
      ['A true_false question has no options: leave option_1 … empty'],
    ],
    [
      'a true/false answer that is neither',
      { type: 'true_false', question_vi: 'Câu?', correct: 'có lẽ' },
      ['correct must be true or false (đúng or sai), not "có lẽ"'],
    ],
    [
      'a short-text question without accepted answers',
      { type: 'short_text', question_vi: 'Câu?', correct: ' | ' },
      ['correct is empty: write the accepted answers separated by "|", e.g. CCCD|căn cước công dân'],
    ],
    [
      'a yes/no cell that is neither',
      { type: 'short_text', question_vi: 'Câu?', correct: 'CCCD', accept_diacritic_insensitive: 'maybe' },
      ['accept_diacritic_insensitive must be yes or no, not "maybe"'],
    ],
    [
      'the diacritic flag on a choice question',
      {
        type: 'single_choice',
        question_vi: 'Câu?',
        option_1: 'A',
        option_2: 'B',
        correct: '1',
        accept_diacritic_insensitive: 'yes',
      },
      ['accept_diacritic_insensitive applies to short_text questions only'],
    ],
    [
      'two identical options (the editor’s rules apply too)',
      { type: 'single_choice', question_vi: 'Câu?', option_1: 'VNeID', option_2: 'vneid', correct: '1' },
      ['Option 2 has the same text as option 1'],
    ],
    [
      'several problems at once',
      { type: 'single_choice', question_en: 'Which?', option_1: 'A', option_2: 'B', correct: '7' },
      [
        'question_vi is empty: the Vietnamese question is required (other languages are optional)',
        'The correct answer 7 is not among the options (this row has options 1–2)',
      ],
    ],
  ])('reports %s', (_, cells, messages) => {
    const { questions, errors } = parseQuestionRows([HEADER, row(cells)], counter());
    expect(questions).toEqual([]);
    expect(errors).toEqual(messages.map((message) => ({ row: 2, message })));
  });

  it('accepts friendly spellings: type with spaces, đúng/sai, yes/no words, commas in number lists', () => {
    const { questions, errors } = parseQuestionRows(
      [
        HEADER,
        row({ type: 'True False', question_vi: 'Câu?', correct: 'ĐÚNG' }),
        row({ type: 'multiple-choice', question_vi: 'Câu?', option_1: 'A', option_2: 'B', correct: '2, 1' }),
        row({
          type: 'short_text',
          question_vi: 'Câu?',
          correct: 'Hà Nội',
          accept_diacritic_insensitive: 'KHÔNG',
        }),
      ],
      counter(),
    );
    expect(errors).toEqual([]);
    expect(questions).toMatchObject([
      { type: 'true_false', correctAnswer: true },
      { type: 'multiple_choice', correctOptionIds: ['id2', 'id1'] },
      { type: 'short_text', acceptedAnswers: ['Hà Nội'] },
    ]);
    expect(questions[2]).not.toHaveProperty('diacriticInsensitive');
  });

  it('reads option and explanation texts in other languages, and partial credit', () => {
    const header = [
      'Type',
      'QUESTION_VI',
      'question_blt',
      'option_1',
      'option_1_en',
      'option_2',
      'option_2_en',
      'correct',
      'explanation_vi',
      'explanation_en',
      'partial_credit',
    ];
    const { questions, errors } = parseQuestionRows(
      [header, ['ordering', 'Sắp xếp', 'ꪎꪳ', 'Một', 'One', 'Hai', 'Two', '2;1', 'Vì vậy', 'Because', 'yes']],
      counter(),
    );
    expect(errors).toEqual([]);
    expect(questions).toEqual([
      {
        type: 'ordering',
        text: { vi: 'Sắp xếp', blt: 'ꪎꪳ' },
        explanation: { vi: 'Vì vậy', en: 'Because' },
        tags: [],
        options: [
          { id: 'id1', text: { vi: 'Một', en: 'One' } },
          { id: 'id2', text: { vi: 'Hai', en: 'Two' } },
        ],
        correctOrder: ['id2', 'id1'],
        partialCredit: true,
      },
    ]);
  });

  it('requires the Vietnamese version of an option or explanation given in another language', () => {
    const header = [
      'type',
      'question_vi',
      'option_1',
      'option_1_en',
      'option_2',
      'correct',
      'explanation_en',
    ];
    const { errors } = parseQuestionRows(
      [header, ['single_choice', 'Câu?', '', 'One', 'Hai', '1', 'Because']],
      counter(),
    );
    expect(errors).toEqual([
      {
        row: 2,
        message: 'explanation_vi is empty: an explanation in another language needs the Vietnamese one too',
      },
      { row: 2, message: 'option_1_en is filled but option_1 (Vietnamese) is empty' },
    ]);
  });

  it('stores texts trimmed and in Unicode NFC, splits and de-duplicates tags', () => {
    const decomposed = 'Căn cước'.normalize('NFD');
    const { questions } = parseQuestionRows(
      [
        HEADER,
        row({
          type: 'short_text',
          tags: ' VNeID ,safety;; VNeID ',
          question_vi: `  ${decomposed}?  `,
          correct: decomposed,
        }),
      ],
      counter(),
    );
    expect(questions[0]).toMatchObject({
      text: { vi: 'Căn cước?' },
      tags: ['VNeID', 'safety'],
      acceptedAnswers: ['Căn cước'],
    });
    expect(questions[0].text['vi']).toBe('Căn cước?'.normalize('NFC'));
  });

  it('accepts the template columns as a header, every one of them read', () => {
    const cells: Record<string, string> = {
      type: 'multiple_choice',
      tags: 'an toàn trên mạng',
      question_vi: 'Việc nào giúp bảo vệ tài khoản?',
      option_1: 'Giữ kín mã OTP',
      option_2: 'Bấm vào đường link lạ',
      option_3: 'Bật xác thực hai lớp',
      correct: '1;3',
      explanation_vi: 'Không ai được hỏi mã OTP của bạn.',
      partial_credit: 'có',
    };
    const result = parseQuestionRows(
      [[...QUESTION_TEMPLATE_COLUMNS], QUESTION_TEMPLATE_COLUMNS.map((column) => cells[column] ?? '')],
      counter(),
    );
    expect(result.errors).toEqual([]);
    expect(result.questions[0]).toMatchObject({
      type: 'multiple_choice',
      tags: ['an toàn trên mạng'],
      correctOptionIds: ['id1', 'id3'],
      partialCredit: true,
      explanation: { vi: 'Không ai được hỏi mã OTP của bạn.' },
    });
    expect(QUESTION_TEMPLATE_COLUMNS).toContain('accept_diacritic_insensitive');
  });

  it('skips blank rows but keeps the spreadsheet row numbers', () => {
    const broken = row({ type: 'essay', question_vi: 'Câu?' });
    const { questionRows, errors } = parseQuestionRows(
      [HEADER, ['', ' '], good.trueFalse, [], broken],
      counter(),
    );
    expect(questionRows).toEqual([3]);
    expect(errors.map((e) => e.row)).toEqual([5]);
  });

  it('reports cells beyond the header (an unquoted comma) but ignores empty trailing cells', () => {
    const { questions, errors } = parseQuestionRows(
      [HEADER, [...good.trueFalse, '', ''], [...good.trueFalse, 'lạc']],
      counter(),
    );
    expect(questions).toHaveLength(1);
    expect(errors).toEqual([
      {
        row: 3,
        message:
          'The row has 14 cells but the header has 13 columns (a comma inside a cell needs the cell in double quotes)',
      },
    ]);
  });

  describe('header problems (reported on row 1, nothing imported)', () => {
    it('reports an empty file and a header without rows', () => {
      expect(parseQuestionRows([], counter()).errors).toEqual([
        { row: 1, message: 'The file is empty: the first row must be the header (type, …)' },
      ]);
      expect(parseQuestionRows([HEADER, ['']], counter()).errors).toEqual([
        { row: 1, message: 'The file has a header but no question rows' },
      ]);
    });

    it('reports missing, unknown and repeated columns', () => {
      const { questions, errors } = parseQuestionRows(
        [
          ['type', 'question', 'tags', 'tags', 'option_1'],
          ['true_false', 'Câu?', '', '', ''],
        ],
        counter(),
      );
      expect(questions).toEqual([]);
      expect(errors.map((e) => e.row)).toEqual([1, 1, 1]);
      expect(errors[0].message).toMatch(
        /^Unknown column "question"\. The columns are: type, tags, question_vi/,
      );
      expect(errors[1].message).toBe('The header has the column "tags" twice');
      expect(errors[2].message).toBe('The header must have the columns question_vi, correct');
    });

    it('reports gaps in the option columns and unnamed columns in the middle', () => {
      expect(
        parseQuestionRows(
          [
            ['type', 'question_vi', 'correct', 'option_1', 'option_3'],
            ['true_false', 'Câu?', 'sai'],
          ],
          counter(),
        ).errors,
      ).toEqual([
        { row: 1, message: 'The header has option_3… but no option_2: number the options 1, 2, 3…' },
      ]);
      expect(
        parseQuestionRows(
          [
            ['type', '', 'question_vi', 'correct', ''],
            ['true_false', '', 'Câu?', 'sai', ''],
          ],
          counter(),
        ).errors,
      ).toEqual([{ row: 1, message: 'Column 2 of the header has no name' }]);
    });

    it('accepts a byte-order mark, any column order and letter case', () => {
      const { questions, errors } = parseQuestionRows(
        [
          ['\uFEFFCorrect', ' Question_VI ', 'TYPE', ''],
          ['đúng', 'Câu?', 'true_false'],
        ],
        counter(),
      );
      expect(errors).toEqual([]);
      expect(questions).toMatchObject([{ type: 'true_false', correctAnswer: true }]);
    });

    it(`refuses more than ${QUESTION_IMPORT_MAX_ROWS} question rows`, () => {
      const rows = [HEADER, ...new Array<string[]>(QUESTION_IMPORT_MAX_ROWS + 1).fill(good.trueFalse)];
      expect(parseQuestionRows(rows, counter())).toEqual({
        questions: [],
        questionRows: [],
        errors: [{ row: 1, message: 'The file has 2001 question rows; import at most 2000 at a time' }],
      });
    });
  });
});
