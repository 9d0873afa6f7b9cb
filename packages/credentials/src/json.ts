/** `value` as a plain JSON object, or undefined (null, arrays and primitives are not). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * A deep copy of `value` with every string (keys and values) in Unicode NFC. Vietnamese text typed on
 * different keyboards arrives composed or decomposed ("ệ" as one code point or as e + two combining
 * marks); canonicalisation does not normalise, so a credential must be signed in one form: NFC.
 */
export function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeStrings(item)) as T;
  const record = asRecord(value);
  // Plain objects only: a Date (or any class instance) is kept as it is.
  if (
    record === undefined ||
    ![Object.prototype, null].includes(Object.getPrototypeOf(record) as object | null)
  ) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key.normalize('NFC'), normalizeStrings(item)]),
  ) as T;
}

/** XML Schema dateTimeStamp (a dateTime with a time zone), as VC 2.0 requires for `validFrom`/`validUntil`. */
const DATE_TIME_STAMP =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

export function isDateTimeStamp(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** A Date or dateTimeStamp string as a dateTimeStamp string (UTC, whole seconds when given a Date). */
export function toDateTimeStamp(value: Date | string, field: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${field} is an invalid date`);
    return value.toISOString().replace(/\.000Z$/, 'Z');
  }
  if (!isDateTimeStamp(value)) {
    throw new TypeError(
      `${field} must be a date-time with a time zone (e.g. 2026-10-10T09:30:00+07:00), not ${String(value)}`,
    );
  }
  return value;
}
