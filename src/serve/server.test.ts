import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Summary } from '../domain/summary.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { defaultComponents } from '../pipeline/components.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { generateSample } from '../sample/index.js';
import type { Store } from '../store/store.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { buildServer } from './server.js';

// End to end through the HTTP API: generated reviews → pipeline → a real server on an ephemeral port.
let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let base: string;
let productId: string;

beforeAll(async () => {
  let dir: string;
  ({ store, dir, cleanup } = await tempStore());
  const records = [...generateSample({ products: 6, seed: 3 })].map((item) => item.record);
  const tiny = [1, 2].map((i) => ({ ...records[0]!, review_id: `tiny-${i}`, product_id: 'tiny' }));
  const path = writeTempFile(dir, 'in.jsonl', toJsonl([...records, ...tiny] as unknown as Record<string, unknown>[]));
  await runPipeline(store, openFileSource(path), loadConfig({ minReviews: '5' }, {}), defaultComponents());
  productId = records[0]!.product_id;
  app = buildServer(store.db);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await cleanup();
});

describe('HTTP API', () => {
  it('serves a summary with an ETag and answers If-None-Match with 304', async () => {
    const response = await fetch(`${base}/v1/products/${productId}/summary`);
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const summary = (await response.json()) as Summary;
    expect(summary.product_id).toBe(productId);
    expect(summary.pros.length).toBeGreaterThan(0);

    const again = await fetch(`${base}/v1/products/${productId}/summary`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('resolves the sources of a claim to review snippets with rating, date and verified flag', async () => {
    const summary = (await (await fetch(`${base}/v1/products/${productId}/summary`)).json()) as Summary;
    const response = await fetch(`${base}/v1/products/${productId}/summary/sources?claim=pros.0`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      claims: {
        claim: string;
        sources: { chunk_id: string; text: string; star_rating: number; verified_purchase: boolean }[];
      }[];
    };
    expect(body.claims).toHaveLength(1);
    expect(body.claims[0]!.claim).toBe('pros.0');
    expect(body.claims[0]!.sources.map((s) => s.chunk_id)).toEqual(summary.pros[0]!.citations);
    expect(body.claims[0]!.sources.every((s) => s.text.length > 0 && s.star_rating >= 1)).toBe(true);

    const all = (await (await fetch(`${base}/v1/products/${productId}/summary/sources`)).json()) as {
      claims: unknown[];
    };
    expect(all.claims).toHaveLength(1 + summary.pros.length + summary.cons.length);
    expect((await fetch(`${base}/v1/products/${productId}/summary/sources?claim=pros.99`)).status).toBe(404);
    expect((await fetch(`${base}/v1/products/${productId}/summary/sources?claim=drop%20table`)).status).toBe(400);
  });

  it('says why there is no summary', async () => {
    const unknown = await fetch(`${base}/v1/products/nope/summary`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ reason: 'unknown_product' });
    const tiny = await fetch(`${base}/v1/products/tiny/summary`);
    expect(await tiny.json()).toMatchObject({ reason: 'too_few_reviews' });
  });

  it('renders the product page with the AI label, claims with counts, and an index of products', async () => {
    const html = await (await fetch(`${base}/products/${productId}`)).text();
    expect(html).toContain('id="ai-label"');
    expect(html).toMatch(/class="claim pro" data-claim="pros\.0"/);
    expect(html).toMatch(/class="count"[^>]*>· \d+</);
    const index = await (await fetch(`${base}/`)).text();
    expect(index).toContain(`/products/${productId}`);
    expect(index).not.toContain('/products/tiny');
  });

  it('reports health', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });
});
