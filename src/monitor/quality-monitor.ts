import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EmbeddedChunk } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import { type Summary, SummarySchema } from '../domain/summary.js';
import { balance } from '../evaluate/metrics/balance.js';
import { defaultClaimSupport } from '../evaluate/metrics/faithfulness.js';
import { outputChecks } from '../evaluate/metrics/output-checks.js';
import { type EvalClaim, outputFromSummary } from '../evaluate/system-output.js';
import type { Embedder } from '../index/embedder.js';
import { loadChunksById } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import type { SummaryContext } from '../store/summaries.js';
import { supportScore } from '../summarize/claim-support.js';
import type { AlertSink } from './alert-sinks.js';
import { type AlertCondition, type ReconcileResult, reconcileAlerts, recordMonitorResult } from './alerts.js';

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

/**
 * A claim counts as supported when the evaluation's structural test (polarity + aspect of the cited chunks) or
 * the verifier's lexical/embedding support accepts it: the first handles aspect claims across languages, the
 * second free-text LLM claims. Citations that resolve to no chunk are unsupported.
 */
async function claimSupported(
  claim: EvalClaim,
  chunks: ReadonlyMap<string, EmbeddedChunk>,
  embedder: Embedder,
): Promise<boolean> {
  if (claim.citations.some((id) => !chunks.has(id))) return false;
  const cited = claim.citations.map((id) => chunks.get(id)!);
  if (defaultClaimSupport(claim, cited)) return true;
  const snippets = cited.map((chunk) => ({ text: chunk.text, embedding: chunk.embedding }));
  return (await supportScore(claim.text, snippets, embedder)).supported;
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

/**
 * The daily quality job: samples recently generated summaries and scores them with the evaluation metrics.
 * Faithfulness counts the claims verification dropped as unsupported: the published text is verified, so a
 * hallucinating model shows up as dropped claims (and fallbacks), not as unfaithful published summaries.
 */
export async function runQualityMonitor(db: Db, options: QualityOptions): Promise<QualityResult> {
  const since = options.since ?? (await defaultSince(db, options.runId));
  const rows = await db
    .selectFrom('summaries as s')
    .leftJoin('summary_outcomes as o', (join) =>
      join
        .onRef('o.product_id', '=', 's.product_id')
        .onRef('o.model_version', '=', 's.model_version')
        .onRef('o.product_revision', '=', 's.product_revision'),
    )
    .select([
      's.product_id',
      's.model_version',
      's.summary',
      's.context',
      's.language',
      'o.outcome',
      'o.dropped_claims',
    ])
    .where('s.generated_at', '>=', since)
    .execute();
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
  for (const row of sample) {
    const summary: Summary = SummarySchema.parse(JSON.parse(row.summary));
    const context = JSON.parse(row.context) as SummaryContext;
    const output = outputFromSummary(summary, context.contextChunkIds);
    const cited = [...new Set(output.claims.flatMap((c) => c.citations))];
    const chunks = new Map((await loadChunksById(db, cited)).map((chunk) => [chunk.chunkId, chunk]));
    const dropped = row.dropped_claims ?? 0;
    // Pros and cons are the checkable claims; the overview states counts and ratings (verified as numbers).
    const polar = output.claims.filter((claim) => claim.polarity !== 'neutral');
    claims += polar.length + dropped;
    for (const claim of polar) if (await claimSupported(claim, chunks, options.embedder)) supported++;
    const checks = outputChecks(output, row.language as Language);
    if (checks.toxic_terms > 0) toxic++;
    if (checks.format_ok === 0) formatFailures++;
    if (checks.pii_spans > 0) piiOutputs++;
    if (row.outcome === 'fallback_builtin') fallbacks++;
    const ratings = await db
      .selectFrom('reviews')
      .select('star_rating')
      .where('product_id', '=', row.product_id)
      .where('flags', '=', '')
      .execute();
    const gap = balance(
      output.claims,
      ratings.map((r) => r.star_rating),
    ).balance_gap;
    if (gap !== null) gaps.push(gap);
    byModel[summary.model_version] = (byModel[summary.model_version] ?? 0) + 1;
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
  if (m.faithfulness !== null && m.faithfulness < t.minFaithfulness)
    conditions.push({
      key: 'quality.faithfulness',
      severity: 'warning',
      summary: `faithfulness ${m.faithfulness.toFixed(3)} < ${t.minFaithfulness}`,
      detail: { ...detail, value: m.faithfulness, threshold: t.minFaithfulness },
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
