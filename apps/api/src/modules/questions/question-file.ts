import { QUESTION_IMPORT_XLSX_MAX_BYTES } from '@hocvu/assessment';
import { ErrorCode } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { CellValue, ValueType, Workbook } from 'exceljs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

import { AppError } from '../../common/errors/app-error';

/**
 * Reading the question template from a CSV file or an XLSX workbook into rows of text cells, the input
 * of @hocvu/assessment's `parseQuestionRows`: both formats then get the same row report. `rows[i]` is
 * spreadsheet row i + 1, blank rows included, so row numbers in the report match what the teacher sees.
 */

/** Most bytes a workbook may unpack to (a full 2,000-row template is a few megabytes of XML). */
export const XLSX_MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
/** Most files inside a workbook (a plain one has about ten). */
const XLSX_MAX_ENTRIES = 1000;

/** The rows of a CSV file (UTF-8 text; a byte-order mark is ignored). */
export function rowsFromCsv(csv: string): string[][] {
  try {
    const parsed: unknown = parse(csv.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return parsed as string[][];
  } catch (error) {
    throw importInvalid('The file is not valid CSV', (error as Error).message);
  }
}

/** The rows of the first worksheet of an XLSX workbook, every cell as text (see `cellText`). */
export async function rowsFromXlsx(base64: string): Promise<string[][]> {
  const file = Buffer.from(base64, 'base64');
  if (file.length === 0) throw importInvalid('The workbook is empty');
  if (file.length > QUESTION_IMPORT_XLSX_MAX_BYTES) {
    throw importInvalid(`The workbook is larger than ${QUESTION_IMPORT_XLSX_MAX_BYTES / 1024 / 1024} MB`);
  }
  const problem = await zipProblem(file, XLSX_MAX_UNPACKED_BYTES, XLSX_MAX_ENTRIES);
  if (problem) throw importInvalid('The file is not a readable XLSX workbook', problem);

  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (it reads Buffers and ArrayBuffers alike).
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.length));
  } catch (error) {
    throw importInvalid('The file is not a readable XLSX workbook', (error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importInvalid('The workbook has no worksheet');

  const rows: string[][] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, columnNumber) => {
      // Only the top-left cell of a merged range holds its value; the others read as empty.
      cells[columnNumber - 1] = cell.type === ValueType.Merge ? '' : cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
  });
  return Array.from(rows, (cells) => cells ?? []);
}

/**
 * A cell's value as the text a CSV export would hold: rich text as plain text, numbers and booleans
 * written out, a formula as its cached result, a date as an ISO date (with the time when it has one),
 * an error as its code (#N/A).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in value) return cellText(value.text);
  if ('error' in value) return value.error;
  return '';
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Why `zip` is not a ZIP archive that unpacks to at most `maxBytes` in at most `maxEntries` files, or
 * null when it is. Every entry is actually inflated, with that cap: exceljs unpacks a workbook whole
 * into memory and trusts the sizes an archive declares, so a small crafted file could otherwise unpack
 * to gigabytes. Encrypted workbooks and old .xls files are not ZIP archives at all. Entries are inflated
 * as a stream and only counted, so checking a 50,000-row sheet (tens of MB of XML) holds a few chunks at
 * a time, not the whole sheet.
 */
export async function zipProblem(zip: Buffer, maxBytes: number, maxEntries: number): Promise<string | null> {
  const notZip = 'not a ZIP archive (an .xlsx file is one; old .xls and password-protected files are not)';
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return notZip;
  const entries = zip.readUInt16LE(end + 10);
  if (entries > maxEntries) return `more than ${maxEntries} files inside`;

  let offset = zip.readUInt32LE(end + 16);
  let remaining = maxBytes;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return 'damaged';
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const local = zip.readUInt32LE(offset + 42);
    offset +=
      46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);

    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) return 'damaged';
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressedSize > zip.length) return 'damaged';
    const data = zip.subarray(start, start + compressedSize);

    let size: number;
    if (method === STORED) size = data.length;
    else if (method === DEFLATED) {
      const inflated = await inflatedSize(data, remaining);
      if (inflated === 'damaged') return 'damaged';
      if (inflated === 'tooLarge') return unpacksTooLarge(maxBytes);
      size = inflated;
    } else return `compressed with an unsupported method (${method})`;
    remaining -= size;
    if (remaining < 0) return unpacksTooLarge(maxBytes);
  }
  return null;
}

/** The size `data` inflates to, counted chunk by chunk and stopped as soon as it passes `limit`. */
async function inflatedSize(data: Buffer, limit: number): Promise<number | 'tooLarge' | 'damaged'> {
  let size = 0;
  try {
    for await (const chunk of Readable.from([data]).pipe(createInflateRaw()) as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Leaving the loop destroys the stream: nothing more is inflated.
      if (size > limit) return 'tooLarge';
    }
  } catch {
    return 'damaged';
  }
  return size;
}

function unpacksTooLarge(maxBytes: number): string {
  return `unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`;
}

/** The file cannot be read at all (nothing imported); `detail` says why when there is more to say. */
function importInvalid(message: string, detail?: string): AppError {
  return new AppError(ErrorCode.ImportInvalid, HttpStatus.BAD_REQUEST, message, [
    { row: 0, message: detail ? `${message}: ${detail}` : message },
  ]);
}
