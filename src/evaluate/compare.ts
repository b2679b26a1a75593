import { JUDGE_METRICS, type JudgeMetric } from './judge/judge-metrics.js';
import { bootstrapCi95, mean } from './metrics/bootstrap.js';
import { AGGREGATED_METRICS, type AggregatedMetric, type EvalReport } from './report.js';

export interface MetricDifference {
  /** Mean over paired entities of (B − A). */
  readonly mean_diff: number;
  readonly ci95: [number, number];
  readonly n: number;
  /** Relative change of the means, (B − A) / |A|; null when A's mean is 0. */
  readonly relative: number | null;
}

export interface Comparison {
  readonly a: { readonly model: string; readonly dataset: string };
  readonly b: { readonly model: string; readonly dataset: string };
  readonly paired_entities: number;
  readonly differences: Partial<Record<AggregatedMetric | JudgeMetric, MetricDifference>>;
}

export class CompareError extends Error {
  readonly code = 'RL_ERR_COMPARE';
}

/**
 * Paired comparison of two reports on the same entities: per-entity differences B − A, their mean and a
 * bootstrap interval. Pairing removes the between-entity variance that unpaired intervals carry.
 */
export function compareReports(a: EvalReport, b: EvalReport): Comparison {
  const byId = new Map(a.entities.map((e) => [e.entity_id, e]));
  const pairs = b.entities.filter((e) => byId.has(e.entity_id)).map((e) => [byId.get(e.entity_id)!, e] as const);
  if (pairs.length === 0) throw new CompareError('the two reports share no entity_id: not the same dataset');
  const differences: Partial<Record<AggregatedMetric | JudgeMetric, MetricDifference>> = {};
  // Judge metrics are compared too when both reports have them (entities without a value are left out).
  for (const metric of [...AGGREGATED_METRICS, ...JUDGE_METRICS]) {
    const both = pairs.filter(([x, y]) => typeof x[metric] === 'number' && typeof y[metric] === 'number');
    if (both.length === 0) continue;
    const diffs = both.map(([x, y]) => (y[metric] as number) - (x[metric] as number));
    const meanA = mean(both.map(([x]) => x[metric] as number));
    const meanDiff = mean(diffs);
    differences[metric] = {
      mean_diff: meanDiff,
      ci95: bootstrapCi95(diffs)!,
      n: both.length,
      relative: meanA === 0 ? null : meanDiff / Math.abs(meanA),
    };
  }
  return {
    a: { model: a.model, dataset: a.dataset },
    b: { model: b.model, dataset: b.dataset },
    paired_entities: pairs.length,
    differences,
  };
}
