/**
 * The roster import's pure parts: what the portal checks about a chosen file before sending it (the
 * API checks again, see docs/campaign.md "Rosters"), and how the API's row report is shown (its stable
 * problem codes mapped to catalogue keys, the issues grouped per spreadsheet row).
 */

import { SPREADSHEET_ACCEPT, SpreadsheetKind, spreadsheetKind } from '../../shared/spreadsheet-file';

/** The API's limit on a roster file (ROSTER_FILE_TOO_LARGE past it), the same for CSV and XLSX. */
export const ROSTER_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The file input's `accept`. */
export const ROSTER_ACCEPT = SPREADSHEET_ACCEPT;

export type RosterFileKind = SpreadsheetKind;
/** Keys under `admin.rosters.fileProblems`. */
export type RosterFileProblem =
  'noFile' | 'wrongType' | 'oldExcel' | 'empty' | 'tooLarge' | 'notUtf8' | 'unreadable';

export const rosterFileKind = spreadsheetKind;

/** The checks made before reading the file: its kind, not empty, at most 10 MB. */
export function checkRosterFile(file: {
  name: string;
  type: string;
  size: number;
}): { kind: RosterFileKind } | { problem: RosterFileProblem } {
  const kind = rosterFileKind(file);
  if (!kind) {
    // Excel 97–2003 workbooks are still common in offices: say what to do with them.
    return { problem: file.name.toLowerCase().endsWith('.xls') ? 'oldExcel' : 'wrongType' };
  }
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > ROSTER_MAX_FILE_BYTES) return { problem: 'tooLarge' };
  return { kind };
}

/**
 * A CSV file's text, or `notUtf8` when its bytes are not UTF-8 (Excel's plain "CSV" on Windows is in
 * the local code page: the names' diacritics would arrive broken). A byte-order mark is dropped.
 */
export function decodeRosterCsv(bytes: ArrayBuffer): { text: string } | { problem: 'notUtf8' | 'empty' } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'notUtf8' };
  }
  return text.trim() === '' ? { problem: 'empty' } : { text };
}

/** Row problems and warnings the API reports (RosterProblemCode, RosterWarningCode of roster-parser.ts). */
export const ROSTER_ISSUE_CODES = [
  'missing_column',
  'duplicate_column',
  'required',
  'too_long',
  'invalid_phone',
  'invalid_citizen_id',
  'contact_required',
  'invalid_birth_date',
  'invalid_gender',
  'unknown_commune',
  'ambiguous_commune',
  'outside_commune',
  'unknown_village',
  'invalid_target_group',
  'invalid_consent',
  'invalid_disability',
  'duplicate_in_file',
  'conflict',
  'unknown_column',
  'attributes_without_consent',
  'citizen_id_padded',
] as const;
export type RosterIssueCode = (typeof ROSTER_ISSUE_CODES)[number];

/** Keys under `admin.rosters.issues`: each code in camelCase, plus `other` for a code not known yet. */
export type RosterIssueKey =
  | 'missingColumn'
  | 'missingContactColumn'
  | 'duplicateColumn'
  | 'required'
  | 'tooLong'
  | 'invalidPhone'
  | 'invalidCitizenId'
  | 'contactRequired'
  | 'invalidBirthDate'
  | 'invalidGender'
  | 'unknownCommune'
  | 'ambiguousCommune'
  | 'outsideCommune'
  | 'unknownVillage'
  | 'invalidTargetGroup'
  | 'invalidConsent'
  | 'invalidDisability'
  | 'duplicateInFile'
  | 'conflict'
  | 'unknownColumn'
  | 'attributesWithoutConsent'
  | 'citizenIdPadded'
  | 'other';

const KNOWN_CODES: ReadonlySet<string> = new Set(ROSTER_ISSUE_CODES);
const PHONE_HEADER = 'số điện thoại';

export interface RosterIssueLike {
  row: number;
  column: string;
  code: string;
  message: string;
  value?: string;
}

export interface DescribedRosterIssue {
  key: RosterIssueKey;
  /** For interpolation: the column's header, the cell as read, the earlier row of a duplicate. */
  params: { column: string; value: string; firstRow: string };
}

function camelCase(code: string): string {
  return code.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The catalogue key and parameters of an issue; an unknown code falls back to `other` (the API's text). */
export function describeRosterIssue(issue: RosterIssueLike): DescribedRosterIssue {
  const params = {
    column: issue.column,
    value: issue.value ?? '',
    firstRow: /row (\d+)/.exec(issue.message)?.[1] ?? '',
  };
  if (!KNOWN_CODES.has(issue.code)) return { key: 'other', params };
  // "The phone or the citizen id column is needed" is reported on the phone column.
  if (issue.code === 'missing_column' && issue.column === PHONE_HEADER && / or /.test(issue.message)) {
    return { key: 'missingContactColumn', params };
  }
  if (issue.code === 'duplicate_in_file' && params.firstRow === '') {
    return { key: 'duplicateInFile', params: { ...params, firstRow: '?' } };
  }
  return { key: camelCase(issue.code) as RosterIssueKey, params };
}

/** The issues one spreadsheet row at a time, in row order, each row's in the order reported. */
export function issuesByRow<T extends { row: number }>(issues: readonly T[]): { row: number; issues: T[] }[] {
  const rows = new Map<number, T[]>();
  for (const issue of issues) rows.set(issue.row, [...(rows.get(issue.row) ?? []), issue]);
  return [...rows].sort(([a], [b]) => a - b).map(([row, grouped]) => ({ row, issues: grouped }));
}

/** How many different rows have at least one of these issues. */
export function rowCount(issues: readonly { row: number }[]): number {
  return new Set(issues.map((issue) => issue.row)).size;
}

/** The header problems of a ROSTER_COLUMNS_INVALID error (`details.problems`), tolerating anything else. */
export function columnProblems(details: unknown): RosterIssueLike[] {
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const { problems } = details;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (problem): problem is RosterIssueLike =>
      typeof problem === 'object' &&
      problem !== null &&
      typeof (problem as RosterIssueLike).code === 'string' &&
      typeof (problem as RosterIssueLike).column === 'string' &&
      typeof (problem as RosterIssueLike).message === 'string',
  );
}

/** `danh-sach-hoc-vien.xlsx` → `danh-sach-hoc-vien-loi.csv`: the report's name, next to the file's. */
export function reportFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').trim() || 'danh-sach';
  return `${base}-bao-cao-loi.csv`;
}
