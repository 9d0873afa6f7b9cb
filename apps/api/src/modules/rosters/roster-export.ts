import { Workbook } from 'exceljs';

import { ROSTER_COLUMNS } from './roster-columns';
import { RosterIssue } from './roster-parser';

/**
 * What the roster feature hands back as files: the template (CSV and XLSX) and the row report as CSV.
 * Everything written here that came from a user's file is neutralised against CSV/formula injection:
 * a spreadsheet must show it as text, never run it.
 */

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const TEMPLATE_FILE_NAME = 'mau-danh-sach-hoc-vien';
export const REPORT_FILE_NAME = 'bao-cao-danh-sach';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab/CR first; also their full-width
 * forms, which some spreadsheets fold) gets a leading apostrophe, as OWASP recommends, so it is text.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, then quoted when it holds a separator, a quote or a line break. */
export function csvField(text: string): string {
  const safe = neutraliseCell(text);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark (so Excel shows the diacritics), CRLF lines. */
export function toCsv(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The row report: one line per problem or warning, with the cell as it was read. */
export function reportCsv(
  issues: readonly (RosterIssue<string> & { severity: 'error' | 'warning' })[],
): string {
  const header = ['dòng', 'cột', 'mức độ', 'mã', 'nội dung', 'giá trị'];
  return toCsv([
    header,
    ...issues.map((issue) => [
      String(issue.row),
      issue.column,
      issue.severity === 'error' ? 'lỗi' : 'cảnh báo',
      issue.code,
      issue.message,
      issue.value ?? '',
    ]),
  ]);
}

const EXAMPLE_ROWS: readonly (readonly string[])[] = [
  [
    'Lò Thị Mai',
    '0912345678',
    '011190001234',
    '15/08/1990',
    'nữ',
    'Mường Ảng',
    'Bản Hón',
    'người dân',
    'có',
    'không',
    'Thái',
    'HGD-0001',
  ],
  [
    'Quàng Văn Dũng',
    '0987654321',
    '',
    '02/01/2009',
    'nam',
    'Mường Ảng',
    '',
    'học sinh/sinh viên',
    '',
    '',
    '',
    '',
  ],
];

export function rosterTemplateCsv(): string {
  return toCsv([ROSTER_COLUMNS.map((column) => column.header), ...EXAMPLE_ROWS]);
}

export async function rosterTemplateXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Hocvu';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((column) => ({
    key: column.field,
    width: column.field === 'fullName' || column.field === 'consent' ? 28 : 18,
    // Text, not General: phone numbers and citizen ids keep their leading zeros, dates stay as typed.
    style: { numFmt: '@' },
  }));
  sheet.addRow(ROSTER_COLUMNS.map((column) => column.header)).font = { bold: true };
  sheet.addRows(EXAMPLE_ROWS.map((row) => [...row]));

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { key: 'column', width: 28 },
    { key: 'guide', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  guide.addRow(['Cột', 'Cách điền']).font = { bold: true };
  guide.addRows(ROSTER_COLUMNS.map((column) => [column.header, column.guide]));
  guide.addRow([]);
  guide.addRow([
    'Lưu ý',
    'Chỉ trang tính đầu tiên được nhập; dòng 1 là tên cột. Xem trước để biết lỗi theo từng dòng, rồi nhập: ' +
      'các dòng đúng được nhập cùng lúc, dòng trùng số điện thoại hoặc số định danh với tài khoản đã có không tạo tài khoản mới. ' +
      'Tối đa 50.000 dòng, 10 MB.',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
