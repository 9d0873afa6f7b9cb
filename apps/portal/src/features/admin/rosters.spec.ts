import { describe, expect, it } from '@jest/globals';

import en from '../../i18n/en.json';
import vi from '../../i18n/vi.json';
import {
  checkRosterFile,
  columnProblems,
  decodeRosterCsv,
  describeRosterIssue,
  issuesByRow,
  reportFileName,
  ROSTER_ISSUE_CODES,
  ROSTER_MAX_FILE_BYTES,
  rosterFileKind,
  rowCount,
} from './rosters';

const issue = (code: string, extra: Partial<{ column: string; message: string; value: string }> = {}) => ({
  row: 3,
  column: extra.column ?? 'số điện thoại',
  code,
  message: extra.message ?? 'message',
  ...(extra.value === undefined ? {} : { value: extra.value }),
});

describe('checkRosterFile', () => {
  it('tells CSV from XLSX by name first, then by type', () => {
    expect(rosterFileKind({ name: 'Danh sách lớp 9A.XLSX', type: '' })).toBe('xlsx');
    expect(rosterFileKind({ name: 'danh-sach.csv', type: 'application/vnd.ms-excel' })).toBe('csv');
    expect(rosterFileKind({ name: 'download', type: 'text/csv' })).toBe('csv');
    expect(rosterFileKind({ name: 'danh-sach.pdf', type: 'application/pdf' })).toBeNull();
  });

  it('refuses other files (with a word on old .xls workbooks), empty ones and files over 10 MB', () => {
    expect(checkRosterFile({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toEqual({
      problem: 'wrongType',
    });
    expect(checkRosterFile({ name: 'lop.xls', type: 'application/vnd.ms-excel', size: 10 })).toEqual({
      problem: 'oldExcel',
    });
    expect(checkRosterFile({ name: 'a.csv', type: 'text/csv', size: 0 })).toEqual({ problem: 'empty' });
    expect(checkRosterFile({ name: 'a.csv', type: '', size: ROSTER_MAX_FILE_BYTES + 1 })).toEqual({
      problem: 'tooLarge',
    });
    expect(checkRosterFile({ name: 'a.xlsx', type: '', size: ROSTER_MAX_FILE_BYTES })).toEqual({
      kind: 'xlsx',
    });
  });
});

describe('decodeRosterCsv', () => {
  it('reads UTF-8 (dropping a byte-order mark) and refuses another encoding', () => {
    const bytes = new TextEncoder().encode('\uFEFFhọ và tên;xã/phường\nLò Văn Ánh;Mường Ảng\n');
    expect(decodeRosterCsv(bytes.buffer)).toEqual({ text: 'họ và tên;xã/phường\nLò Văn Ánh;Mường Ảng\n' });
    // "Lò" in Windows-1258: L, 0xF2 (ò).
    expect(decodeRosterCsv(new Uint8Array([0x4c, 0xf2]).buffer)).toEqual({ problem: 'notUtf8' });
    expect(decodeRosterCsv(new TextEncoder().encode(' \n\n').buffer)).toEqual({ problem: 'empty' });
  });
});

function lookup(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
}

describe('describeRosterIssue', () => {
  it('has words in both languages for every code the API reports', () => {
    for (const code of ROSTER_ISSUE_CODES) {
      const { key } = describeRosterIssue(issue(code, { message: 'Same as row 2' }));
      expect(key).not.toBe('other');
      for (const catalogue of [vi, en]) {
        expect(typeof lookup(catalogue, `admin.rosters.issues.${key}`)).toBe('string');
      }
    }
    expect(typeof lookup(vi, 'admin.rosters.issues.missingContactColumn')).toBe('string');
    expect(typeof lookup(en, 'admin.rosters.issues.other')).toBe('string');
  });

  it('maps codes to keys with the cell, the column and the earlier row of a duplicate', () => {
    expect(describeRosterIssue(issue('invalid_phone', { value: '0123' }))).toEqual({
      key: 'invalidPhone',
      params: { column: 'số điện thoại', value: '0123', firstRow: '' },
    });
    expect(
      describeRosterIssue(issue('duplicate_in_file', { message: 'The phone number is on row 2 already' })),
    ).toMatchObject({ key: 'duplicateInFile', params: { firstRow: '2' } });
    expect(describeRosterIssue(issue('attributes_without_consent', { column: 'khuyết tật' })).key).toBe(
      'attributesWithoutConsent',
    );
  });

  it('tells the "phone or citizen id" header problem from a missing required column', () => {
    expect(
      describeRosterIssue(
        issue('missing_column', { message: 'Column "số điện thoại" or "số định danh" is needed' }),
      ).key,
    ).toBe('missingContactColumn');
    expect(
      describeRosterIssue(
        issue('missing_column', { column: 'họ và tên', message: 'Column "họ và tên" is missing' }),
      ).key,
    ).toBe('missingColumn');
  });

  it('falls back to the API’s message for a code it does not know yet', () => {
    expect(describeRosterIssue(issue('brand_new_code')).key).toBe('other');
  });
});

describe('issuesByRow', () => {
  it('groups issues per row in row order and counts the rows', () => {
    const issues = [
      { row: 7, code: 'a' },
      { row: 2, code: 'b' },
      { row: 7, code: 'c' },
    ];
    expect(issuesByRow(issues)).toEqual([
      { row: 2, issues: [{ row: 2, code: 'b' }] },
      {
        row: 7,
        issues: [
          { row: 7, code: 'a' },
          { row: 7, code: 'c' },
        ],
      },
    ]);
    expect(rowCount(issues)).toBe(2);
  });
});

describe('columnProblems', () => {
  it('reads the header problems of ROSTER_COLUMNS_INVALID and ignores anything else', () => {
    const problem = { row: 1, column: 'họ và tên', code: 'missing_column', message: 'Column is missing' };
    expect(columnProblems({ problems: [problem, { nonsense: true }], warnings: [] })).toEqual([problem]);
    expect(columnProblems(null)).toEqual([]);
    expect(columnProblems({ problems: 'x' })).toEqual([]);
  });
});

describe('reportFileName', () => {
  it('names the report after the file', () => {
    expect(reportFileName('Lớp 9A.xlsx')).toBe('Lớp 9A-bao-cao-loi.csv');
    expect(reportFileName('.csv')).toBe('danh-sach-bao-cao-loi.csv');
  });
});
