import {
  CITIZEN_ID_PATTERN,
  FULL_NAME_MAX_LENGTH,
  Gender,
  normaliseVietnamesePhone,
  TargetGroup,
} from '@hocvu/contracts';

import {
  cleanCell,
  columnOf,
  CONSENTED_FIELDS,
  foldKey,
  ROSTER_COLUMNS,
  RosterField,
} from './roster-columns';

/**
 * Reads the rows of a roster (text cells, header in row 1) into learners, checking every cell: the
 * result lists, per spreadsheet row, what keeps the row out (problems) and what was ignored or fixed
 * (warnings). Pure: communes and villages are resolved through a `UnitDirectory` the caller builds,
 * duplicates against existing accounts are the service's business.
 */

/** Why a row is not imported, or what was done to it; stable, the portal translates them. */
export type RosterProblemCode =
  | 'missing_column'
  | 'duplicate_column'
  | 'required'
  | 'too_long'
  | 'invalid_phone'
  | 'invalid_citizen_id'
  | 'contact_required'
  | 'invalid_birth_date'
  | 'invalid_gender'
  | 'unknown_commune'
  | 'ambiguous_commune'
  | 'outside_commune'
  | 'unknown_village'
  | 'invalid_target_group'
  | 'invalid_consent'
  | 'invalid_disability'
  | 'duplicate_in_file'
  | 'conflict';

export type RosterWarningCode = 'unknown_column' | 'attributes_without_consent' | 'citizen_id_padded';

export interface RosterIssue<Code extends string = RosterProblemCode | RosterWarningCode> {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  /** The column's template header (e.g. "số điện thoại"), or the file's own header for unknown ones. */
  column: string;
  code: Code;
  message: string;
  /** The cell as read, so the report can show it (exports neutralise formulas). */
  value?: string;
}

export interface RosterLearner {
  fullName: string;
  /** E.164. */
  phone: string | null;
  /** 12 digits, in clear only in memory: stored encrypted with a look-up hash. */
  citizenId: string | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  gender: Gender | null;
  communeId: string;
  villageId: string | null;
  targetGroup: TargetGroup | null;
  /** True when the row says the learner consented to the optional attributes below. */
  consented: boolean;
  disability: boolean | null;
  ethnicGroup: string | null;
  householdId: string | null;
}

export interface ParsedRow {
  row: number;
  /** Null when the row has problems. */
  learner: RosterLearner | null;
  problems: RosterIssue<RosterProblemCode>[];
  warnings: RosterIssue<RosterWarningCode>[];
}

export interface ParsedRoster {
  /** Problems of the header row: any of them and no row is read. */
  headerProblems: RosterIssue<RosterProblemCode>[];
  headerWarnings: RosterIssue<RosterWarningCode>[];
  /** Non-blank data rows, in file order. */
  rows: ParsedRow[];
}

export type UnitMatch = { id: string } | 'unknown' | 'ambiguous';

export interface UnitDirectory {
  commune(text: string): UnitMatch;
  village(communeId: string, text: string): UnitMatch;
}

export interface RosterScope {
  /** A commune admin's commune: rows of other communes are `outside_commune`. Null for province admins. */
  communeId: string | null;
}

/** Cells of a spreadsheet; `numeric` holds "row:column" (0-based) of XLSX cells that were numbers. */
export interface RosterCells {
  rows: string[][];
  numeric?: ReadonlySet<string>;
}

const REQUIRED: readonly RosterField[] = ['fullName', 'commune'];

const TARGET_GROUP_WORDS: Readonly<Record<string, TargetGroup>> = Object.fromEntries(
  (
    [
      [
        TargetGroup.PublicServant,
        ['cán bộ/công chức', 'cán bộ', 'công chức', 'cán bộ công chức', 'cbcc', 'viên chức'],
      ],
      [TargetGroup.Student, ['học sinh/sinh viên', 'học sinh', 'sinh viên', 'hs/sv', 'học sinh sinh viên']],
      [
        TargetGroup.EnterpriseWorker,
        ['người lao động doanh nghiệp', 'người lao động', 'lao động doanh nghiệp', 'công nhân'],
      ],
      [TargetGroup.Citizen, ['người dân', 'dân']],
    ] as const
  ).flatMap(([group, words]) => [group, ...words].map((word) => [foldKey(word), group] as const)),
);

const GENDER_WORDS: Readonly<Record<string, Gender>> = Object.fromEntries(
  (
    [
      [Gender.Male, ['nam', 'male', 'm']],
      [Gender.Female, ['nữ', 'female', 'f']],
      [Gender.Other, ['khác', 'other']],
    ] as const
  ).flatMap(([gender, words]) => words.map((word) => [foldKey(word), gender] as const)),
);

const YES = new Set(['co', 'yes', 'y', 'x', '1', 'true', 'dongy']);
const NO = new Set(['khong', 'no', 'n', '0', 'false', 'khongdongy']);

/** Most characters kept of a cell echoed back in a report. */
const ECHO_MAX = 200;

export function parseRoster(cells: RosterCells, directory: UnitDirectory, scope: RosterScope): ParsedRoster {
  const [header = [], ...data] = cells.rows;
  const { columns, problems: headerProblems, warnings: headerWarnings } = readHeader(header);
  if (headerProblems.length > 0) return { headerProblems, headerWarnings, rows: [] };

  const rows: ParsedRow[] = [];
  const firstRowOf = { phone: new Map<string, number>(), citizenId: new Map<string, number>() };
  data.forEach((cellsOfRow, index) => {
    const rowIndex = index + 1;
    if (!cellsOfRow || cellsOfRow.every((cell) => !cell || cell.trim() === '')) return;
    const cell = (field: RosterField): string => {
      const column = columns.get(field);
      return column === undefined ? '' : cleanCell(cellsOfRow[column] ?? '');
    };
    const numeric = (field: RosterField): boolean => {
      const column = columns.get(field);
      return column !== undefined && (cells.numeric?.has(`${rowIndex}:${column}`) ?? false);
    };
    const parsed = parseRow(rowIndex + 1, cell, numeric, directory, scope);
    // In-file duplicates: a phone or citizen id already on an earlier row (valid or not) of this file.
    for (const key of ['phone', 'citizenId'] as const) {
      const value = parsed.values[key];
      if (!value) continue;
      const first = firstRowOf[key].get(value);
      if (first === undefined) firstRowOf[key].set(value, parsed.row.row);
      else {
        parsed.row.problems.push(
          issue(parsed.row.row, key, 'duplicate_in_file', `Already in row ${first} of this file`, value),
        );
      }
    }
    if (parsed.row.problems.length > 0) parsed.row.learner = null;
    rows.push(parsed.row);
  });
  return { headerProblems, headerWarnings, rows };
}

function readHeader(header: string[]): {
  columns: Map<RosterField, number>;
  problems: RosterIssue<RosterProblemCode>[];
  warnings: RosterIssue<RosterWarningCode>[];
} {
  const byKey = new Map<string, RosterField>();
  for (const column of ROSTER_COLUMNS) {
    for (const name of [column.header, ...column.aliases]) byKey.set(foldKey(name), column.field);
  }
  const columns = new Map<RosterField, number>();
  const problems: RosterIssue<RosterProblemCode>[] = [];
  const warnings: RosterIssue<RosterWarningCode>[] = [];
  header.forEach((text, index) => {
    const name = cleanCell(text ?? '');
    if (!name) return;
    const field = byKey.get(foldKey(name));
    if (!field) {
      warnings.push({
        row: 1,
        column: name.slice(0, ECHO_MAX),
        code: 'unknown_column',
        message: 'Unknown column, ignored',
      });
      return;
    }
    if (columns.has(field)) {
      problems.push(
        issue(1, field, 'duplicate_column', `Column "${columnOf(field).header}" appears twice`, name),
      );
      return;
    }
    columns.set(field, index);
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) {
      problems.push(issue(1, field, 'missing_column', `Column "${columnOf(field).header}" is missing`));
    }
  }
  if (!columns.has('phone') && !columns.has('citizenId')) {
    problems.push(
      issue(
        1,
        'phone',
        'missing_column',
        `Column "${columnOf('phone').header}" or "${columnOf('citizenId').header}" is needed`,
      ),
    );
  }
  return { columns, problems, warnings };
}

function parseRow(
  row: number,
  cell: (field: RosterField) => string,
  numeric: (field: RosterField) => boolean,
  directory: UnitDirectory,
  scope: RosterScope,
): { row: ParsedRow; values: { phone: string | null; citizenId: string | null } } {
  const problems: RosterIssue<RosterProblemCode>[] = [];
  const warnings: RosterIssue<RosterWarningCode>[] = [];
  const problem = (field: RosterField, code: RosterProblemCode, message: string) =>
    problems.push(issue(row, field, code, message, cell(field)));

  const fullName = cell('fullName');
  if (!fullName) problem('fullName', 'required', 'The full name is required');
  else if (fullName.length > FULL_NAME_MAX_LENGTH) {
    problem('fullName', 'too_long', `At most ${FULL_NAME_MAX_LENGTH} characters`);
  }

  let phone: string | null = null;
  const phoneText = cell('phone');
  if (phoneText) {
    // A number cell loses the leading 0 of 0912…: nine digits starting 3/5/7/8/9 are a mobile number.
    const typed = /^[35789]\d{8}$/.test(phoneText) ? `0${phoneText}` : phoneText;
    phone = normaliseVietnamesePhone(typed);
    if (!phone) problem('phone', 'invalid_phone', 'Not a Vietnamese mobile number (e.g. 0912345678)');
  }

  let citizenId: string | null = null;
  const citizenText = cell('citizenId').replace(/[\s.]/g, '');
  if (citizenText) {
    if (CITIZEN_ID_PATTERN.test(citizenText)) citizenId = citizenText;
    else if (numeric('citizenId') && /^\d{10,11}$/.test(citizenText)) {
      // Citizen ids start with the province code 001–096: a number cell drops those zeros.
      citizenId = citizenText.padStart(12, '0');
      warnings.push(
        issue(
          row,
          'citizenId',
          'citizen_id_padded',
          'The cell was a number: leading zeros put back (format the column as text)',
          citizenId,
        ),
      );
    } else problem('citizenId', 'invalid_citizen_id', 'A citizen id has 12 digits');
  }
  if (!phoneText && !citizenText) {
    problem('phone', 'contact_required', 'Each row needs a phone number or a citizen id');
  }

  let birthDate: string | null = null;
  const birthText = cell('birthDate');
  if (birthText) {
    birthDate = parseBirthDate(birthText);
    if (!birthDate) problem('birthDate', 'invalid_birth_date', 'Write the date as 15/08/1965 or 1965-08-15');
  }

  let gender: Gender | null = null;
  const genderText = cell('gender');
  if (genderText) {
    gender = GENDER_WORDS[foldKey(genderText)] ?? null;
    if (!gender) problem('gender', 'invalid_gender', 'Write nam, nữ or khác');
  }

  let communeId: string | null = null;
  const communeText = cell('commune');
  if (!communeText) problem('commune', 'required', 'The commune or ward is required');
  else {
    const match = directory.commune(communeText);
    if (match === 'unknown') problem('commune', 'unknown_commune', 'No commune or ward of this name or code');
    else if (match === 'ambiguous') {
      problem('commune', 'ambiguous_commune', 'Several communes have this name: write its code');
    } else if (scope.communeId && match.id !== scope.communeId) {
      problem('commune', 'outside_commune', 'You can import learners of your own commune only');
    } else communeId = match.id;
  }

  let villageId: string | null = null;
  const villageText = cell('village');
  if (villageText && communeId) {
    const match = directory.village(communeId, villageText);
    if (match === 'unknown') problem('village', 'unknown_village', 'No village of this name in the commune');
    else if (match === 'ambiguous') {
      problem('village', 'unknown_village', 'Several villages of the commune have this name: write its code');
    } else villageId = match.id;
  }

  let targetGroup: TargetGroup | null = null;
  const groupText = cell('targetGroup');
  if (groupText) {
    targetGroup = TARGET_GROUP_WORDS[foldKey(groupText)] ?? null;
    if (!targetGroup) {
      problem(
        'targetGroup',
        'invalid_target_group',
        'Write cán bộ/công chức, học sinh/sinh viên, người lao động doanh nghiệp or người dân',
      );
    }
  }

  const consentText = foldKey(cell('consent'));
  let consented = false;
  if (YES.has(consentText)) consented = true;
  else if (consentText && !NO.has(consentText)) problem('consent', 'invalid_consent', 'Write có or không');

  let disability: boolean | null = null;
  let ethnicGroup: string | null = null;
  let householdId: string | null = null;
  const attributesGiven = CONSENTED_FIELDS.some((field) => cell(field) !== '');
  if (consented) {
    const disabilityText = foldKey(cell('disability'));
    if (YES.has(disabilityText)) disability = true;
    else if (NO.has(disabilityText)) disability = false;
    else if (disabilityText) problem('disability', 'invalid_disability', 'Write có or không');
    ethnicGroup = cell('ethnicGroup') || null;
    if (ethnicGroup && ethnicGroup.length > 40) problem('ethnicGroup', 'too_long', 'At most 40 characters');
    householdId = cell('householdId') || null;
    if (householdId && householdId.length > 40) problem('householdId', 'too_long', 'At most 40 characters');
  } else if (attributesGiven) {
    warnings.push({
      row,
      column: columnOf('consent').header,
      code: 'attributes_without_consent',
      message: 'No consent on this row: disability, ethnic group and household id were not kept',
    });
  }

  const learner: RosterLearner | null =
    problems.length === 0 && communeId
      ? {
          fullName,
          phone,
          citizenId,
          birthDate,
          gender,
          communeId,
          villageId,
          targetGroup,
          consented,
          disability,
          ethnicGroup,
          householdId,
        }
      : null;
  return { row: { row, learner, problems, warnings }, values: { phone, citizenId } };
}

/** YYYY-MM-DD (also what an XLSX date cell reads as) or DD/MM/YYYY; a real past date after 1900. */
export function parseBirthDate(text: string, today = new Date()): string | null {
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T00:00:00(?:\.000)?Z)?$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  if (year < 1900 || date.getTime() > today.getTime()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function issue<Code extends string>(
  row: number,
  field: RosterField,
  code: Code,
  message: string,
  value?: string,
): RosterIssue<Code> {
  const base = { row, column: columnOf(field).header, code, message };
  return value ? { ...base, value: value.slice(0, ECHO_MAX) } : base;
}
