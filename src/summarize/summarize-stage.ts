import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AI_LABEL, isSupportedLanguage, type Language } from '../domain/languages.js';
import type { Summary } from '../domain/summary.js';
import { loadProductChunks } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import { insertSummary } from '../store/summaries.js';
import type { RetrievalStrategy } from './retrieve.js';
import type { ProductFacts, Summarizer } from './summarizer.js';
import { verifySummary } from './verify.js';

export interface SummarizeOptions {
  readonly runId: string;
  readonly summarizer: Summarizer;
  readonly retrieval: RetrievalStrategy;
  /** Products with fewer reviews get no summary; the reason is recorded. */
  readonly minReviews: number;
  /** How long a summary may be served before it is considered stale. */
  readonly ttlSeconds: number;
  readonly defaultLanguage: Language;
  readonly onProgress?: (counts: SummarizeCounts) => void;
}

export interface SummarizeCounts {
  products_considered: number;
  products_summarized: number;
  products_skipped: number;
  products_failed: number;
  skip_reasons: Record<string, number>;
}

export const DEFAULT_MIN_REVIEWS = 5;
export const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Products whose current revision has no summary of this model version yet, and that are not known to be
 * below the minimum. Summaries are keyed by revision, so a re-run after no change finds nothing to do and a
 * killed run resumes with exactly the products it had not committed.
 */
async function productsToSummarize(db: Kysely<Database>, modelVersion: string, minReviews: number) {
  return db
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
    .orderBy('p.product_id')
    .execute();
}

async function productFacts(
  db: Kysely<Database>,
  product: { product_id: string; product_name: string | null; category: string | null },
  defaultLanguage: Language,
): Promise<ProductFacts & { unindexed: number }> {
  const rows = await db
    .selectFrom('reviews')
    .select(({ fn }) => ['star_rating', 'language', fn.countAll<number>().as('n')])
    .where('product_id', '=', product.product_id)
    .where('flags', '=', '') // flagged reviews are kept out of summaries and their facts
    .groupBy(['star_rating', 'language'])
    .execute();
  const unindexed = await db
    .selectFrom('reviews')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('product_id', '=', product.product_id)
    .where((eb) => eb.or([eb('indexed_hash', 'is', null), eb('indexed_hash', '!=', eb.ref('content_hash'))]))
    .executeTakeFirstOrThrow();
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

export function etagOf(summary: Summary): string {
  return createHash('sha1').update(JSON.stringify(summary)).digest('base64url').slice(0, 20);
}

/** The summarize stage: one summary per changed product, verified, committed product by product. */
export async function summarizeProducts(db: Kysely<Database>, options: SummarizeOptions): Promise<SummarizeCounts> {
  const { summarizer, retrieval } = options;
  const modelVersion = summarizer.modelVersion;
  const counts: SummarizeCounts = {
    products_considered: 0,
    products_summarized: 0,
    products_skipped: 0,
    products_failed: 0,
    skip_reasons: {},
  };
  const skip = (reason: string) => {
    counts.products_skipped += 1;
    counts.skip_reasons[reason] = (counts.skip_reasons[reason] ?? 0) + 1;
  };

  for (const product of await productsToSummarize(db, modelVersion, options.minReviews)) {
    counts.products_considered += 1;
    const facts = await productFacts(db, product, options.defaultLanguage);
    const base = { productId: facts.productId, modelVersion, revision: product.revision, runId: options.runId };
    if (facts.unindexed > 0) {
      // Not recorded: the product is summarized once the index stage has caught up.
      skip('not_indexed');
    } else if (facts.reviewCount < options.minReviews) {
      skip('too_few_reviews');
      await recordSkip(db, { ...base, reason: 'too_few_reviews', reviewCount: facts.reviewCount });
    } else {
      const chunks = await loadProductChunks(db, facts.productId);
      const context = retrieval.retrieve(chunks);
      const draft = await summarizer.summarize({ product: facts, context, allChunks: chunks });
      const generatedAt = new Date();
      const summary: Summary = {
        product_id: facts.productId,
        language: facts.language,
        overview: draft.overview,
        overview_citations: [...draft.overview_citations],
        pros: [...draft.pros],
        cons: [...draft.cons],
        review_count: facts.reviewCount,
        rating_avg: facts.ratingAvg,
        model_version: modelVersion,
        generated_at: generatedAt.toISOString(),
        expires_at: new Date(generatedAt.getTime() + options.ttlSeconds * 1000).toISOString(),
        label: AI_LABEL[facts.language],
      };
      const verification = verifySummary(
        summary,
        facts,
        context.map((c) => c.chunk),
      );
      if (!verification.ok) {
        counts.products_failed += 1;
        await recordSkip(db, {
          ...base,
          reason: `verification_failed: ${verification.problems.slice(0, 5).join('; ')}`,
          reviewCount: facts.reviewCount,
        });
      } else {
        await insertSummary(db, {
          summary,
          productRevision: product.revision,
          context: { contextChunkIds: context.map((c) => c.chunk.chunkId), strategy: retrieval.id },
          etag: etagOf(summary),
          runId: options.runId,
        });
        counts.products_summarized += 1;
      }
    }
    options.onProgress?.(counts);
  }
  return counts;
}
