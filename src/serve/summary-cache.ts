import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Summary } from '../domain/summary.js';
import type { Database } from '../store/schema.js';
import { latestSummary, type SummaryContext } from '../store/summaries.js';
import type { SharedSummaryCache } from './redis-summary-cache.js';

export type MissingReason = 'unknown_product' | 'too_few_reviews' | 'not_generated_yet';

export type CachedSummary =
  | {
      readonly kind: 'found';
      readonly summary: Summary;
      readonly body: string;
      readonly etag: string;
      readonly context: SummaryContext;
      /** expires_at as epoch ms, so the hot path checks staleness without parsing a date. */
      readonly expiresAtMs: number;
    }
  | { readonly kind: 'missing'; readonly reason: MissingReason; readonly detail: string };

export interface SummarySelector {
  readonly modelVersion?: string | undefined;
  readonly language?: string | undefined;
}

export interface SummaryCacheOptions {
  /** Entries per process. */
  readonly max?: number;
  /** How long a process serves its copy before asking the store again, in ms. */
  readonly freshMs?: number;
  /** Scale-out: a cache shared by all API processes (Redis), consulted before the store. */
  readonly shared?: SharedSummaryCache;
}

/**
 * Read-through cache in front of the summaries table: the hot path is one Map lookup and a pre-serialised
 * body. The store stays the source of truth; a new summary shows up within `freshMs`, or at once when the
 * shared (Redis) layer is configured and the batch job publishes an invalidation.
 */
export class SummaryCache {
  private readonly lru: LRUCache<string, CachedSummary>;
  private readonly shared: SharedSummaryCache | undefined;
  /** LRU hits and misses in this process, for the cache hit-rate metric. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    options: SummaryCacheOptions = {},
  ) {
    this.lru = new LRUCache({ max: options.max ?? 50_000, ttl: options.freshMs ?? 5_000 });
    this.shared = options.shared;
  }

  /** Listens for invalidations from other processes (scale-out); returns the unsubscribe function. */
  async subscribeToInvalidations(): Promise<(() => Promise<void>) | undefined> {
    return this.shared?.onInvalidate((productId) => this.forget(productId));
  }

  /** Drops every cached variant of a product in this process. */
  forget(productId: string): void {
    for (const key of this.lru.keys()) {
      if (key === productId || key.startsWith(`${productId}\u0000`)) this.lru.delete(key);
    }
  }

  /** The newest summary of a product, optionally of one model version and/or language. */
  async get(productId: string, select: SummarySelector = {}): Promise<CachedSummary> {
    const key =
      select.modelVersion || select.language
        ? `${productId}\u0000${select.modelVersion ?? ''}\u0000${select.language ?? ''}`
        : productId;
    const hit = this.lru.get(key);
    if (hit) {
      this.stats.hits++;
      return hit;
    }
    this.stats.misses++;
    const field = `${select.modelVersion ?? ''}\u0000${select.language ?? ''}`;
    let entry = await this.shared?.get(productId, field);
    if (!entry) {
      entry = await this.load(productId, select);
      await this.shared?.set(productId, field, entry);
    }
    this.lru.set(key, entry);
    return entry;
  }

  clear(): void {
    this.lru.clear();
  }

  private async load(productId: string, select: SummarySelector): Promise<CachedSummary> {
    const stored = await latestSummary(this.db, productId, select.modelVersion, select.language);
    if (stored) {
      return {
        kind: 'found',
        summary: stored.summary,
        body: JSON.stringify(stored.summary),
        etag: `"${stored.etag}"`,
        context: stored.context,
        expiresAtMs: Date.parse(stored.summary.expires_at),
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
