/** Binary searches over ascending typed arrays (timestamps, hashes). */
type SortedNumbers = Float64Array | Uint32Array;

/** First index whose value is ≥ `value` (`orEqual` true) or > `value` (false); `sorted.length` if none. */
function firstIndexAbove(sorted: SortedNumbers, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = sorted[mid]!;
    if (probe < value || (!orEqual && probe === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is ≥ value. */
export const lowerBound = (sorted: SortedNumbers, value: number): number => firstIndexAbove(sorted, value, true);

/** First index whose value is > value. */
export const upperBound = (sorted: SortedNumbers, value: number): number => firstIndexAbove(sorted, value, false);

export function sortedIncludes(sorted: SortedNumbers, value: number): boolean {
  const index = lowerBound(sorted, value);
  return index < sorted.length && sorted[index] === value;
}
