import { parse } from 'csv-parse/sync';

import { cleanCell, foldKey } from '../rosters/roster-columns';

/**
 * Reading a commune's list of villages (thôn, bản, tổ dân phố) from rows of text cells: a CSV file, an
 * XLSX sheet, or lines pasted from a document or a spreadsheet. Columns: name, then optional code and
 * population — by position, or by a header row when the first row names them ("tên thôn, mã, dân số").
 * Pure: which names already exist is the service's business.
 */

/** Why a line is not imported; stable, the portal translates them. */
export type VillageProblemCode =
  'required' | 'too_long' | 'duplicate_in_file' | 'invalid_code' | 'invalid_population' | 'code_taken';

export interface VillageProblem {
  /** Line of the list (or spreadsheet row); the header, when there is one, is line 1. */
  line: number;
  code: VillageProblemCode;
  message: string;
  /** The cell as read (at most 200 characters). */
  value?: string;
}

export interface VillageLine {
  line: number;
  name: string;
  code: string | null;
  population: number | null;
}

export const VILLAGE_NAME_MAX_LENGTH = 120;
/** admin_units.code is at most 16 characters; a village code is letters, digits, dot, dash or underscore. */
const CODE_PATTERN = /^[A-Za-z0-9._-]{1,16}$/;
/** The largest village in Điện Biên has a few thousand people; anything this big is a typo. */
const POPULATION_MAX = 1_000_000;
const ECHO_MAX = 200;

const HEADER_WORDS: Readonly<Record<string, 'name' | 'code' | 'population'>> = Object.fromEntries(
  (
    [
      [
        'name',
        [
          'tên',
          'name',
          'tên thôn',
          'tên bản',
          'tên thôn bản',
          'thôn',
          'bản',
          'thôn bản',
          'tổ dân phố',
          'village',
        ],
      ],
      ['code', ['mã', 'code', 'mã thôn', 'mã bản', 'mã số']],
      ['population', ['dân số', 'population', 'số dân', 'số người']],
    ] as const
  ).flatMap(([column, words]) => words.map((word) => [foldKey(word), column] as const)),
);

const VILLAGE_PREFIXES = ['thôn', 'bản', 'tổ dân phố', 'tổ', 'xóm', 'ấp', 'khu phố', 'khối'];

/**
 * The key two names of one commune are "the same village" by: case, spacing and a leading "thôn"/"bản"
 * aside, so "Bản Co Củ" and "co củ" are one village, but "Bản Na" and "Bản Nà" two (as the roster reads
 * them: diacritics tell Thái village names apart).
 */
export function villageKey(name: string): string {
  let key = name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  for (const prefix of VILLAGE_PREFIXES) {
    if (key.startsWith(`${prefix} `) && key.length > prefix.length + 1) {
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  return key;
}

/**
 * Text as rows: a CSV file, or lines pasted from a document (one village a line) or a spreadsheet
 * (cells separated by tabs). The separator is the first line's: tab, semicolon or comma.
 */
export function rowsFromText(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const delimiter = ['\t', ';', ','].find((candidate) => first.includes(candidate));
  const plain = () => body.split(/\r\n|\n|\r/).map((line) => (delimiter ? line.split(delimiter) : [line]));
  if (!delimiter) return plain();
  try {
    return parse(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch {
    // A stray quote in pasted text: read it as plain lines rather than refuse it.
    return plain();
  }
}

export function parseVillageRows(rows: readonly (readonly string[])[]): {
  lines: VillageLine[];
  problems: VillageProblem[];
} {
  const firstIndex = rows.findIndex((cells) => cells.some((cell) => cleanCell(cell) !== ''));
  if (firstIndex < 0) return { lines: [], problems: [] };
  const columns = headerColumns(rows[firstIndex] ?? []);
  const start = columns ? firstIndex + 1 : firstIndex;
  const at = columns ?? { name: 0, code: 1, population: 2 };

  const lines: VillageLine[] = [];
  const problems: VillageProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const firstLineOfCode = new Map<string, number>();
  for (let index = start; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    if (cells.every((cell) => cleanCell(cell) === '')) continue;
    const line = index + 1;
    const cell = (column: number | undefined) => (column === undefined ? '' : cleanCell(cells[column] ?? ''));
    const name = cell(at.name);
    const code = cell(at.code);
    const populationText = cell(at.population).replace(/[.,\s]/g, '');
    const found: VillageProblem[] = [];
    const problem = (problemCode: VillageProblemCode, message: string, value?: string) =>
      found.push({ line, code: problemCode, message, ...(value ? { value: value.slice(0, ECHO_MAX) } : {}) });

    if (name === '') problem('required', 'The village name is empty');
    else if (name.length > VILLAGE_NAME_MAX_LENGTH) {
      problem('too_long', `A village name has at most ${VILLAGE_NAME_MAX_LENGTH} characters`, name);
    } else {
      const first = firstLineOf.get(villageKey(name));
      if (first !== undefined) problem('duplicate_in_file', `Already on line ${first}`, name);
      else firstLineOf.set(villageKey(name), line);
    }
    if (code !== '') {
      if (!CODE_PATTERN.test(code)) {
        problem('invalid_code', 'A code has at most 16 letters, digits, dots, dashes or underscores', code);
      } else {
        const first = firstLineOfCode.get(code.toLowerCase());
        if (first !== undefined) problem('duplicate_in_file', `Code already on line ${first}`, code);
        else firstLineOfCode.set(code.toLowerCase(), line);
      }
    }
    const population = populationText === '' ? null : Number(populationText);
    if (population !== null && !(/^\d+$/.test(populationText) && population <= POPULATION_MAX)) {
      problem('invalid_population', 'The population must be a whole number', cell(at.population));
    }
    if (found.length > 0) problems.push(...found);
    else lines.push({ line, name, code: code || null, population });
  }
  return { lines, problems };
}

function headerColumns(
  header: readonly string[],
): { name: number; code?: number; population?: number } | null {
  const columns: { name?: number; code?: number; population?: number } = {};
  header.forEach((text, index) => {
    const column = HEADER_WORDS[foldKey(text)];
    if (column && columns[column] === undefined) columns[column] = index;
  });
  return columns.name === undefined ? null : { ...columns, name: columns.name };
}
