import { type Comparison, compareReports } from '../evaluate/compare.js';
import type { AggregatedMetric, EvalReport } from '../evaluate/report.js';

export interface GatePolicy {
  /** The metric that must improve (higher is better). */
  readonly primaryMetric: AggregatedMetric;
  /** Required relative improvement of the primary metric's mean, e.g. 0.05 = 5%. */
  readonly margin: number;
  /** Largest tolerated drop in mean faithfulness / cons-when-needed, and rise in balance gap (absolute). */
  readonly tolerance: number;
}

export const DEFAULT_GATE: GatePolicy = { primaryMetric: 'rouge1', margin: 0.05, tolerance: 0.01 };

export interface GateDecision {
  readonly passed: boolean;
  readonly reasons: readonly string[];
  readonly comparison: Comparison;
}

/**
 * Promotion to production: the candidate beats production on the primary metric by the margin, with the
 * paired 95% interval of the difference above zero, and regresses neither faithfulness nor balance.
 */
export function promotionGate(
  production: EvalReport,
  candidate: EvalReport,
  policy: GatePolicy = DEFAULT_GATE,
): GateDecision {
  const comparison = compareReports(production, candidate);
  const reasons: string[] = [];
  const primary = comparison.differences[policy.primaryMetric];
  if (!primary) reasons.push(`${policy.primaryMetric}: not measured on both`);
  else {
    if (primary.relative === null || primary.relative < policy.margin) {
      reasons.push(
        `${policy.primaryMetric}: relative change ${primary.relative === null ? 'n/a' : (primary.relative * 100).toFixed(1)}% < required ${(policy.margin * 100).toFixed(1)}%`,
      );
    }
    if (primary.ci95[0] <= 0)
      reasons.push(
        `${policy.primaryMetric}: 95% CI of the difference [${primary.ci95.map((v) => v.toFixed(3)).join(', ')}] is not above zero`,
      );
  }
  const faith = comparison.differences.faithfulness;
  if (faith && faith.mean_diff < -policy.tolerance)
    reasons.push(`faithfulness regressed by ${(-faith.mean_diff).toFixed(3)}`);
  const cons = comparison.differences.cons_when_needed;
  if (cons && cons.mean_diff < -policy.tolerance)
    reasons.push(`cons_when_needed regressed by ${(-cons.mean_diff).toFixed(3)}`);
  const gap = comparison.differences.balance_gap;
  if (gap && gap.mean_diff > policy.tolerance) reasons.push(`balance_gap grew by ${gap.mean_diff.toFixed(3)}`);
  return { passed: reasons.length === 0, reasons, comparison };
}
