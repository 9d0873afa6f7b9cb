import { describe, expect, it } from '@jest/globals';

import { checkImportFile, decodeCsv, importFileKind, rowsOfReport, unreadableReason } from './import-file';

describe('checkImportFile', () => {
  it('tells the template formats by name first, then by type', () => {
    expect(importFileKind({ name: 'Câu hỏi.XLSX', type: '' })).toBe('xlsx');
    expect(importFileKind({ name: 'cau-hoi.csv', type: 'application/vnd.ms-excel' })).toBe('csv');
    expect(importFileKind({ name: 'download', type: 'text/csv' })).toBe('csv');
    expect(importFileKind({ name: 'cau-hoi.xls', type: 'application/vnd.ms-excel' })).toBeNull();
  });

  it('refuses other files, empty ones and workbooks over 5 MB', () => {
    expect(checkImportFile({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toEqual({
      problem: 'wrongType',
    });
    expect(checkImportFile({ name: 'a.csv', type: 'text/csv', size: 0 })).toEqual({ problem: 'empty' });
    expect(checkImportFile({ name: 'a.xlsx', type: '', size: 5 * 1024 * 1024 + 1 })).toEqual({
      problem: 'tooLarge',
    });
    expect(checkImportFile({ name: 'a.xlsx', type: '', size: 5 * 1024 * 1024 })).toEqual({ kind: 'xlsx' });
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8 and refuses another encoding (Excel’s plain CSV on Windows)', () => {
    const utf8 = new TextEncoder().encode('type,question_vi\ntrue_false,Căn cước\n');
    expect(decodeCsv(utf8.buffer)).toEqual({ text: 'type,question_vi\ntrue_false,Căn cước\n' });
    // "Căn" in Windows-1258: C, 0xE3 (ă), n.
    expect(decodeCsv(new Uint8Array([0x43, 0xe3, 0x6e]).buffer)).toEqual({ problem: 'notUtf8' });
  });
});

describe('rowsOfReport', () => {
  it('groups the problems of each row, in row order', () => {
    expect(
      rowsOfReport([
        { row: 5, message: 'a' },
        { row: 2, message: 'b' },
        { row: 5, message: 'c' },
      ]),
    ).toEqual([
      { row: 2, messages: ['b'] },
      { row: 5, messages: ['a', 'c'] },
    ]);
  });
});

describe('unreadableReason', () => {
  it('recognises the usual reasons the API gives for a file it cannot read', () => {
    const detail = (message: string) => [{ row: 0, message }];
    expect(unreadableReason(detail('The file is not a readable XLSX workbook: not a ZIP archive (…)'))).toBe(
      'notXlsx',
    );
    expect(
      unreadableReason(detail('The file is not a readable XLSX workbook: unpacks to more than 40 MB')),
    ).toBe('tooBig');
    expect(unreadableReason(detail('The file is not valid CSV: Quote Not Closed'))).toBe('notCsv');
    expect(unreadableReason(null)).toBeNull();
  });
});
