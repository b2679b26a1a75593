import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Summary } from '../domain/summary.js';
import type { Database } from '../store/schema.js';
import { latestSummary, type SummaryContext } from '../store/summaries.js';

export type MissingReason = 'unknown_product' | 'too_few_reviews' | 'not_generated_yet';

export type CachedSummary =
  | {
      readonly kind: 'found';
      readonly summary: Summary;
      readonly body: string;
      readonly etag: string;
      readonly context: SummaryContext;
    }
  | { readonly kind: 'missing'; readonly reason: MissingReason; readonly detail: string };

export interface SummaryCacheOptions {
  /** Entries per process. */
  readonly max?: number;
  /** How long a process serves its copy before asking the store again, in ms. */
  readonly freshMs?: number;
}

/**
 * Read-through cache in front of the summaries table: the hot path is one Map lookup and a pre-serialised
 * body. The store stays the source of truth; a new summary shows up within `freshMs`.
 */
export class SummaryCache {
  private readonly lru: LRUCache<string, CachedSummary>;

  constructor(
    private readonly db: Kysely<Database>,
    options: SummaryCacheOptions = {},
  ) {
    this.lru = new LRUCache({ max: options.max ?? 50_000, ttl: options.freshMs ?? 5_000 });
  }

  async get(productId: string): Promise<CachedSummary> {
    const hit = this.lru.get(productId);
    if (hit) return hit;
    const entry = await this.load(productId);
    this.lru.set(productId, entry);
    return entry;
  }

  clear(): void {
    this.lru.clear();
  }

  private async load(productId: string): Promise<CachedSummary> {
    const stored = await latestSummary(this.db, productId);
    if (stored) {
      return {
        kind: 'found',
        summary: stored.summary,
        body: JSON.stringify(stored.summary),
        etag: `"${stored.etag}"`,
        context: stored.context,
      };
    }
    const skip = await this.db
      .selectFrom('summary_skips')
      .select(['reason', 'review_count'])
      .where('product_id', '=', productId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (skip?.reason === 'too_few_reviews') {
      return {
        kind: 'missing',
        reason: 'too_few_reviews',
        detail: `the product has ${skip.review_count} reviews, fewer than a summary needs`,
      };
    }
    const product = await this.db
      .selectFrom('products')
      .select('product_id')
      .where('product_id', '=', productId)
      .executeTakeFirst();
    return product
      ? { kind: 'missing', reason: 'not_generated_yet', detail: 'no summary has been generated for this product yet' }
      : { kind: 'missing', reason: 'unknown_product', detail: 'no reviews are known for this product' };
  }
}
