/**
 * What Hocvu tells VNeID about one certificate: this citizen completed this course. It is the payload of
 * the signed attestation (see docs/vneid-adapter.md), so its fields and their order are part of the
 * contract.
 */
export interface CompletionRecord {
  /** Số định danh cá nhân: 12 digits. */
  citizenId: string;
  /** Full name as on the citizen's identity record (VNeID compares it). */
  fullName: string;
  /** YYYY-MM-DD, as on the identity record. */
  birthDate: string;
  /** Stable code of the course (does not change when the course is republished). */
  courseCode: string;
  courseTitle: string;
  /** ISO 8601 date-time with an offset (`Z` or `+07:00`). */
  completedAt: string;
  /** Serial number printed on the certificate; one attestation per certificate. */
  certificateSerial: string;
  /** Who issues the certificate, e.g. "Sở Khoa học và Công nghệ tỉnh Điện Biên". */
  issuer: string;
}

/** The payload's fields in the order they are serialised (deterministic bytes, so retries sign the same JWS). */
export const COMPLETION_RECORD_FIELDS = [
  'citizenId',
  'fullName',
  'birthDate',
  'courseCode',
  'courseTitle',
  'completedAt',
  'certificateSerial',
  'issuer',
] as const satisfies readonly (keyof CompletionRecord)[];

const MAX_LENGTH: Record<keyof CompletionRecord, number> = {
  citizenId: 12,
  fullName: 100,
  birthDate: 10,
  courseCode: 64,
  courseTitle: 200,
  completedAt: 35,
  certificateSerial: 64,
  issuer: 200,
};

const CITIZEN_ID = /^\d{12}$/;
const COURSE_CODE = /^[A-Za-z0-9._-]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date (no 2024-02-30) written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What is wrong with a record, one message per field; empty when it can be sent. Catching these before
 * signing turns a certain 400 from the service into a permanent error without a network call.
 */
export function completionRecordProblems(record: CompletionRecord): string[] {
  const problems: string[] = [];
  for (const field of COMPLETION_RECORD_FIELDS) {
    const value: unknown = record[field];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${field}: required`);
    else if (value.length > MAX_LENGTH[field])
      problems.push(`${field}: at most ${MAX_LENGTH[field]} characters`);
  }
  if (problems.length > 0) return problems;
  if (!CITIZEN_ID.test(record.citizenId)) problems.push('citizenId: must be 12 digits');
  if (!isCalendarDate(record.birthDate)) problems.push('birthDate: must be a date written YYYY-MM-DD');
  if (!COURSE_CODE.test(record.courseCode)) problems.push('courseCode: letters, digits, ".", "_" or "-"');
  if (!DATE_TIME.test(record.completedAt) || Number.isNaN(Date.parse(record.completedAt))) {
    problems.push('completedAt: must be an ISO 8601 date-time with an offset');
  }
  return problems;
}

/**
 * The record as it is signed: exactly the contract's fields in contract order, text in Unicode NFC
 * (Vietnamese can arrive decomposed, "ế" as e + two combining marks, which would not compare equal).
 */
export function canonicalCompletionRecord(record: CompletionRecord): CompletionRecord {
  const canonical = {} as CompletionRecord;
  for (const field of COMPLETION_RECORD_FIELDS) canonical[field] = record[field].normalize('NFC').trim();
  return canonical;
}
