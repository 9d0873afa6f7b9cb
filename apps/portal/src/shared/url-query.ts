/**
 * Lists and filters keep their state in the address bar — shareable, and the back button undoes a
 * search. These read it back safely (anything unexpected falls back to the default) and write it.
 */

/** The value when it is one of `values`, else '' (no filter). */
export function oneOf<Value extends string>(values: readonly Value[], value: string | null): Value | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as Value) : '';
}

/** The page number: a whole number from 1, else 1. */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** `?a=…&b=…` from the values given, in their order, leaving out empty ones and page 1 (the default). */
export function searchString(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (name === 'page' && Number(value) <= 1) continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
