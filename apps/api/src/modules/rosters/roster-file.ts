import { ErrorCode } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { stream as excelStream, ValueType } from 'exceljs';
import { Readable } from 'node:stream';

import { AppError } from '../../common/errors/app-error';
import { cellText, zipProblem } from '../questions/question-file';
import { RosterCells } from './roster-parser';

/**
 * Reading a roster upload (CSV text, or an XLSX workbook in base64, like the question import) into
 * text cells, with the limits that keep one request from exhausting the API: at most 10 MB of file,
 * 50,000 data rows, and a workbook that unpacks to at most 200 MB (checked by actually inflating it
 * before exceljs sees it, see zipProblem).
 */

export const ROSTER_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 50_000;
/** A 50,000-row roster unpacks to about 60 MB of sheet XML. */
const XLSX_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const XLSX_MAX_ENTRIES = 1000;

export type RosterUpload = { csv: string } | { xlsx: string };

export async function readRosterFile(upload: RosterUpload): Promise<RosterCells> {
  const cells = 'xlsx' in upload ? await cellsFromXlsx(upload.xlsx) : cellsFromCsv(upload.csv);
  // The header row does not count; trailing blank rows do not either.
  let last = cells.rows.length - 1;
  while (last > 0 && (cells.rows[last] ?? []).every((cell) => !cell || !cell.trim())) last--;
  if (last > ROSTER_MAX_ROWS) throw tooManyRows();
  return { rows: cells.rows.slice(0, last + 1), numeric: cells.numeric };
}

function cellsFromCsv(csv: string): RosterCells {
  if (Buffer.byteLength(csv, 'utf8') > ROSTER_MAX_FILE_BYTES) throw fileTooLarge();
  if (csv.replace(/^\uFEFF/, '').trim() === '') throw importInvalid('The file is empty');
  // Excel in Vietnamese (and many government templates) saves CSV with semicolons.
  const newline = csv.indexOf('\n');
  const firstLine = newline < 0 ? csv : csv.slice(0, newline);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return { rows };
  } catch (error) {
    throw importInvalid('The file is not valid CSV', (error as Error).message);
  }
}

async function cellsFromXlsx(base64: string): Promise<RosterCells> {
  // Base64 is 4 characters per 3 bytes: refuse before decoding anything much larger than allowed.
  if (base64.length > Math.ceil(ROSTER_MAX_FILE_BYTES / 3) * 4 + 4) throw fileTooLarge();
  const file = Buffer.from(base64, 'base64');
  if (file.length === 0) throw importInvalid('The workbook is empty');
  if (file.length > ROSTER_MAX_FILE_BYTES) throw fileTooLarge();
  const problem = await zipProblem(file, XLSX_MAX_UNPACKED_BYTES, XLSX_MAX_ENTRIES);
  if (problem) throw importInvalid('The file is not a readable XLSX workbook', problem);

  // Streamed row by row: exceljs's in-memory model of a 50,000-row sheet does not fit the API's heap.
  const reader = new excelStream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: string[][] = [];
  const numeric = new Set<string>();
  let filled = 0;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      // Only the first worksheet is read.
      if (sheets > 1) continue;
      for await (const row of sheet) {
        const cells: string[] = [];
        row.eachCell((cell, columnNumber) => {
          // A formula cell reads as its cached result (what Excel shows), never as the formula.
          cells[columnNumber - 1] = cell.type === ValueType.Merge ? '' : cellText(cell.value);
          if (typeof cell.value === 'number') numeric.add(`${row.number - 1}:${columnNumber - 1}`);
        });
        if (cells.some((text) => text && text.trim())) filled += 1;
        // Header and data rows; blank rows in between are kept so row numbers match the sheet.
        if (filled > ROSTER_MAX_ROWS + 1) throw tooManyRows();
        rows[row.number - 1] = Array.from(cells, (text) => text ?? '');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importInvalid('The file is not a readable XLSX workbook', (error as Error).message);
  }
  if (sheets === 0) throw importInvalid('The workbook has no worksheet');
  return { rows: Array.from(rows, (cells) => cells ?? []), numeric };
}

function tooManyRows(): AppError {
  return new AppError(
    ErrorCode.RosterTooManyRows,
    HttpStatus.PAYLOAD_TOO_LARGE,
    `A roster has at most ${ROSTER_MAX_ROWS.toLocaleString('en')} rows besides the header: split the file`,
    { maxRows: ROSTER_MAX_ROWS },
  );
}

export function fileTooLarge(): AppError {
  return new AppError(
    ErrorCode.RosterFileTooLarge,
    HttpStatus.PAYLOAD_TOO_LARGE,
    `A roster file has at most ${ROSTER_MAX_FILE_BYTES / 1024 / 1024} MB: split it`,
    { maxBytes: ROSTER_MAX_FILE_BYTES },
  );
}

function importInvalid(message: string, detail?: string): AppError {
  return new AppError(ErrorCode.ImportInvalid, HttpStatus.BAD_REQUEST, message, [
    { row: 0, message: detail ? `${message}: ${detail}` : message },
  ]);
}
