/**
 * Shape limits for parsed JSON before anything walks it recursively. `JSON.parse` accepts nesting hundreds of
 * thousands of levels deep, but `JSON.stringify`, `String(array)` and most validators recurse and overflow the
 * stack on it; a record from an untrusted source is measured here first, without recursion.
 */

/** No legitimate review record nests anywhere near this deep. */
export const MAX_JSON_NESTING = 32;

/** True when `value` has containers nested more than `limit` levels deep. Iterative: safe on any input. */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_NESTING): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    // Only containers are queued: a flat review record queues nothing (this runs on every ingested record).
    for (const child of children) if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
  }
  return false;
}
