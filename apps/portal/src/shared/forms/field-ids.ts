/** Ids tying an input to its hint and error text (`aria-describedby`). */
export function describedBy(
  id: string,
  parts: { hint?: boolean; error?: boolean; extra?: string },
): string | undefined {
  const ids = [
    parts.hint ? `${id}-hint` : null,
    parts.extra ?? null,
    parts.error ? `${id}-error` : null,
  ].filter((value): value is string => value !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
