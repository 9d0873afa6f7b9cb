import { ErrorCode } from '@hocvu/contracts';
import { Workbook } from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';

import { AppError } from '../../common/errors/app-error';
import { cellText, rowsFromCsv, rowsFromXlsx, zipProblem } from './question-file';

/** A ZIP archive of deflated entries, written by hand so a test can make one that unpacks big. */
function zipOf(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const fileName = Buffer.from(name);
    const data = deflateRawSync(content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(content), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(content), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(content.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    directory.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

async function xlsxBase64(build: (workbook: Workbook) => void): Promise<string> {
  const workbook = new Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function importError(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('cellText', () => {
  it('writes every kind of cell value as the text a CSV export would hold', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('Căn cước')).toBe('Căn cước');
    expect(cellText(2)).toBe('2');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2026, 6, 1)))).toBe('2026-07-01');
    expect(cellText(new Date(Date.UTC(2026, 6, 1, 8, 30)))).toBe('2026-07-01T08:30:00Z');
    expect(cellText({ richText: [{ text: 'Ứng dụng ' }, { text: 'VNeID', font: { bold: true } }] })).toBe(
      'Ứng dụng VNeID',
    );
    expect(cellText({ formula: 'IF(A1=1,"sai","đúng")', result: 'sai' })).toBe('sai');
    expect(cellText({ sharedFormula: 'A2', result: 3 })).toBe('3');
    expect(cellText({ formula: 'NOW()' })).toBe('');
    expect(cellText({ text: 'dichvucong.gov.vn', hyperlink: 'https://dichvucong.gov.vn' })).toBe(
      'dichvucong.gov.vn',
    );
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });
});

describe('zipProblem', () => {
  it('accepts a small archive', async () => {
    expect(await zipProblem(zipOf({ 'a.xml': Buffer.from('<a/>') }), 1024, 10)).toBeNull();
  });

  it('refuses what is not a ZIP archive, a damaged one, and one with too many files', async () => {
    expect(await zipProblem(Buffer.from('type,question_vi\n'), 1024, 10)).toMatch(/not a ZIP archive/);
    const zip = zipOf({ 'a.xml': Buffer.from('<a/>') });
    expect(await zipProblem(zip.subarray(20), 1024, 10)).toBe('damaged');
    const many = zipOf(
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`${i}.xml`, Buffer.from('x')])),
    );
    expect(await zipProblem(many, 1024, 10)).toMatch(/more than 10 files/);
  });

  it('refuses an archive that unpacks to more than the limit, without unpacking it all', async () => {
    // 64 MB of zeros deflate to about 64 kB: a small "zip bomb".
    const bomb = zipOf({ 'xl/worksheets/sheet1.xml': Buffer.alloc(64 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await zipProblem(bomb, 40 * 1024 * 1024, 10)).toBe('unpacks to more than 40 MB');
    // Several entries count together.
    const parts = zipOf({ 'a.xml': Buffer.alloc(600), 'b.xml': Buffer.alloc(600) });
    expect(await zipProblem(parts, 1024, 10)).toMatch(/^unpacks to more than/);
    expect(await zipProblem(parts, 1200, 10)).toBeNull();
  });
});

describe('rowsFromXlsx', () => {
  it("reads the first worksheet's rows, keeping blank rows and cells in place", async () => {
    const base64 = await xlsxBase64((workbook) => {
      const sheet = workbook.addWorksheet('Câu hỏi');
      sheet.getCell('A1').value = 'type';
      sheet.getCell('C1').value = 'correct';
      sheet.getCell('A3').value = 'true_false';
      sheet.getCell('C3').value = { formula: 'IF(1=1,"sai","đúng")', result: 'sai' };
      sheet.mergeCells('A4:B4');
      sheet.getCell('A4').value = 'gộp';
      workbook.addWorksheet('Hướng dẫn').getCell('A1').value = 'not read';
    });
    expect(await rowsFromXlsx(base64)).toEqual([
      ['type', '', 'correct'],
      [],
      ['true_false', '', 'sai'],
      ['gộp', ''],
    ]);
  });

  it('refuses a file that is not a workbook, or a workbook without worksheets, as IMPORT_INVALID', async () => {
    const notXlsx = await importError(rowsFromXlsx(Buffer.from('type,question_vi\n').toString('base64')));
    expect(notXlsx.code).toBe(ErrorCode.ImportInvalid);
    expect(notXlsx.details).toEqual([{ row: 0, message: expect.stringMatching(/not a ZIP archive/) }]);

    const otherZip = zipOf({ 'word/document.xml': Buffer.from('<w:document/>') }).toString('base64');
    expect((await importError(rowsFromXlsx(otherZip))).code).toBe(ErrorCode.ImportInvalid);
    expect((await importError(rowsFromXlsx(''))).code).toBe(ErrorCode.ImportInvalid);
  });
});

describe('rowsFromCsv', () => {
  it('reads quoted cells and ignores a byte-order mark', () => {
    expect(rowsFromCsv('\uFEFFtype,question_vi\nshort_text,"Một, hai"\n')).toEqual([
      ['type', 'question_vi'],
      ['short_text', 'Một, hai'],
    ]);
  });

  it('refuses broken CSV as IMPORT_INVALID', () => {
    expect(() => rowsFromCsv('a,"b\n')).toThrow(expect.objectContaining({ code: ErrorCode.ImportInvalid }));
  });
});
