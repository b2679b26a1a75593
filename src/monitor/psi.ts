/** Population stability index helpers: bin edges from the baseline, PSI between two bin distributions. */

/** Share floor so an empty bin contributes a large but finite term (the usual PSI convention). */
const EPSILON = 1e-4;

/** Interior quantile edges (bins − 1 of them) of the baseline values. */
export function quantileEdges(values: readonly number[], bins = 10): number[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++)
    edges.push(sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))]!);
  return edges;
}

/** Share of values per bin; bin i holds values ≤ edges[i] (and > edges[i−1]). */
export function binShares(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) {
    let bin = 0;
    while (bin < edges.length && value > edges[bin]!) bin++;
    counts[bin]!++;
  }
  return counts.map((c) => (values.length === 0 ? 0 : c / values.length));
}

/** PSI = Σ (actual − expected) · ln(actual / expected); 0 for identical distributions, > 0.25 is a major shift. */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i]!, EPSILON);
    const a = Math.max(actual[i] ?? 0, EPSILON);
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}
