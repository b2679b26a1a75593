import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Summary } from '../domain/summary.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { defaultComponents } from '../pipeline/components.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { generateSample } from '../sample/index.js';
import { createApiKey, revokeApiKey } from '../store/api-keys.js';
import type { Store } from '../store/store.js';
import { insertSummary, latestSummary } from '../store/summaries.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { buildServer } from './server.js';
import { WIDGET_SCRIPT } from './widget/widget.js';

// The serving API beyond the backbone: variants, languages, staleness, feedback, ingest and admin, over real HTTP.
let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let base: string;
let products: string[];
let adminKey: string;
let ingestKey: string;

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  let dir: string;
  ({ store, dir, cleanup } = await tempStore());
  const records = [...generateSample({ products: 6, seed: 11 })].map((item) => item.record);
  const path = writeTempFile(dir, 'in.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
  await runPipeline(store, openFileSource(path), loadConfig({ minReviews: '5' }, {}), defaultComponents());
  products = [...new Set(records.map((r) => r.product_id))].sort();
  adminKey = (await createApiKey(store.db, 'ops', ['admin'])).key;
  ingestKey = (await createApiKey(store.db, 'feed', ['ingest'])).key;
  // Tiny freshness windows: the test changes the store under a running server.
  app = buildServer(store.db, { cache: { freshMs: 1 }, experimentTtlMs: 1 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await cleanup();
});

/** Stores a copy of a product's summary under another model version and/or language. */
async function storeVariant(productId: string, change: Partial<Summary>, etag: string) {
  const stored = (await latestSummary(store.db, productId))!;
  const summary = { ...stored.summary, ...change };
  const product = await store.db
    .selectFrom('products')
    .select('revision')
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  await insertSummary(store.db, {
    summary,
    productRevision: product.revision,
    context: stored.context,
    etag,
    runId: 'test',
  });
}

describe('summary route', () => {
  it('serves the requested language when a summary exists in several, and falls back otherwise', async () => {
    const productId = products[0]!;
    const original = (await (await fetch(`${base}/v1/products/${productId}/summary`)).json()) as Summary;
    const other = original.language === 'pl' ? 'nl' : 'pl';
    await storeVariant(productId, { language: other as Summary['language'], overview: 'other language' }, 'lang-etag');
    const wanted = (await (await fetch(`${base}/v1/products/${productId}/summary?lang=${other}`)).json()) as Summary;
    expect(wanted.overview).toBe('other language');
    const fallback = await fetch(`${base}/v1/products/${productId}/summary?lang=${original.language}`);
    expect(((await fallback.json()) as Summary).language).toBe(original.language);
    expect((await fetch(`${base}/v1/products/${productId}/summary?lang=xx`)).status).toBe(400);
  });

  it('serves a stale summary with a header, queues one refresh and bumps the product revision', async () => {
    const productId = products[1]!;
    await storeVariant(productId, { expires_at: '2020-01-01T00:00:00.000Z' }, 'stale-etag');
    const before = await store.db
      .selectFrom('products')
      .select('revision')
      .where('product_id', '=', productId)
      .executeTakeFirstOrThrow();
    const response = await fetch(`${base}/v1/products/${productId}/summary`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-reviewlens-stale')).toBe('true');
    expect(response.headers.get('cache-control')).toContain('max-age=0');
    await fetch(`${base}/v1/products/${productId}/summary`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = await store.db
      .selectFrom('summary_refresh_requests')
      .selectAll()
      .where('product_id', '=', productId)
      .execute();
    expect(requests).toHaveLength(1);
    const after = await store.db
      .selectFrom('products')
      .select('revision')
      .where('product_id', '=', productId)
      .executeTakeFirstOrThrow();
    expect(after.revision).toBe(before.revision + 1);
    const fresh = await fetch(`${base}/v1/products/${products[2]}/summary`);
    expect(fresh.headers.get('x-reviewlens-stale')).toBeNull();
    expect(fresh.headers.get('cache-control')).toContain('stale-while-revalidate');
  });

  it('assigns subjects to stable variants and serves the variant model version', async () => {
    const productId = products[3]!;
    await storeVariant(productId, { model_version: 'challenger-v2', overview: 'challenger text' }, 'challenger-etag');
    const created = await fetch(
      `${base}/v1/admin/experiments`,
      json(
        { name: 'exp-a', champion: 'builtin-v1', challenger: 'challenger-v2' },
        { authorization: `Bearer ${adminKey}` },
      ),
    );
    expect(created.status).toBe(201);
    const seen = new Map<string, string>();
    for (let i = 0; i < 40; i += 1) {
      const response = await fetch(`${base}/v1/products/${productId}/summary?subject=user-${i}`);
      const variant = response.headers.get('x-reviewlens-variant')!;
      const summary = (await response.json()) as Summary;
      expect(response.headers.get('x-reviewlens-experiment')).toBe('exp-a');
      expect(summary.model_version).toBe(variant === 'challenger' ? 'challenger-v2' : 'builtin-v1');
      expect(response.headers.get('x-reviewlens-model-version')).toBe(summary.model_version);
      seen.set(`user-${i}`, variant);
    }
    expect(new Set(seen.values())).toEqual(new Set(['champion', 'challenger']));
    const again = await fetch(`${base}/v1/products/${productId}/summary`, {
      headers: { 'x-reviewlens-subject': 'user-7' },
    });
    expect(again.headers.get('x-reviewlens-variant')).toBe(seen.get('user-7'));
    // A product without a challenger summary falls back to the champion's.
    const other = await fetch(`${base}/v1/products/${products[4]}/summary?subject=user-1`);
    expect(((await other.json()) as Summary).model_version).toBe('builtin-v1');
    const stopped = await fetch(`${base}/v1/admin/experiments/exp-a/stop`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(stopped.status).toBe(200);
    expect(
      (await fetch(`${base}/v1/products/${productId}/summary?subject=user-1`)).headers.get('x-reviewlens-variant'),
    ).toBeNull();
  });

  it('sends CORS headers for shop origins and no helmet hooks on the hot path, but security headers on pages', async () => {
    const response = await fetch(`${base}/v1/products/${products[0]}/summary`, {
      headers: { origin: 'https://shop.example.com' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('etag');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Without an Origin (same-origin, server side) no CORS headers, but always Vary: Origin for shared caches.
    const direct = await fetch(`${base}/v1/products/${products[0]}/summary`);
    expect(direct.headers.get('access-control-allow-origin')).toBeNull();
    expect(direct.headers.get('vary')).toBe('origin');
    const page = await fetch(`${base}/products/${products[0]}`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/assets/product-page.js');
  });
});

describe('CORS with a shop allow-list', () => {
  it('reflects a listed origin on the hot route and on other routes, answers preflights, and refuses others', async () => {
    const shop = 'https://shop.example.com';
    const listed = buildServer(store.db, { corsOrigins: [shop] });
    try {
      const url = `/v1/products/${products[0]}/summary`;
      const allowed = await listed.inject({ url, headers: { origin: shop } });
      expect(allowed.headers['access-control-allow-origin']).toBe(shop);
      expect(allowed.headers['access-control-expose-headers']).toContain('x-reviewlens-variant');
      expect(allowed.headers.vary).toContain('origin');
      const other = await listed.inject({ url, headers: { origin: 'https://evil.example.net' } });
      expect(other.statusCode).toBe(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const sources = await listed.inject({ url: `${url}/sources`, headers: { origin: shop } });
      expect(sources.headers['access-control-allow-origin']).toBe(shop);
      const preflight = await listed.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: shop,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-reviewlens-subject',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toContain('x-reviewlens-subject');
    } finally {
      await listed.close();
    }
  });
});

describe('feedback and events', () => {
  it('stores a retried feedback once, even when retries race', async () => {
    const url = `${base}/v1/products/${products[0]}/summary/feedback`;
    const body = { helpful: true, subject: 'user-fb', reason: 'other' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(url, json(body, { 'idempotency-key': 'fb-0001-retry' })).then((r) => r.json()),
      ),
    );
    expect(results.reduce((sum, r) => sum + (r as { stored: number }).stored, 0)).toBe(1);
    const rows = await store.db
      .selectFrom('events')
      .selectAll()
      .where('idempotency_key', '=', 'fb-0001-retry')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'feedback', helpful: 1, subject_id: 'user-fb' });
    expect((await fetch(url, json({ helpful: true }))).status).toBe(400);
    expect((await fetch(url, json({ helpful: 'yes' }, { 'idempotency-key': 'fb-0002-bad' }))).status).toBe(400);
    expect(
      (await fetch(url, json({ helpful: true, reason: 'x'.repeat(5000) }, { 'idempotency-key': 'fb-0003-big' })))
        .status,
    ).toBe(413);
  });

  it('stores a batch of events once per key and attributes them to the running experiment', async () => {
    await fetch(
      `${base}/v1/admin/experiments`,
      json(
        { name: 'exp-b', champion: 'builtin-v1', challenger: 'challenger-v2' },
        { authorization: `Bearer ${adminKey}` },
      ),
    );
    const events = ['impression', 'expand', 'purchase'].map((type, i) => ({
      type,
      product_id: products[0],
      subject: 'user-ev',
      idempotency_key: `ev-key-000${i}`,
    }));
    const first = (await (await fetch(`${base}/v1/events`, json({ events }))).json()) as {
      stored: number;
      duplicates: number;
    };
    const retry = (await (await fetch(`${base}/v1/events`, json({ events }))).json()) as {
      stored: number;
      duplicates: number;
    };
    expect(first).toEqual({ stored: 3, duplicates: 0 });
    expect(retry).toEqual({ stored: 0, duplicates: 3 });
    const rows = await store.db.selectFrom('events').selectAll().where('subject_id', '=', 'user-ev').execute();
    expect(
      rows.every((r) => r.experiment === 'exp-b' && (r.variant === 'champion' || r.variant === 'challenger')),
    ).toBe(true);
    await fetch(`${base}/v1/admin/experiments/exp-b/stop`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}` },
    });
  });
});

describe('ingest and admin behind API keys', () => {
  it('ingests a batch with an ingest key and reports counts and reject reasons per position', async () => {
    const reviews = [
      inputRecord({ review_id: 'http-1', product_id: 'http-p' }),
      inputRecord({ review_id: 'http-2', product_id: 'http-p', star_rating: 9 }),
      'not an object',
      inputRecord({ review_id: 'http-1', product_id: 'http-p' }),
    ];
    expect((await fetch(`${base}/v1/reviews`, json({ reviews }))).status).toBe(401);
    expect((await fetch(`${base}/v1/reviews`, json({ reviews }, { authorization: `Bearer ${adminKey}` }))).status).toBe(
      401,
    );
    const forged = `${ingestKey.slice(0, -4)}AAAA`;
    expect((await fetch(`${base}/v1/reviews`, json({ reviews }, { authorization: `Bearer ${forged}` }))).status).toBe(
      401,
    );
    const response = await fetch(`${base}/v1/reviews`, json({ reviews }, { 'x-api-key': ingestKey }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      reviews_read: number;
      reviews_accepted: number;
      reviews_rejected: number;
      rejects: { position: number; reason: string }[];
    };
    expect(body.reviews_read).toBe(4);
    expect(body.reviews_accepted + body.reviews_rejected).toBe(body.reviews_read);
    expect(body.rejects.map((r) => [r.position, r.reason])).toEqual([
      [2, 'bad_rating'],
      [3, 'malformed_record'],
      [4, 'duplicate_id'],
    ]);
    const keys = await store.db.selectFrom('api_keys').select('key_hash').execute();
    expect(keys.every((k) => /^[a-f0-9]{64}$/.test(k.key_hash) && k.key_hash !== ingestKey)).toBe(true);
  });

  it('refuses revoked keys and serves the dashboard data with an admin key', async () => {
    const { keyId, key } = await createApiKey(store.db, 'temp', ['admin']);
    expect((await fetch(`${base}/v1/admin/dashboard`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(
      200,
    );
    await revokeApiKey(store.db, keyId);
    expect((await fetch(`${base}/v1/admin/dashboard`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(
      401,
    );
    const data = (await (
      await fetch(`${base}/v1/admin/dashboard`, { headers: { authorization: `Bearer ${adminKey}` } })
    ).json()) as {
      runs: unknown[];
      model_versions: { model_version: string }[];
      experiments: { experiment: { name: string } }[];
      alerts: { code: string }[];
    };
    expect(data.runs.length).toBeGreaterThan(0);
    expect(data.model_versions.map((v) => v.model_version)).toContain('builtin-v1');
    expect(data.experiments.map((e) => e.experiment.name)).toContain('exp-a');
    expect(data.alerts.map((a) => a.code)).toContain('stale_summaries');
  });
});

describe('ops and assets', () => {
  it('serves OpenAPI, readiness and Prometheus metrics', async () => {
    const openapi = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/v1/products/{id}/summary',
      '/v1/products/{id}/summary/sources',
      '/v1/products/{id}/summary/feedback',
      '/v1/events',
      '/v1/reviews',
    ]) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
    const docs = await fetch(`${base}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/reviewlens_http_requests_total\{route="\/v1\/products\/:id\/summary",status="200"\} \d+/);
    expect(metrics).toContain('reviewlens_events_total');
  });

  it('ships a widget script under 15 kB gzipped that parses, with the demo shop page embedding it', async () => {
    const response = await fetch(`${base}/widget/v1.js`);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const script = await response.text();
    expect(script).toBe(WIDGET_SCRIPT);
    expect(gzipSync(script).length).toBeLessThan(15 * 1024);
    expect(() => new Function(script)).not.toThrow();
    const page = await (await fetch(`${base}/demo/${products[0]}`)).text();
    expect(page).toContain(`<reviewlens-summary product="${products[0]}"`);
  });
});
