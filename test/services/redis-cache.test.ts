import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Summary } from '../../src/domain/summary.js';
import { openFileSource } from '../../src/ingest/sources/open-source.js';
import { defaultComponents } from '../../src/pipeline/components.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { generateSample } from '../../src/sample/index.js';
import { invalidateSummaries, redisSummaryCache } from '../../src/serve/redis-summary-cache.js';
import { buildServer } from '../../src/serve/server.js';
import { REDIS_URL, uniquePrefix } from '../../src/test-support/services.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';

// Two API processes share summaries through Redis; a published invalidation reaches both at once.
const prefix = uniquePrefix('cache');
let redis: Redis;
let workspace: Awaited<ReturnType<typeof tempStore>>;
let records: Record<string, unknown>[];
let productId: string;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  workspace = await tempStore();
  records = [...generateSample({ products: 2, seed: 12 })].map((i) => i.record as unknown as Record<string, unknown>);
  productId = records[0]!.product_id as string;
  await runPipeline(
    workspace.store,
    openFileSource(writeTempFile(workspace.dir, 'a.jsonl', toJsonl(records))),
    loadConfig({}, {}),
    defaultComponents(),
  );
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await workspace?.cleanup();
});

const server = () =>
  buildServer(workspace.store.db, {
    cache: { freshMs: 600_000, shared: redisSummaryCache(redis, { prefix, ttlSeconds: 60 }) },
  });

describe('Redis summary cache', () => {
  it('shares entries between API processes and invalidates them on publish', async () => {
    const a = server();
    const b = server();
    await a.ready();
    await b.ready();
    try {
      const first = (await a.inject({ url: `/v1/products/${productId}/summary` })).json() as Summary;
      expect(await redis.exists(`${prefix}summary:${productId}`)).toBe(1);
      expect(((await b.inject({ url: `/v1/products/${productId}/summary` })).json() as Summary).generated_at).toBe(
        first.generated_at,
      );

      // New reviews → a new summary in the store; both processes still hold the old one (long freshMs) …
      const complaints = [
        'The battery died after a week. Terrible purchase.',
        'Stopped working after ten days, very disappointed.',
        'Broke quickly and support never answered my emails.',
      ];
      const more = complaints.map((text, i) => ({
        ...records[0]!,
        review_id: `new-${i}`,
        user_id: `buyer-${i}`,
        review_text: text,
        star_rating: 1,
      }));
      await runPipeline(
        workspace.store,
        openFileSource(writeTempFile(workspace.dir, 'b.jsonl', toJsonl(more))),
        loadConfig({}, {}),
        defaultComponents(),
      );
      expect(((await a.inject({ url: `/v1/products/${productId}/summary` })).json() as Summary).generated_at).toBe(
        first.generated_at,
      );

      // … until the batch publishes the invalidation.
      await invalidateSummaries(redis, prefix, [productId]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const afterA = (await a.inject({ url: `/v1/products/${productId}/summary` })).json() as Summary;
      const afterB = (await b.inject({ url: `/v1/products/${productId}/summary` })).json() as Summary;
      expect(afterA.generated_at).not.toBe(first.generated_at);
      expect(afterB.generated_at).toBe(afterA.generated_at);
      expect(afterA.review_count).toBe(first.review_count + 3);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
