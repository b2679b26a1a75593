import type { Redis } from 'ioredis';
import type { CachedSummary } from './summary-cache.js';

/**
 * The shared layer of the summary cache in scale-out mode: one Redis hash per product (field = selector, value
 * = the cached entry), so publishing a new summary invalidates every variant of the product with one DEL, and
 * a pub/sub message tells every API process to drop its in-process copies.
 */
export interface SharedSummaryCache {
  get(productId: string, field: string): Promise<CachedSummary | undefined>;
  set(productId: string, field: string, entry: CachedSummary): Promise<void>;
  /** Subscribes to invalidations (productId) published by any process; returns an unsubscribe function. */
  onInvalidate(listener: (productId: string) => void): Promise<() => Promise<void>>;
}

export interface RedisCacheOptions {
  readonly prefix: string;
  /** Entries expire even without an invalidation, so a lost message cannot pin an old summary forever. */
  readonly ttlSeconds: number;
}

const productKey = (prefix: string, productId: string) => `${prefix}summary:${productId}`;
const channel = (prefix: string) => `${prefix}summary-invalidations`;

export function redisSummaryCache(client: Redis, options: RedisCacheOptions): SharedSummaryCache {
  return {
    async get(productId, field) {
      const raw = await client.hget(productKey(options.prefix, productId), field);
      return raw ? (JSON.parse(raw) as CachedSummary) : undefined;
    },
    async set(productId, field, entry) {
      const key = productKey(options.prefix, productId);
      await client.multi().hset(key, field, JSON.stringify(entry)).expire(key, options.ttlSeconds).exec();
    },
    async onInvalidate(listener) {
      // A subscribed connection cannot run other commands: use a dedicated duplicate.
      const subscriber = client.duplicate();
      await subscriber.subscribe(channel(options.prefix));
      subscriber.on('message', (_channel, productId: string) => listener(productId));
      return async () => {
        await subscriber.unsubscribe();
        subscriber.disconnect();
      };
    },
  };
}

/** Called by the batch job after it publishes summaries: drop the shared entries and tell every API process. */
export async function invalidateSummaries(client: Redis, prefix: string, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  const pipeline = client.multi();
  for (const productId of productIds) {
    pipeline.del(productKey(prefix, productId));
    pipeline.publish(channel(prefix), productId);
  }
  await pipeline.exec();
}
