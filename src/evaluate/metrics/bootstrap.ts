import { mulberry32 } from '../../sample/prng.js';

export const BOOTSTRAP_RESAMPLES = 1000;

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function percentile(sorted: readonly number[], p: number): number {
  const index = (sorted.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

/**
 * 95% percentile-bootstrap interval of the mean over entities (resampling entities with replacement), seeded so
 * a report is reproducible. Null with no values; a single value gives a zero-width interval.
 */
export function bootstrapCi95(
  values: readonly number[],
  seed = 2024,
  resamples = BOOTSTRAP_RESAMPLES,
): [number, number] | null {
  if (values.length === 0) return null;
  const random = mulberry32(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return [percentile(means, 0.025), percentile(means, 0.975)];
}

export { mean };
