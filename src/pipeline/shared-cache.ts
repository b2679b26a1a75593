import { Redis } from 'ioredis';
import { invalidateSummaries, redisSummaryCache, type SharedSummaryCache } from '../serve/redis-summary-cache.js';

/** Scale-out settings of the shared summary cache, from the environment (REDIS_URL). */
export interface SharedCacheConnection {
  readonly cache: SharedSummaryCache;
  /** For the batch job: drop shared entries of re-summarized products and notify API processes. */
  invalidate(productIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const CACHE_PREFIX = process.env.REVIEWLENS_CACHE_PREFIX ?? 'reviewlens:';
const CACHE_TTL_SECONDS = 3600;

/** Connects when REDIS_URL is set; the embedded default (no Redis) gets undefined and keeps its in-process cache. */
export function sharedCacheFromEnv(env: NodeJS.ProcessEnv = process.env): SharedCacheConnection | undefined {
  if (!env.REDIS_URL) return undefined;
  const prefix = env.REVIEWLENS_CACHE_PREFIX ?? CACHE_PREFIX;
  const client = new Redis(env.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    cache: redisSummaryCache(client, { prefix, ttlSeconds: CACHE_TTL_SECONDS }),
    invalidate: (productIds) => invalidateSummaries(client, prefix, productIds),
    close: async () => {
      client.disconnect();
    },
  };
}
