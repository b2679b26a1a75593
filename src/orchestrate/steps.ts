import type { Config } from '../config.js';
import type { Judge } from '../evaluate/judge/judge.js';
import { indexReviews } from '../index/index-stage.js';
import { polarityForBatch } from '../index/polarity-retrain.js';
import { ingest } from '../ingest/ingest.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { type AlertSink, sinksFromEnv } from '../monitor/alert-sinks.js';
import { publishingPaused } from '../monitor/alerts.js';
import { runDrift } from '../monitor/drift.js';
import { runQualityMonitor } from '../monitor/quality-monitor.js';
import type { Components } from '../pipeline/components.js';
import { isCancelled, startRun, withRun } from '../store/runs.js';
import type { Store } from '../store/store.js';
import { productsToSummarize, summarizeProducts } from '../summarize/summarize-stage.js';
import { type RetrainConfig, runRetrainJob } from '../train/retrain-trigger.js';

/** What every step needs; built once per process (CLI run, worker). */
export interface StepContext {
  readonly store: Store;
  readonly config: Config;
  readonly components: Components;
  /** Called after each product's new summary is committed (scale-out: invalidates the shared cache). */
  readonly onPublished?: (productId: string) => Promise<void>;
  /** Alert sinks of the monitoring steps (default: from the environment). */
  readonly sinks?: readonly AlertSink[];
  /** The LLM judge the quality step scores with, when configured. */
  readonly judge?: Judge;
  /** Retraining triggers; the retrain step does nothing without it. */
  readonly retrain?: RetrainConfig;
}

/** Data of the monitoring steps (all optional: the defaults of the CLI commands). */
export interface MonitorStepData {
  readonly sampleSize?: number;
  readonly since?: string;
  readonly windowDays?: number;
  readonly baseline?: string;
  /** retrain: a scheduled run for this category; without it, categories named by firing quality alerts. */
  readonly category?: string;
}

/**
 * The pipeline's steps as plain functions over JSON data, so the in-process runner and the BullMQ workers
 * execute exactly the same code. Every step is idempotent: running one twice (a retried job) is harmless.
 */
export const steps = {
  async ingest(ctx: StepContext, data: { input: string }) {
    const { db } = ctx.store;
    return withRun(db, 'ingest', (runId) =>
      ingest(db, openFileSource(data.input), {
        runId,
        defaultLanguage: ctx.config.defaultLanguage,
        // A batch that fails its expectations fails this step, so index and summarize never see it.
        expectations: { enforce: true },
      }),
    );
  },

  async index(ctx: StepContext) {
    const { db } = ctx.store;
    return withRun(db, 'index', async () => {
      // Retrain polarity when due; the job's components were loaded before, so take the store's model now.
      const { sentiment, decision } = await polarityForBatch(
        db,
        ctx.config.polarityRetrainGrowth,
        ctx.components.sentiment,
      );
      const counts = await indexReviews(db, { embedder: ctx.components.embedder, sentiment });
      return { ...counts, polarity_retrain: decision.action };
    });
  },

  /** Opens a summarize run and splits the changed products into batches (the unit of work for workers). */
  async planSummarize(ctx: StepContext, data: { batchSize?: number }) {
    const { db } = ctx.store;
    // A firing critical alert (e.g. PII in summaries) stops publishing until it resolves, when so configured.
    const pausedBy = await publishingPaused(db);
    if (pausedBy) return { run_id: await startRun(db, 'summarize'), products: 0, batches: [], paused_by: pausedBy };
    const products = await productsToSummarize(db, ctx.components.summarizer.modelVersion, ctx.config.minReviews);
    const runId = await startRun(db, 'summarize');
    const size = Math.max(1, data.batchSize ?? 50);
    const batches: string[][] = [];
    for (let i = 0; i < products.length; i += size) batches.push(products.slice(i, i + size).map((p) => p.product_id));
    return { run_id: runId, products: products.length, batches };
  },

  async summarizeBatch(ctx: StepContext, data: { runId: string; productIds: string[] }) {
    // A cancelled run's queued batches finish at once without work; a later run picks the products up again.
    if (await isCancelled(ctx.store.db, data.runId)) return { products_cancelled: data.productIds.length };
    return summarizeProducts(ctx.store.db, {
      runId: data.runId,
      productIds: data.productIds,
      onPublished: ctx.onPublished,
      summarizer: ctx.components.summarizer,
      fallback: ctx.components.fallback,
      concurrency: ctx.components.concurrency,
      embedder: ctx.components.embedder,
      retrieval: ctx.components.retrieval,
      minReviews: ctx.config.minReviews,
      ttlSeconds: ctx.config.ttlSeconds,
      defaultLanguage: ctx.config.defaultLanguage,
    });
  },
};

/** The monitoring jobs as steps: scheduled and retried like the pipeline's, each recorded as a run. */
export const monitorSteps = {
  async quality(ctx: StepContext, data: MonitorStepData) {
    const { db } = ctx.store;
    return withRun(db, 'quality', (runId) =>
      runQualityMonitor(db, {
        runId,
        since: data.since,
        sampleSize: data.sampleSize,
        embedder: ctx.components.embedder,
        sinks: ctx.sinks ?? sinksFromEnv(),
        judge: ctx.judge,
      }),
    );
  },

  async drift(ctx: StepContext, data: MonitorStepData) {
    const { db } = ctx.store;
    return withRun(db, 'drift', (runId) =>
      runDrift(db, {
        runId,
        sinks: ctx.sinks ?? sinksFromEnv(),
        windowDays: data.windowDays,
        baselineName: data.baseline,
      }),
    );
  },

  /** Not configured: a no-op that says so (the quality pipeline always ends with this step). */
  async retrain(ctx: StepContext, data: MonitorStepData) {
    const { db } = ctx.store;
    if (!ctx.retrain) return runRetrainJob(db, undefined, { defaultLanguage: ctx.config.defaultLanguage });
    return withRun(db, 'train', () =>
      runRetrainJob(db, ctx.retrain, { category: data.category, defaultLanguage: ctx.config.defaultLanguage }),
    );
  },
};

/** Adds up the numeric counts (and nested reason maps) of several batch results. */
export function sumCounts(results: readonly object[]): Record<string, unknown> {
  const total: Record<string, unknown> = {};
  for (const result of results) {
    for (const [key, value] of Object.entries(result)) {
      if (typeof value === 'number') total[key] = ((total[key] as number | undefined) ?? 0) + value;
      else if (value && typeof value === 'object' && !Array.isArray(value)) {
        total[key] = sumCounts([(total[key] as object | undefined) ?? {}, value]);
      }
    }
  }
  return total;
}
