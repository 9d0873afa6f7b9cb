import { ErrorCode, normaliseVietnamesePhone } from '@hocvu/contracts';

import { isApiError } from '../../shared/api/api-error';

/** Why a line of a batch's learner list cannot be used (the API's BATCH_LEARNERS_INVALID problems). */
export const LEARNER_PROBLEMS = [
  'invalid',
  'not_found',
  'duplicate',
  'outside_commune',
  'not_a_learner',
] as const;
export type LearnerProblemKind = (typeof LEARNER_PROBLEMS)[number];

export interface LearnerLineProblem {
  /** Line of the text box (1-based), as the admin sees it. */
  line: number;
  value: string;
  problem: LearnerProblemKind;
}

export interface ParsedLearnerLines {
  /** What to send: one phone number or citizen id per entry, blank lines left out. */
  learners: string[];
  /** For each entry of `learners`, the line of the text box it came from. */
  lines: number[];
  /** What can be told without asking the server: malformed lines and repeats. */
  problems: LearnerLineProblem[];
}

/** As many learners as one batch takes (the API's limit). */
export const MAX_BATCH_LEARNERS = 2000;
const MAX_ENTRY_LENGTH = 32;
const CITIZEN_ID = /^\d{12}$/;

/** The same person however written: "0911 000 004", "+84911000004" and "84911000004" are one. */
function learnerKey(value: string): string | null {
  const compact = value.replace(/[\s.-]/g, '');
  if (CITIZEN_ID.test(compact)) return `citizen:${compact}`;
  const phone = normaliseVietnamesePhone(compact);
  return phone ? `phone:${phone}` : null;
}

/**
 * The learner list as typed or pasted (one phone number or 12-digit citizen id per line, e.g. a column
 * copied from a spreadsheet), checked as the API will check it.
 */
export function parseLearnerLines(text: string): ParsedLearnerLines {
  const learners: string[] = [];
  const lines: number[] = [];
  const problems: LearnerLineProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const value = raw.trim();
    if (value === '') return;
    const line = index + 1;
    learners.push(value);
    lines.push(line);
    const key = value.length <= MAX_ENTRY_LENGTH ? learnerKey(value) : null;
    if (key === null) problems.push({ line, value: value.slice(0, MAX_ENTRY_LENGTH), problem: 'invalid' });
    else if (seen.has(key)) problems.push({ line, value, problem: 'duplicate' });
    else seen.add(key);
  });
  return { learners, lines, problems };
}

function isLearnerProblem(
  value: unknown,
): value is { line: number; value: string; problem: LearnerProblemKind } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['line'] === 'number' &&
    typeof record['value'] === 'string' &&
    typeof record['problem'] === 'string' &&
    (LEARNER_PROBLEMS as readonly string[]).includes(record['problem'])
  );
}

/**
 * The lines the API refused (BATCH_LEARNERS_INVALID), renumbered as lines of the text box: the API counts
 * the entries sent, which skip blank lines. Null when the error is another one.
 */
export function learnerProblemsFromError(
  error: unknown,
  lines: readonly number[],
): LearnerLineProblem[] | null {
  if (!isApiError(error) || error.code !== ErrorCode.BatchLearnersInvalid) return null;
  const details = error.details;
  const problems =
    typeof details === 'object' &&
    details !== null &&
    'problems' in details &&
    Array.isArray(details.problems)
      ? (details.problems as unknown[])
      : [];
  return problems.filter(isLearnerProblem).map((problem) => ({
    line: lines[problem.line - 1] ?? problem.line,
    value: problem.value,
    problem: problem.problem,
  }));
}
