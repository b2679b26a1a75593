import { JUDGE_METRICS, type JudgeMetric } from './judge/judge-metrics.js';
import { bootstrapCi95, mean } from './metrics/bootstrap.js';
import type { RougeOptions } from './metrics/rouge.js';

/** Per-entity scores; ROUGE values are F1 × 100 of `summary_text` against `references`. */
export interface EntityResult {
  readonly entity_id: string;
  readonly category: string | null;
  /** Exactly the text that was scored. */
  readonly summary_text: string;
  /** The references it was scored against, so the report can be re-scored on its own. */
  readonly references: readonly string[];
  readonly failure: string | null;
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
  readonly rougeLsum: number;
  readonly faithfulness: number | null;
  readonly context_precision: number | null;
  readonly summary_negative_share: number | null;
  readonly reviews_negative_share: number;
  readonly balance_gap: number | null;
  readonly cons_when_needed: number | null;
  readonly format_ok: number;
  readonly toxic_terms: number;
  readonly pii_spans: number;
  readonly words: number;
  readonly chars: number;
  readonly review_count: number;
  readonly claims: number;
  /** Judge-based metrics: present only when a judge was configured (null when its call failed). */
  readonly faithfulness_llm?: number | null;
  readonly context_precision_llm?: number | null;
  readonly coherence?: number | null;
  readonly judge_failures?: readonly string[];
}

/** Metrics aggregated (mean over entities where defined) and given a bootstrap interval. */
export const AGGREGATED_METRICS = [
  'rouge1',
  'rouge2',
  'rougeL',
  'rougeLsum',
  'faithfulness',
  'context_precision',
  'balance_gap',
  'cons_when_needed',
  'format_ok',
  'toxic_terms',
  'pii_spans',
  'words',
] as const satisfies readonly (keyof EntityResult)[];
export type AggregatedMetric = (typeof AGGREGATED_METRICS)[number];

/** What the report says about the judge when one was configured. */
export interface JudgeReport {
  readonly judge: string;
  readonly prompt_version: string;
  /** Entities each judge metric was computed for (non-null). */
  readonly judged: Record<JudgeMetric, number>;
  /** `metric:reason` → number of entities whose judge call failed that way (the metric is null there). */
  readonly failures: Record<string, number>;
}

export interface EvalReport {
  readonly model: string;
  readonly dataset: string;
  readonly dataset_path: string | null;
  readonly created_at: string;
  readonly n_entities: number;
  readonly n_failed: number;
  readonly rouge: RougeOptions & { readonly multi_reference: 'mean' };
  /** Judge metrics (faithfulness_llm, context_precision_llm, coherence) only when a judge was configured. */
  readonly aggregate: Record<AggregatedMetric, number | null> & Partial<Record<JudgeMetric, number | null>>;
  readonly ci95: Record<AggregatedMetric, [number, number] | null> &
    Partial<Record<JudgeMetric, [number, number] | null>>;
  /** Null unless a judge endpoint was configured. */
  readonly judge: JudgeReport | null;
  readonly entities: readonly EntityResult[];
}

const definedValues = (entities: readonly EntityResult[], metric: AggregatedMetric | JudgeMetric) =>
  entities.map((e) => e[metric]).filter((v): v is number => v !== null && v !== undefined);

export function aggregateReport(input: {
  model: string;
  dataset: string;
  datasetPath: string | null;
  rouge: EvalReport['rouge'];
  entities: readonly EntityResult[];
  judge?: JudgeReport | null;
}): EvalReport {
  const aggregate = {} as EvalReport['aggregate'] & Record<JudgeMetric, number | null>;
  const ci95 = {} as EvalReport['ci95'] & Record<JudgeMetric, [number, number] | null>;
  const metrics = input.judge ? [...AGGREGATED_METRICS, ...JUDGE_METRICS] : AGGREGATED_METRICS;
  for (const metric of metrics) {
    const values = definedValues(input.entities, metric);
    aggregate[metric] = values.length === 0 ? null : mean(values);
    ci95[metric] = bootstrapCi95(values);
  }
  return {
    model: input.model,
    dataset: input.dataset,
    dataset_path: input.datasetPath,
    created_at: new Date().toISOString(),
    n_entities: input.entities.length,
    n_failed: input.entities.filter((e) => e.failure !== null).length,
    rouge: input.rouge,
    aggregate,
    ci95,
    judge: input.judge ?? null,
    entities: input.entities,
  };
}
