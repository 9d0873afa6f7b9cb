import { QUESTION_IMPORT_CSV_MAX_LENGTH, QUESTION_IMPORT_XLSX_MAX_BYTES } from '@hocvu/assessment';

import { SPREADSHEET_ACCEPT, SpreadsheetKind, spreadsheetKind } from '../../../../shared/spreadsheet-file';

/**
 * What the studio checks about a question file before sending it (the API checks again), and how it
 * groups the API's row report. The limits are @hocvu/assessment's, the API's own.
 */

export type ImportFileKind = SpreadsheetKind;

/** The file input's `accept`. */
export const IMPORT_ACCEPT = SPREADSHEET_ACCEPT;

export type ImportFileProblem = 'wrongType' | 'empty' | 'tooLarge';

export const importFileKind = spreadsheetKind;

export function checkImportFile(file: {
  name: string;
  type: string;
  size: number;
}): { kind: ImportFileKind } | { problem: ImportFileProblem } {
  const kind = importFileKind(file);
  if (!kind) return { problem: 'wrongType' };
  if (file.size === 0) return { problem: 'empty' };
  // A CSV of at most 1,000,000 characters is at most 4 bytes each in UTF-8.
  const maxBytes = kind === 'xlsx' ? QUESTION_IMPORT_XLSX_MAX_BYTES : QUESTION_IMPORT_CSV_MAX_LENGTH * 4;
  if (file.size > maxBytes) return { problem: 'tooLarge' };
  return { kind };
}

/**
 * A CSV file's text, or why it cannot be sent: `notUtf8` when its bytes are not UTF-8 (Excel's plain
 * "CSV" on Windows is in the local code page, and the diacritics would arrive broken), `tooLong` past
 * the API's limit.
 */
export function decodeCsv(bytes: ArrayBuffer): { text: string } | { problem: 'notUtf8' | 'tooLong' } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'notUtf8' };
  }
  return text.length > QUESTION_IMPORT_CSV_MAX_LENGTH ? { problem: 'tooLong' } : { text };
}

/** The report's problems one row at a time, in row order (a row may have several). */
export function rowsOfReport(
  errors: readonly { row: number; message: string }[],
): { row: number; messages: string[] }[] {
  const rows = new Map<number, string[]>();
  for (const { row, message } of errors) rows.set(row, [...(rows.get(row) ?? []), message]);
  return [...rows].sort(([a], [b]) => a - b).map(([row, messages]) => ({ row, messages }));
}

/** Why the API could not read the file at all (IMPORT_INVALID), when it is one of the usual reasons. */
export function unreadableReason(details: unknown): 'notXlsx' | 'notCsv' | 'tooBig' | null {
  const message =
    Array.isArray(details) && typeof (details[0] as { message?: unknown } | undefined)?.message === 'string'
      ? (details[0] as { message: string }).message
      : '';
  if (/larger than|unpacks to more than/.test(message)) return 'tooBig';
  if (/not a ZIP archive|not a readable XLSX|no worksheet/.test(message)) return 'notXlsx';
  if (/not valid CSV/.test(message)) return 'notCsv';
  return null;
}
