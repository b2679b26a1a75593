import type { Kysely } from 'kysely';
import { bootstrapCi95 } from '../evaluate/metrics/bootstrap.js';
import type { Embedder } from '../index/embedder.js';
import { productionVersion, stagingVersion } from '../registry/registry.js';
import type { Database } from '../store/schema.js';
import { recordMonitorResult } from './alerts.js';
import { type StoredSummaryRow, type SummaryScores, scoreStoredSummary, storedSummaries } from './score-summary.js';

type Db = Kysely<Database>;

export class ShadowReportError extends Error {
  constructor(
    message: string,
    readonly code: 'RL_ERR_SHADOW_NO_STAGING' | 'RL_ERR_SHADOW_NO_OVERLAP',
  ) {
    super(message);
  }
}

const METRICS = {
  faithfulness: (s: SummaryScores) => s.faithfulness,
  format_ok: (s: SummaryScores) => (s.formatOk ? 1 : 0),
  toxic: (s: SummaryScores) => (s.toxic ? 1 : 0),
  pii: (s: SummaryScores) => (s.pii ? 1 : 0),
  fallback: (s: SummaryScores) => (s.fallback ? 1 : 0),
  balance_gap: (s: SummaryScores) => s.balanceGap,
  words: (s: SummaryScores) => s.words,
} as const;

export interface PairedMetric {
  /** Products where both versions have a value. */
  readonly n: number;
  readonly production: number | null;
  readonly staging: number | null;
  /** Mean of staging − production over the pairs, with its 95% bootstrap interval. */
  readonly mean_diff: number | null;
  readonly ci95: [number, number] | null;
}

export interface ShadowReport {
  readonly production: string;
  readonly staging: string;
  readonly products: number;
  readonly metrics: Record<keyof typeof METRICS, PairedMetric>;
}

/** The newest summary of each product under a model version. */
async function latestByProduct(db: Db, version: string): Promise<Map<string, StoredSummaryRow>> {
  const rows = await storedSummaries(db).where('s.model_version', '=', version).orderBy('s.id', 'desc').execute();
  const byProduct = new Map<string, StoredSummaryRow>();
  for (const row of rows) if (!byProduct.has(row.product_id)) byProduct.set(row.product_id, row);
  return byProduct;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Staging runs in shadow (its summaries are stored, not served); this compares them with production's on the
 * same products — the products both have summarized — with paired differences, like the promotion gate.
 */
export async function shadowReport(
  db: Db,
  options: { embedder: Embedder; runId: string; production?: string; staging?: string },
): Promise<ShadowReport> {
  const production = options.production ?? (await productionVersion(db)).version;
  const staging = options.staging ?? (await stagingVersion(db))?.version;
  if (!staging) throw new ShadowReportError('no model version is in staging', 'RL_ERR_SHADOW_NO_STAGING');
  const prod = await latestByProduct(db, production);
  const stag = await latestByProduct(db, staging);
  const products = [...prod.keys()].filter((id) => stag.has(id)).sort();
  if (products.length === 0)
    throw new ShadowReportError(
      `no product has summaries of both ${production} and ${staging}: run the summarize stage with the staging version`,
      'RL_ERR_SHADOW_NO_OVERLAP',
    );
  const pairs: [SummaryScores, SummaryScores][] = [];
  for (const id of products)
    pairs.push([
      await scoreStoredSummary(db, prod.get(id)!, options.embedder),
      await scoreStoredSummary(db, stag.get(id)!, options.embedder),
    ]);
  const metrics = {} as Record<keyof typeof METRICS, PairedMetric>;
  for (const [name, value] of Object.entries(METRICS) as [
    keyof typeof METRICS,
    (s: SummaryScores) => number | null,
  ][]) {
    const both = pairs
      .map(([p, s]) => [value(p), value(s)] as const)
      .filter((pair): pair is readonly [number, number] => pair[0] !== null && pair[1] !== null);
    const diffs = both.map(([p, s]) => s - p);
    metrics[name] = {
      n: both.length,
      production: mean(both.map(([p]) => p)),
      staging: mean(both.map(([, s]) => s)),
      mean_diff: mean(diffs),
      ci95: bootstrapCi95(diffs),
    };
  }
  const report: ShadowReport = { production, staging, products: products.length, metrics };
  await recordMonitorResult(db, options.runId, 'shadow', report);
  return report;
}
