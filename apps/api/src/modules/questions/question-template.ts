import { QUESTION_TEMPLATE_COLUMNS } from '@hocvu/assessment';
import { Workbook } from 'exceljs';

/**
 * The question template teachers download, as CSV and as XLSX: the columns `parseQuestionRows` reads
 * (from @hocvu/assessment, so the template cannot drift from the importer) and two example rows.
 */

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const TEMPLATE_FILE_NAME = 'mau-cau-hoi';

type TemplateRow = Partial<Record<string, string>>;

/** Two questions a teacher of the campaign might write, one per common type. */
const EXAMPLE_ROWS: readonly TemplateRow[] = [
  {
    type: 'single_choice',
    tags: 'VNeID',
    question_vi: 'Ứng dụng nào của Bộ Công an dùng để định danh điện tử, thay thẻ Căn cước khi làm thủ tục?',
    option_1: 'VNeID',
    option_2: 'Zalo',
    option_3: 'Facebook',
    option_4: 'YouTube',
    correct: '1',
    explanation_vi:
      'VNeID do Bộ Công an phát triển; tài khoản định danh điện tử mức 2 dùng được thay thẻ Căn cước khi làm nhiều thủ tục.',
  },
  {
    type: 'multiple_choice',
    tags: 'an toàn trên mạng',
    question_vi: 'Những việc nào giúp bạn an toàn trên mạng?',
    option_1: 'Không cho ai biết mã OTP, kể cả người tự xưng là công an hay nhân viên ngân hàng',
    option_2: 'Bấm vào đường link lạ để nhận quà',
    option_3: 'Đặt mật khẩu mạnh và khác nhau cho mỗi tài khoản',
    option_4: 'Cho người lạ mượn tài khoản ngân hàng',
    correct: '1;3',
    explanation_vi:
      'Mã OTP và mật khẩu là chìa khoá tài khoản của bạn: không cơ quan nào hỏi mã OTP qua điện thoại.',
    partial_credit: 'có',
  },
];

/** What to write in each column, for the workbook's "Hướng dẫn" sheet. */
const COLUMN_GUIDE: Partial<Record<string, string>> = {
  type:
    'Loại câu hỏi: single_choice (một đáp án đúng), multiple_choice (nhiều đáp án đúng), ' +
    'true_false (đúng/sai), ordering (sắp xếp theo thứ tự), short_text (trả lời ngắn).',
  tags: 'Nhãn để bài kiểm tra rút câu hỏi, cách nhau bởi dấu ; — ví dụ: VNeID; an toàn trên mạng (không bắt buộc).',
  question_vi:
    'Nội dung câu hỏi bằng tiếng Việt (bắt buộc). Thêm cột question_en, question_blt… cho ngôn ngữ khác.',
  correct:
    'Đáp án. Một đáp án: số thứ tự lựa chọn đúng (2). Nhiều đáp án: 1;3. Đúng/sai: đúng hoặc sai. ' +
    'Sắp xếp: các số theo thứ tự đúng (3;1;2). Trả lời ngắn: các câu trả lời được chấp nhận, cách nhau bởi | ' +
    '(CCCD|căn cước công dân).',
  explanation_vi: 'Giải thích vì sao, hiện sau khi chấm bài (không bắt buộc).',
  accept_diacritic_insensitive:
    'Chỉ cho câu trả lời ngắn: có/không — chấp nhận cả câu trả lời gõ không dấu (không bắt buộc).',
  partial_credit: 'Chỉ cho câu nhiều đáp án và câu sắp xếp: có/không — cho điểm từng phần (không bắt buộc).',
};

function guideFor(column: string): string {
  const option = /^option_(\d+)$/.exec(column);
  if (option) {
    return option[1] === '1'
      ? 'Lựa chọn thứ 1 (hoặc mục thứ 1 của câu sắp xếp). Điền từ option_1, không bỏ trống ở giữa; ' +
          'câu đúng/sai và trả lời ngắn để trống. Thêm cột option_1_en… cho ngôn ngữ khác.'
      : `Lựa chọn thứ ${option[1]} (không bắt buộc).`;
  }
  return COLUMN_GUIDE[column] ?? '';
}

function exampleCells(): string[][] {
  return EXAMPLE_ROWS.map((row) => QUESTION_TEMPLATE_COLUMNS.map((column) => row[column] ?? ''));
}

/** The template as CSV: UTF-8 with a byte-order mark (so Excel shows the diacritics), CRLF lines. */
export function questionTemplateCsv(): string {
  const lines = [[...QUESTION_TEMPLATE_COLUMNS], ...exampleCells()].map((cells) =>
    cells.map(csvCell).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The template as an XLSX workbook: the questions sheet (read by the import) and a guide sheet. */
export async function questionTemplateXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Hocvu';

  const sheet = workbook.addWorksheet('Câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = QUESTION_TEMPLATE_COLUMNS.map((column) => ({
    key: column,
    width: column.startsWith('question') || column.startsWith('explanation') ? 48 : 20,
    // Text, not General: "1;3" or "2" must stay as typed (a Vietnamese Excel reads "1,3" as 1.3).
    style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.addRow([...QUESTION_TEMPLATE_COLUMNS]).font = { bold: true };
  sheet.addRows(exampleCells());

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { key: 'column', width: 30 },
    { key: 'guide', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  guide.addRow(['Cột', 'Cách điền']).font = { bold: true };
  guide.addRows(QUESTION_TEMPLATE_COLUMNS.map((column) => [column, guideFor(column)]));
  guide.addRow([]);
  guide.addRow([
    'Lưu ý',
    'Chỉ trang tính đầu tiên được nhập. Dòng 1 là tên cột, đừng đổi; mỗi dòng sau là một câu hỏi. ' +
      'Dòng có lỗi được báo theo số dòng, các dòng đúng vẫn được nhập.',
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
