/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7): enough for p-values and CIs. */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export const Z_95 = 1.959963984540054;
const Z_80_POWER = 0.8416212335729143;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Wilson score interval for a proportion: sensible at small n and near 0 or 1, unlike the Wald interval. */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const denominator = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface TwoProportionTest {
  /** p_b − p_a */
  readonly difference: number;
  /** 95% CI of the difference (unpooled standard error). */
  readonly differenceInterval: Interval;
  /** (p_b − p_a) / p_a; null when p_a is 0. */
  readonly relativeLift: number | null;
  /** Pooled two-proportion z statistic and its two-sided p-value. */
  readonly z: number;
  readonly pValue: number;
}

export function twoProportionTest(successesA: number, trialsA: number, successesB: number, trialsB: number) {
  const pa = trialsA ? successesA / trialsA : 0;
  const pb = trialsB ? successesB / trialsB : 0;
  const pooled = trialsA + trialsB ? (successesA + successesB) / (trialsA + trialsB) : 0;
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(trialsA, 1) + 1 / Math.max(trialsB, 1)));
  const z = pooledSe > 0 ? (pb - pa) / pooledSe : 0;
  const se = Math.sqrt((pa * (1 - pa)) / Math.max(trialsA, 1) + (pb * (1 - pb)) / Math.max(trialsB, 1));
  const difference = pb - pa;
  return {
    difference,
    differenceInterval: { low: difference - Z_95 * se, high: difference + Z_95 * se },
    relativeLift: pa > 0 ? difference / pa : null,
    z,
    pValue: 2 * (1 - normalCdf(Math.abs(z))),
  } satisfies TwoProportionTest;
}

/**
 * Subjects per arm needed to detect a change from `baseline` to `baseline + effect` at α = 0.05 (two-sided)
 * with 80% power.
 */
export function requiredSamplePerArm(baseline: number, effect: number): number {
  if (effect === 0) return Number.POSITIVE_INFINITY;
  const p2 = Math.min(1, Math.max(0, baseline + effect));
  const variance = baseline * (1 - baseline) + p2 * (1 - p2);
  return Math.ceil(((Z_95 + Z_80_POWER) ** 2 * variance) / (effect * effect));
}
