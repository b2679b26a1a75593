import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import pLimit from 'p-limit';
import { isSupportedLanguage, type Language } from '../domain/languages.js';
import type { Summary } from '../domain/summary.js';
import { type Embedder, HashedNgramEmbedder } from '../index/embedder.js';
import { loadProductChunks } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import { insertSummary } from '../store/summaries.js';
import type { CallLog, LoggedCall } from './llm/call-log.js';
import { type Outcome, type Produced, produceSummary } from './produce-summary.js';
import type { RetrievalStrategy } from './retrieve.js';
import type { ProductFacts, Summarizer } from './summarizer.js';

export interface SummarizeOptions {
  readonly runId: string;
  readonly summarizer: Summarizer;
  readonly retrieval: RetrievalStrategy;
  /** Products with fewer reviews get no summary; the reason is recorded. */
  readonly minReviews: number;
  /** How long a summary may be served before it is considered stale. */
  readonly ttlSeconds: number;
  readonly defaultLanguage: Language;
  /** Only these products (a worker's batch); all changed products when absent. */
  readonly productIds?: readonly string[];
  /** Called after a product's new summary is committed (e.g. to invalidate the shared Redis cache). */
  readonly onPublished?: (productId: string) => Promise<void>;
  readonly onProgress?: (counts: SummarizeCounts) => void;
  /** Published instead when the summarizer fails or its draft cannot be verified (the built-in one). */
  readonly fallback?: Summarizer;
  /** Products in flight at once; the LLM client limits endpoint calls separately. */
  readonly concurrency?: number;
  /** The embedder of the stored chunks, for claim-support similarity (default: the built-in one). */
  readonly embedder?: Embedder;
  /** Endpoint calls per product, written with the product's summary. */
  readonly callLog?: CallLog;
}

export interface SummarizeCounts {
  products_considered: number;
  products_summarized: number;
  products_skipped: number;
  products_failed: number;
  skip_reasons: Record<string, number>;
  outcomes: Record<Outcome, number>;
  claims_dropped: number;
  tokens: { prompt: number; completion: number; calls: number };
}

export const DEFAULT_CONCURRENCY = 8;

/**
 * Products in flight for an endpoint that takes `endpointConcurrency` calls: a few more than that, so the next
 * products' reads, retrieval and verification overlap the calls in flight and the endpoint stays saturated.
 */
export function llmStageConcurrency(endpointConcurrency: number): number {
  return Math.ceil(endpointConcurrency * 1.25) + 2;
}

export const DEFAULT_MIN_REVIEWS = 5;
export const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Products whose current revision has no summary of this model version yet, and that are not known to be
 * below the minimum. Summaries are keyed by revision, so a re-run after no change finds nothing to do and a
 * killed run resumes with exactly the products it had not committed.
 */
export async function productsToSummarize(
  db: Kysely<Database>,
  modelVersion: string,
  minReviews: number,
  productIds?: readonly string[],
) {
  if (productIds?.length === 0) return [];
  let query = db
    .selectFrom('products as p')
    .select(['p.product_id', 'p.product_name', 'p.category', 'p.revision'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('summaries as s')
            .select('s.id')
            .whereRef('s.product_id', '=', 'p.product_id')
            .whereRef('s.product_revision', '=', 'p.revision')
            .where('s.model_version', '=', modelVersion),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('summary_skips as k')
            .select('k.product_id')
            .whereRef('k.product_id', '=', 'p.product_id')
            .whereRef('k.product_revision', '=', 'p.revision')
            .where('k.model_version', '=', modelVersion)
            .where('k.review_count', '<', minReviews),
        ),
      ),
    )
    // A product that failed permanently in this revision waits for new reviews (or a new model version).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('summary_dead_letters as d')
            .select('d.product_id')
            .whereRef('d.product_id', '=', 'p.product_id')
            .whereRef('d.product_revision', '=', 'p.revision')
            .where('d.model_version', '=', modelVersion),
        ),
      ),
    )
    .orderBy('p.product_id');
  if (productIds) query = query.where('p.product_id', 'in', [...productIds]);
  return query.execute();
}

export async function productFacts(
  db: Kysely<Database>,
  product: { product_id: string; product_name: string | null; category: string | null },
  defaultLanguage: Language,
): Promise<ProductFacts & { unindexed: number }> {
  // One query for the histogram, the languages and the not-yet-indexed count: it runs once per product.
  const rows = await db
    .selectFrom('reviews')
    .select(({ fn, eb }) => [
      'star_rating',
      'language',
      fn.countAll<number>().as('n'),
      fn
        .sum<number>(
          eb
            .case()
            .when(eb.or([eb('indexed_hash', 'is', null), eb('indexed_hash', '!=', eb.ref('content_hash'))]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('unindexed'),
    ])
    .where('product_id', '=', product.product_id)
    .where('flags', '=', '') // flagged reviews are kept out of summaries and their facts
    .groupBy(['star_rating', 'language'])
    .execute();
  const unindexed = { n: rows.reduce((sum, row) => sum + Number(row.unindexed), 0) };
  const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const byLanguage = new Map<string, number>();
  let total = 0;
  let sum = 0;
  for (const row of rows) {
    const n = Number(row.n);
    const stars = Number(row.star_rating);
    histogram[stars - 1]! += n;
    byLanguage.set(row.language, (byLanguage.get(row.language) ?? 0) + n);
    total += n;
    sum += stars * n;
  }
  // The summary is written in the language most of the product's reviewers use.
  const [majority] = [...byLanguage.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const language = majority && isSupportedLanguage(majority[0]) ? majority[0] : defaultLanguage;
  return {
    productId: product.product_id,
    productName: product.product_name,
    category: product.category,
    language,
    reviewCount: total,
    ratingAvg: total === 0 ? 0 : Math.round((sum / total) * 100) / 100,
    starHistogram: histogram,
    unindexed: Number(unindexed.n),
  };
}

async function recordSkip(
  db: Kysely<Database>,
  row: {
    productId: string;
    modelVersion: string;
    reason: string;
    reviewCount: number;
    revision: number;
    runId: string;
  },
) {
  const values = {
    product_id: row.productId,
    model_version: row.modelVersion,
    reason: row.reason,
    review_count: row.reviewCount,
    product_revision: row.revision,
    run_id: row.runId,
    created_at: new Date().toISOString(),
  };
  await db
    .insertInto('summary_skips')
    .values(values)
    .onConflict((oc) => oc.columns(['product_id', 'model_version']).doUpdateSet(values))
    .execute();
}

async function recordDeadLetter(
  db: Kysely<Database>,
  row: { productId: string; modelVersion: string; revision: number; runId: string; reasons: readonly string[] },
) {
  const values = {
    product_id: row.productId,
    model_version: row.modelVersion,
    product_revision: row.revision,
    reasons: JSON.stringify(row.reasons),
    run_id: row.runId,
    created_at: new Date().toISOString(),
  };
  await db
    .insertInto('summary_dead_letters')
    .values(values)
    .onConflict((oc) => oc.columns(['product_id', 'model_version']).doUpdateSet(values))
    .execute();
}

async function recordOutcome(
  db: Kysely<Database>,
  base: { productId: string; modelVersion: string; revision: number; runId: string },
  produced: Produced,
) {
  const values = {
    product_id: base.productId,
    model_version: base.modelVersion,
    product_revision: base.revision,
    outcome: produced.outcome,
    produced_by: produced.producedBy ?? null,
    prompt_version: produced.promptVersion ?? null,
    reasons: JSON.stringify(produced.reasons.slice(0, 30)),
    dropped_claims: produced.droppedClaims,
    prompt_tokens: produced.usage.promptTokens,
    completion_tokens: produced.usage.completionTokens,
    run_id: base.runId,
    created_at: new Date().toISOString(),
  };
  await db
    .insertInto('summary_outcomes')
    .values(values)
    .onConflict((oc) => oc.columns(['product_id', 'model_version', 'product_revision']).doUpdateSet(values))
    .execute();
}

async function recordCalls(db: Kysely<Database>, runId: string, productId: string, calls: readonly LoggedCall[]) {
  if (calls.length === 0) return;
  const createdAt = new Date().toISOString();
  await db
    .insertInto('llm_calls')
    .values(
      calls.map((call) => ({
        run_id: runId,
        product_id: productId,
        model: call.model,
        purpose: call.purpose,
        outcome: call.outcome,
        http_status: call.httpStatus,
        attempts: call.attempts,
        prompt_tokens: call.promptTokens,
        completion_tokens: call.completionTokens,
        latency_ms: call.latencyMs,
        created_at: createdAt,
      })),
    )
    .execute();
}

export function etagOf(summary: Summary): string {
  return createHash('sha1').update(JSON.stringify(summary)).digest('base64url').slice(0, 20);
}

/** The summarize stage: one summary per changed product, verified, committed product by product. */
export async function summarizeProducts(db: Kysely<Database>, options: SummarizeOptions): Promise<SummarizeCounts> {
  const { summarizer, retrieval } = options;
  const modelVersion = summarizer.modelVersion;
  const embedder = options.embedder ?? new HashedNgramEmbedder();
  const counts: SummarizeCounts = {
    products_considered: 0,
    products_summarized: 0,
    products_skipped: 0,
    products_failed: 0,
    skip_reasons: {},
    outcomes: { llm_accepted: 0, llm_repaired: 0, builtin_accepted: 0, fallback_builtin: 0, failed: 0 },
    claims_dropped: 0,
    tokens: { prompt: 0, completion: 0, calls: 0 },
  };
  const skip = (reason: string) => {
    counts.products_skipped += 1;
    counts.skip_reasons[reason] = (counts.skip_reasons[reason] ?? 0) + 1;
  };

  const summarizeOne = async (product: {
    product_id: string;
    product_name: string | null;
    category: string | null;
    revision: number;
  }) => {
    counts.products_considered += 1;
    const facts = await productFacts(db, product, options.defaultLanguage);
    const base = { productId: facts.productId, modelVersion, revision: product.revision, runId: options.runId };
    if (facts.unindexed > 0) {
      // Not recorded: the product is summarized once the index stage has caught up.
      skip('not_indexed');
      return;
    }
    if (facts.reviewCount < options.minReviews) {
      skip('too_few_reviews');
      await recordSkip(db, { ...base, reason: 'too_few_reviews', reviewCount: facts.reviewCount });
      return;
    }
    const chunks = await loadProductChunks(db, facts.productId);
    const context = retrieval.retrieve(chunks);
    const produced = await produceSummary(
      { product: facts, context, allChunks: chunks },
      { primary: summarizer, fallback: options.fallback, embedder, ttlSeconds: options.ttlSeconds },
    );
    counts.outcomes[produced.outcome] += 1;
    counts.claims_dropped += produced.droppedClaims;
    counts.tokens.prompt += produced.usage.promptTokens;
    counts.tokens.completion += produced.usage.completionTokens;
    counts.tokens.calls += produced.usage.calls;
    const calls = options.callLog?.take(facts.productId) ?? [];
    // One transaction per product: summary, outcome and call records are committed together or not at all,
    // so a killed run resumes with exactly the products it had not finished.
    await db.transaction().execute(async (trx) => {
      if (produced.summary) {
        await insertSummary(trx, {
          summary: produced.summary,
          modelVersion,
          productRevision: product.revision,
          context: {
            contextChunkIds: context.map((c) => c.chunk.chunkId),
            strategy: retrieval.id,
            ...(produced.promptVersion ? { promptVersion: produced.promptVersion } : {}),
          },
          etag: etagOf(produced.summary),
          runId: options.runId,
        });
      } else {
        await recordDeadLetter(trx, { ...base, reasons: produced.reasons });
        await recordSkip(trx, {
          ...base,
          reason: `verification_failed: ${produced.reasons.slice(0, 5).join('; ')}`,
          reviewCount: facts.reviewCount,
        });
      }
      await recordOutcome(trx, base, produced);
      await recordCalls(trx, options.runId, facts.productId, calls);
    });
    if (produced.summary) {
      counts.products_summarized += 1;
      // After the commit: tell shared caches (Redis, other API processes) that this product changed.
      await options.onPublished?.(facts.productId);
    } else counts.products_failed += 1;
  };

  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  const products = await productsToSummarize(db, modelVersion, options.minReviews, options.productIds);
  await Promise.all(
    products.map((product) =>
      limit(async () => {
        await summarizeOne(product);
        options.onProgress?.(counts);
      }),
    ),
  );
  return counts;
}
