/** Small helpers shared by the modules of this package; not part of its public API. */

/** Characters in `text` as PostgreSQL counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `order` lists every one of `ids` exactly once and nothing else. */
export function isPermutation(order: unknown, ids: readonly string[]): boolean {
  if (!Array.isArray(order) || order.length !== ids.length) return false;
  const remaining = new Set(ids);
  for (const id of order as unknown[]) {
    if (typeof id !== 'string' || !remaining.delete(id)) return false;
  }
  return remaining.size === 0;
}
