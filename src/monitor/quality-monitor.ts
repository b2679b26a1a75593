import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Judge } from '../evaluate/judge/judge.js';
import { countFailures, type JudgeScores } from '../evaluate/judge/judge-metrics.js';
import type { Embedder } from '../index/embedder.js';
import type { Database } from '../store/schema.js';
import type { AlertSink } from './alert-sinks.js';
import { type AlertCondition, type ReconcileResult, reconcileAlerts, recordMonitorResult } from './alerts.js';
import { judgeStoredSummary } from './judge-stored-summary.js';
import { scoreStoredSummary, storedSummaries } from './score-summary.js';

type Db = Kysely<Database>;

/** Alert thresholds of issue 9; a PII finding is critical whatever its rate. */
export const QUALITY_THRESHOLDS = {
  minFaithfulness: 0.95,
  maxToxicShare: 0.001,
  maxFormatFailureShare: 0.01,
} as const;

export interface QualityOptions {
  /** Summaries generated at or after this instant are sampled; default: since the previous quality run. */
  readonly since?: string;
  readonly sampleSize?: number;
  readonly runId: string;
  /** The embedder the chunks were made with (the verifier's claim support compares embeddings). */
  readonly embedder: Embedder;
  readonly sinks: readonly AlertSink[];
  /** The LLM judge, when configured: adds Ragas faithfulness, context precision and coherence per summary. */
  readonly judge?: Judge;
}

/** Judge-based scores of the sample (means over the summaries the judge could score). */
export interface QualityJudgeResult {
  readonly judge: string;
  readonly faithfulness: number | null;
  readonly context_precision: number | null;
  readonly coherence: number | null;
  readonly judged: number;
  /** `metric:reason` → count; a failing judge never fails the job. */
  readonly failures: Record<string, number>;
  /** Judge faithfulness per product category (for retraining the affected category's adapter). */
  readonly by_category: Record<string, number>;
}

export interface QualityResult {
  readonly since: string;
  readonly sampled: number;
  /** Supported claims / claims the model produced (published + dropped by verification). */
  readonly faithfulness: number | null;
  readonly toxic_share: number | null;
  readonly format_failure_share: number | null;
  readonly pii_outputs: number;
  readonly fallback_share: number | null;
  readonly mean_balance_gap: number | null;
  readonly by_model: Record<string, number>;
  /** Structural faithfulness per product category (`unknown` when the product has none). */
  readonly by_category: Record<string, number>;
  readonly judge: QualityJudgeResult | null;
  readonly alerts: ReconcileResult | null;
}

/** Default window: since the previous quality run started (so each run judges what is new), else 24 hours. */
async function defaultSince(db: Db, runId: string): Promise<string> {
  const previous = await db
    .selectFrom('runs')
    .select('started_at')
    .where('kind', '=', 'quality')
    .where('status', '=', 'succeeded')
    .where('run_id', '!=', runId)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  return previous?.started_at ?? new Date(Date.now() - 24 * 3600 * 1000).toISOString();
}

/** A stable pseudo-random sample: the same window always yields the same products. */
const sampleKey = (productId: string, modelVersion: string) =>
  createHash('sha1').update(`${productId}\u0000${modelVersion}`).digest('hex');

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
const meanOf = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** Mean of per-summary values grouped by category, skipping nulls. */
function meanByCategory(values: readonly { category: string; value: number | null }[]): Record<string, number> {
  const groups = new Map<string, number[]>();
  for (const { category, value } of values)
    if (value !== null) groups.set(category, [...(groups.get(category) ?? []), value]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, meanOf(v)!]));
}

async function categoriesOf(db: Db, productIds: readonly string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('products')
    .select(['product_id', 'category'])
    .where('product_id', 'in', [...productIds])
    .execute();
  return new Map(rows.map((r) => [r.product_id, r.category ?? 'unknown']));
}

async function judgeSample(
  db: Db,
  judge: Judge,
  sample: readonly Parameters<typeof judgeStoredSummary>[1][],
  categories: ReadonlyMap<string, string>,
): Promise<QualityJudgeResult> {
  const scores: { row: (typeof sample)[number]; scores: JudgeScores }[] = [];
  for (const row of sample) scores.push({ row, scores: await judgeStoredSummary(db, row, judge) });
  const values = (metric: 'faithfulness_llm' | 'context_precision_llm' | 'coherence') =>
    scores.map((s) => s.scores[metric]).filter((v): v is number => v !== null);
  return {
    judge: judge.id,
    faithfulness: meanOf(values('faithfulness_llm')),
    context_precision: meanOf(values('context_precision_llm')),
    coherence: meanOf(values('coherence')),
    judged: scores.filter((s) => s.scores.judge_failures.length === 0).length,
    failures: countFailures(scores.map((s) => s.scores.judge_failures)),
    by_category: meanByCategory(
      scores.map((s) => ({
        category: categories.get(s.row.product_id) ?? 'unknown',
        value: s.scores.faithfulness_llm,
      })),
    ),
  };
}

/**
 * The daily quality job: samples recently generated summaries and scores them with the evaluation metrics
 * (score-summary.ts; dropped claims count as unsupported), then reconciles the quality alerts.
 */
export async function runQualityMonitor(db: Db, options: QualityOptions): Promise<QualityResult> {
  const since = options.since ?? (await defaultSince(db, options.runId));
  const rows = await storedSummaries(db).where('s.generated_at', '>=', since).execute();
  const sample = rows
    .map((row) => ({ row, key: sampleKey(row.product_id, row.model_version) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .slice(0, options.sampleSize ?? 200)
    .map((entry) => entry.row);

  let claims = 0;
  let supported = 0;
  let toxic = 0;
  let formatFailures = 0;
  let piiOutputs = 0;
  let fallbacks = 0;
  const gaps: number[] = [];
  const byModel: Record<string, number> = {};
  const categories = await categoriesOf(db, [...new Set(sample.map((row) => row.product_id))]);
  const perCategory = new Map<string, { claims: number; supported: number }>();
  for (const row of sample) {
    const scores = await scoreStoredSummary(db, row, options.embedder);
    const category = categories.get(row.product_id) ?? 'unknown';
    const counts = perCategory.get(category) ?? { claims: 0, supported: 0 };
    perCategory.set(category, {
      claims: counts.claims + scores.claims,
      supported: counts.supported + scores.supported,
    });
    claims += scores.claims;
    supported += scores.supported;
    if (scores.toxic) toxic++;
    if (!scores.formatOk) formatFailures++;
    if (scores.pii) piiOutputs++;
    if (scores.fallback) fallbacks++;
    if (scores.balanceGap !== null) gaps.push(scores.balanceGap);
    byModel[scores.producedBy] = (byModel[scores.producedBy] ?? 0) + 1;
  }

  const measured = {
    since,
    sampled: sample.length,
    faithfulness: ratio(supported, claims),
    toxic_share: ratio(toxic, sample.length),
    format_failure_share: ratio(formatFailures, sample.length),
    pii_outputs: piiOutputs,
    fallback_share: ratio(fallbacks, sample.length),
    mean_balance_gap: gaps.length === 0 ? null : gaps.reduce((a, b) => a + b, 0) / gaps.length,
    by_model: byModel,
    by_category: Object.fromEntries(
      [...perCategory]
        .filter(([, c]) => c.claims > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([category, c]) => [category, c.supported / c.claims]),
    ),
    judge: options.judge && sample.length > 0 ? await judgeSample(db, options.judge, sample, categories) : null,
  };
  // No summaries in the window means nothing was measured: alerts keep their state rather than resolving.
  const alerts =
    sample.length === 0 ? null : await reconcileAlerts(db, 'quality', qualityConditions(measured), options.sinks);
  const result = { ...measured, alerts };
  await recordMonitorResult(db, options.runId, 'quality', result);
  return result;
}

export function qualityConditions(m: Omit<QualityResult, 'alerts'>): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  const t = QUALITY_THRESHOLDS;
  const detail = { sampled: m.sampled, since: m.since, by_model: m.by_model };
  // The categories below the bar are named in the alert: a retrain trigger retrains exactly those adapters.
  const below = (byCategory: Record<string, number> | undefined) =>
    Object.entries(byCategory ?? {})
      .filter(([, value]) => value < t.minFaithfulness)
      .map(([category]) => category);
  if (m.faithfulness !== null && m.faithfulness < t.minFaithfulness)
    conditions.push({
      key: 'quality.faithfulness',
      severity: 'warning',
      summary: `faithfulness ${m.faithfulness.toFixed(3)} < ${t.minFaithfulness}`,
      detail: { ...detail, value: m.faithfulness, threshold: t.minFaithfulness, categories: below(m.by_category) },
    });
  const judged = m.judge?.faithfulness ?? null;
  if (judged !== null && judged < t.minFaithfulness)
    conditions.push({
      key: 'quality.judge_faithfulness',
      severity: 'warning',
      summary: `judge faithfulness ${judged.toFixed(3)} < ${t.minFaithfulness} (${m.judge!.judge})`,
      detail: { ...detail, value: judged, threshold: t.minFaithfulness, categories: below(m.judge!.by_category) },
    });
  if (m.toxic_share !== null && m.toxic_share > t.maxToxicShare)
    conditions.push({
      key: 'quality.toxicity',
      severity: 'warning',
      summary: `toxic outputs ${(m.toxic_share * 100).toFixed(2)}% > ${t.maxToxicShare * 100}%`,
      detail: { ...detail, value: m.toxic_share, threshold: t.maxToxicShare },
    });
  if (m.format_failure_share !== null && m.format_failure_share > t.maxFormatFailureShare)
    conditions.push({
      key: 'quality.format',
      severity: 'warning',
      summary: `format failures ${(m.format_failure_share * 100).toFixed(2)}% > ${t.maxFormatFailureShare * 100}%`,
      detail: { ...detail, value: m.format_failure_share, threshold: t.maxFormatFailureShare },
    });
  if (m.pii_outputs > 0)
    conditions.push({
      key: 'quality.pii',
      severity: 'critical',
      summary: `${m.pii_outputs} sampled summaries contain PII`,
      detail: { ...detail, value: m.pii_outputs },
    });
  return conditions;
}
