import type { Config } from '../config.js';
import { indexReviews } from '../index/index-stage.js';
import type { BatchPolarity, PolarityRetrainDecision } from '../index/polarity-retrain.js';
import { type IngestCounts, ingest } from '../ingest/ingest.js';
import type { ReviewSource } from '../ingest/sources/source-item.js';
import { finishRun, startRun } from '../store/runs.js';
import type { Store } from '../store/store.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import type { Components } from './components.js';

export interface PipelineResult {
  readonly run_id: string;
  readonly reviews_read: number;
  readonly reviews_accepted: number;
  readonly reviews_rejected: number;
  readonly rejects_by_reason: Record<string, number>;
  readonly reviews_indexed: number;
  readonly chunks_written: number;
  /** Existing chunks re-scored because the sentiment model changed. */
  readonly chunks_rescored: number;
  /** The sentiment model the index stage scored with: `lexicon-v1` or the store's trained polarity model id. */
  readonly sentiment_model: string;
  /** Whether this run (re)trained the store's polarity model, and why (when the run has a polarity step). */
  readonly polarity_retrain?: Pick<PolarityRetrainDecision, 'action' | 'reason' | 'labelled'>;
  readonly products_summarized: number;
  readonly products_skipped: number;
  readonly products_failed: number;
  readonly skip_reasons: Record<string, number>;
  /** Counts of the shadow (staging) version's run, when one is registered. */
  readonly shadow?: { model_version: string; products_summarized: number; products_failed: number };
  readonly seconds: number;
  readonly stage_seconds: { ingest: number; index: number; summarize: number };
}

export interface PipelineHooks {
  onStage?(stage: 'ingest' | 'index' | 'summarize', progress: object): void;
  /** After each product's new summary is committed (scale-out: invalidates the shared cache). */
  onPublished?(productId: string): Promise<void>;
  /** The staging version, run in shadow after production (stored apart, never served). */
  shadow?: Components;
  /**
   * Runs after ingest, before index: the polarity step (`polarityForBatch`: retrain when due). Its model replaces
   * `components.sentiment` for the index stage, and its decision is reported with the run.
   */
  afterIngest?(): Promise<BatchPolarity | undefined>;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/** ingest → index → summarize once, as one recorded run; each stage is idempotent, so a re-run is safe. */
export async function runPipeline(
  store: Store,
  source: ReviewSource,
  config: Config,
  components: Components,
  hooks: PipelineHooks = {},
): Promise<PipelineResult> {
  const { db } = store;
  const runId = await startRun(db, 'pipeline');
  const started = performance.now();
  try {
    let mark = performance.now();
    const ingested: IngestCounts = await ingest(db, source, {
      runId,
      defaultLanguage: config.defaultLanguage,
      // A batch that fails its expectations stops here, before index and summarize.
      expectations: { enforce: true },
      onProgress: (c) => hooks.onStage?.('ingest', c),
    });
    const ingestSeconds = seconds(mark);
    mark = performance.now();
    // Counted as index time: whatever the hook prepares (e.g. training polarity) serves the index stage.
    const polarity = await hooks.afterIngest?.();
    const sentiment = polarity?.sentiment ?? components.sentiment;
    const indexed = await indexReviews(db, {
      embedder: components.embedder,
      sentiment,
      onProgress: (c) => hooks.onStage?.('index', c),
    });
    const indexSeconds = seconds(mark);
    mark = performance.now();
    const summarized = await summarizeProducts(db, {
      runId,
      summarizer: components.summarizer,
      fallback: components.fallback,
      concurrency: components.concurrency,
      embedder: components.embedder,
      retrieval: components.retrieval,
      minReviews: config.minReviews,
      ttlSeconds: config.ttlSeconds,
      defaultLanguage: config.defaultLanguage,
      onProgress: (c) => hooks.onStage?.('summarize', c),
      onPublished: hooks.onPublished,
    });
    // Shadow: the staging version over the same products, stored under its own name, never published.
    const shadow = hooks.shadow;
    const shadowCounts = shadow
      ? await summarizeProducts(db, {
          runId,
          summarizer: shadow.summarizer,
          fallback: shadow.fallback,
          concurrency: shadow.concurrency,
          embedder: shadow.embedder,
          retrieval: shadow.retrieval,
          minReviews: config.minReviews,
          ttlSeconds: config.ttlSeconds,
          defaultLanguage: config.defaultLanguage,
        })
      : undefined;
    const result: PipelineResult = {
      run_id: runId,
      reviews_read: ingested.reviews_read,
      reviews_accepted: ingested.reviews_accepted,
      reviews_rejected: ingested.reviews_rejected,
      rejects_by_reason: ingested.rejects_by_reason,
      reviews_indexed: indexed.reviews_indexed,
      chunks_written: indexed.chunks_written,
      chunks_rescored: indexed.chunks_rescored,
      sentiment_model: indexed.sentiment_model,
      ...(polarity
        ? {
            polarity_retrain: {
              action: polarity.decision.action,
              reason: polarity.decision.reason,
              labelled: polarity.decision.labelled,
            },
          }
        : {}),
      products_summarized: summarized.products_summarized,
      products_skipped: summarized.products_skipped,
      products_failed: summarized.products_failed,
      skip_reasons: summarized.skip_reasons,
      seconds: seconds(started),
      ...(shadow && shadowCounts
        ? {
            shadow: {
              model_version: shadow.summarizer.modelVersion,
              products_summarized: shadowCounts.products_summarized,
              products_failed: shadowCounts.products_failed,
            },
          }
        : {}),
      stage_seconds: { ingest: ingestSeconds, index: indexSeconds, summarize: seconds(mark) },
    };
    await finishRun(db, runId, { status: 'succeeded', counts: result });
    return result;
  } catch (error) {
    await finishRun(db, runId, { status: 'failed', counts: {}, error: (error as Error).message });
    throw error;
  }
}
