import { type SpreadsheetKind, spreadsheetKind } from '../../shared/spreadsheet-file';

/**
 * The village import's pure parts: what the portal checks about a chosen file before sending it (the
 * API checks again), and the API's stable problem codes (VillageProblemCode of village-list.ts).
 */

/** The API takes a list of at most 1 MB (text, or a workbook in base64). */
export const VILLAGE_MAX_FILE_BYTES = 1024 * 1024;

/** Keys under `admin.villages.fileProblems`. */
export type VillageFileProblem = 'wrongType' | 'tooLarge' | 'empty' | 'notUtf8' | 'unreadable';

export const VILLAGE_PROBLEM_CODES = [
  'required',
  'too_long',
  'duplicate_in_file',
  'invalid_code',
  'invalid_population',
  'code_taken',
] as const;
export type VillageProblemCode = (typeof VILLAGE_PROBLEM_CODES)[number];

export function isVillageProblemCode(code: string): code is VillageProblemCode {
  return (VILLAGE_PROBLEM_CODES as readonly string[]).includes(code);
}

export function checkVillageFile(file: {
  name: string;
  type: string;
  size: number;
}): { kind: SpreadsheetKind } | { problem: VillageFileProblem } {
  const kind = spreadsheetKind(file);
  if (!kind) return { problem: 'wrongType' };
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > VILLAGE_MAX_FILE_BYTES) return { problem: 'tooLarge' };
  return { kind };
}
