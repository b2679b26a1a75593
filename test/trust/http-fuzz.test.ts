import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openFileSource } from '../../src/ingest/sources/open-source.js';
import { defaultComponents } from '../../src/pipeline/components.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { generateSample } from '../../src/sample/index.js';
import { buildServer } from '../../src/serve/server.js';
import { createApiKey } from '../../src/store/api-keys.js';
import type { Store } from '../../src/store/store.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';
import { bodies, type Credentials, headers, ingestBodies, pathSegment, queryString } from './http-arbitraries.js';

// Every HTTP endpoint's input, fuzzed with fast-check through Fastify `inject` against a real app over a real
// SQLite store. Properties: never a 5xx, never a hang, every API 4xx is a JSON error with a machine-readable
// code, and a rejected request stores nothing. NUM_RUNS keeps the suite bounded in CI (TRUST_NUM_RUNS overrides).
const NUM_RUNS = Number(process.env.TRUST_NUM_RUNS ?? 60);
const REQUEST_DEADLINE_MS = 10_000;

let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let keys: Credentials;
let product: string;

interface Route {
  readonly method: 'GET' | 'POST';
  /** `:x` marks a path parameter the fuzzer fills. */
  readonly path: string;
  /** Valid bodies for POST routes; the fuzzer mutates them. */
  readonly valid?: readonly Record<string, unknown>[];
  /** Page and asset routes answer humans: their 4xx need not be JSON. */
  readonly page?: boolean;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/v1/products/:id/summary' },
  { method: 'GET', path: '/v1/products/:id/summary/sources' },
  {
    method: 'POST',
    path: '/v1/products/:id/summary/feedback',
    valid: [{ helpful: true, reason: 'other', subject: 's-1', idempotency_key: 'fuzz-key-0001' }],
  },
  {
    method: 'POST',
    path: '/v1/events',
    valid: [{ events: [{ type: 'impression', product_id: 'p1', idempotency_key: 'fuzz-event-0001' }] }],
  },
  { method: 'POST', path: '/v1/reviews', valid: [{ reviews: [inputRecord({ review_id: 'fuzz-1' })] }] },
  { method: 'GET', path: '/v1/admin/dashboard' },
  { method: 'GET', path: '/v1/admin/experiments' },
  {
    method: 'POST',
    path: '/v1/admin/experiments',
    valid: [{ name: 'fuzz-exp', champion: 'builtin-v1', challenger: 'other-v1', challenger_share: 0.5 }],
  },
  { method: 'POST', path: '/v1/admin/experiments/:name/stop', valid: [{}] },
  { method: 'GET', path: '/v1/admin/experiments/:name/report' },
  { method: 'GET', path: '/v1/insights/products/:id' },
  { method: 'GET', path: '/v1/insights/categories/:category' },
  { method: 'GET', path: '/v1/insights/emerging' },
  { method: 'GET', path: '/v1/search' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
  { method: 'GET', path: '/metrics', page: true },
  { method: 'GET', path: '/widget/v1.js', page: true },
  { method: 'GET', path: '/how-it-works', page: true },
  { method: 'GET', path: '/products/:id', page: true },
  { method: 'GET', path: '/demo/:id', page: true },
  { method: 'GET', path: '/', page: true },
  { method: 'GET', path: '/v1/:anything' },
  { method: 'POST', path: '/v1/products/:id/summary', valid: [{}] },
];

beforeAll(async () => {
  let dir: string;
  ({ store, dir, cleanup } = await tempStore());
  const records = [...generateSample({ products: 3, seed: 5 })].map((item) => item.record);
  const path = writeTempFile(dir, 'in.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
  await runPipeline(store, openFileSource(path), loadConfig({ minReviews: '5' }, {}), defaultComponents());
  product = records[0]!.product_id;
  keys = {
    admin: (await createApiKey(store.db, 'fuzz-admin', ['admin'])).key,
    ingest: (await createApiKey(store.db, 'fuzz-ingest', ['ingest'])).key,
  };
  app = buildServer(store.db);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await cleanup?.();
});

/** Row counts of every table: a rejected request must leave all of them unchanged. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(store.db);
    counts[name] = Number(row.rows[0]!.n);
  }
  return counts;
}

function authenticHeaders(route: Route): Record<string, string> {
  const key = route.path === '/v1/reviews' ? keys.ingest : keys.admin;
  return { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
}

let clientNumber = 0;
async function send(method: string, url: string, requestHeaders: Record<string, string>, payload?: string | Buffer) {
  clientNumber += 1;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${REQUEST_DEADLINE_MS} ms: ${method} ${url}`)),
      REQUEST_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([
      app.inject({
        method: method as 'GET',
        url,
        headers: requestHeaders,
        ...(payload === undefined ? {} : { payload }),
        // A fresh client address per request: the fuzzer tests inputs, not the rate limiter.
        remoteAddress: `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber & 255}`,
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function fillPath(path: string, segments: readonly string[]): string {
  let i = 0;
  return path.replace(/:[a-z]+/g, () => segments[i++ % segments.length] ?? 'x');
}

/** fc.assert, but a failure report stays readable: counterexamples can be megabytes of nested JSON. */
async function assertBounded<T>(property: fc.IAsyncPropertyWithHooks<T>, runs = NUM_RUNS): Promise<void> {
  const details = await fc.check(property, { numRuns: runs });
  if (details.failed) {
    const example = JSON.stringify(details.counterexample)?.slice(0, 600);
    const cause = String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance).slice(0, 1200);
    throw new Error(
      `property failed after ${details.numRuns} runs (seed ${details.seed}, path ${details.counterexamplePath}): ${cause}\ncounterexample: ${example}`,
    );
  }
}

const stats = { requests: 0, byStatus: {} as Record<string, number> };

function checkResponse(route: Route, response: Awaited<ReturnType<typeof send>>, description: string) {
  stats.requests += 1;
  stats.byStatus[response.statusCode] = (stats.byStatus[response.statusCode] ?? 0) + 1;
  if (response.statusCode >= 500)
    throw new Error(`${response.statusCode} for ${description}: ${response.body.slice(0, 300)}`);
  if (response.statusCode >= 400 && !route.page && response.statusCode !== 404) {
    expect(response.headers['content-type'], description).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as { error?: unknown; message?: unknown };
    // snake_case API codes, or the CLI's RL_ERR_* codes where a store error class carries its own.
    expect(body.error, description).toMatch(/^(?:[a-z][a-z0-9_]*|RL_ERR_[A-Z_]+)$/);
    expect(typeof body.message, description).toBe('string');
  }
}

describe('every endpoint under hostile input', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: never 5xx, never hangs, JSON errors with a code, nothing stored on rejection',
    async (_name, route) => {
      const validBodies = route.valid ?? [{}];
      await assertBounded(
        fc.asyncProperty(
          fc.array(pathSegment, { minLength: 1, maxLength: 2 }),
          fc.oneof(fc.constant(false), fc.constant(true)),
          queryString,
          headers(keys),
          route.method === 'POST' ? bodies(validBodies) : fc.constant(undefined),
          fc.boolean(),
          async (segments, knownProduct, query, fuzzedHeaders, payload, authentic) => {
            // Half the cases carry a valid key of the right scope and a JSON content type, so hostile bodies and
            // parameters reach the handlers, not just the auth and content-type checks.
            const requestHeaders = authentic ? { ...fuzzedHeaders, ...authenticHeaders(route) } : fuzzedHeaders;
            const path = fillPath(route.path, knownProduct ? [encodeURIComponent(product)] : segments);
            const url = query ? `${path}?${query}` : path;
            const before = route.method === 'POST' ? await rowCounts() : undefined;
            const response = await send(route.method, url, requestHeaders, payload);
            const description = `${route.method} ${url.slice(0, 200)} headers=${JSON.stringify(requestHeaders).slice(0, 300)} body=${String(payload).slice(0, 200)}`;
            checkResponse(route, response, description);
            if (before && response.statusCode >= 400) expect(await rowCounts(), description).toEqual(before);
          },
        ),
      );
    },
  );

  it('POST /v1/reviews with a valid key: hostile records are rejected one by one with a reason, never a 5xx', async () => {
    await assertBounded(
      fc.asyncProperty(ingestBodies(inputRecord({ review_id: 'fuzz-ingest' })), async (payload) => {
        const before = await rowCounts();
        const response = await send(
          'POST',
          '/v1/reviews',
          authenticHeaders({ method: 'POST', path: '/v1/reviews' }),
          payload,
        );
        const description = `POST /v1/reviews body=${payload.slice(0, 300)}`;
        checkResponse({ method: 'POST', path: '/v1/reviews' }, response, description);
        if (response.statusCode >= 400) {
          expect(await rowCounts(), description).toEqual(before);
          return;
        }
        const result = JSON.parse(response.body) as {
          reviews_read: number;
          reviews_accepted: number;
          reviews_rejected: number;
          rejects: { reason: string }[];
        };
        // Counts reconcile and every rejection has a reason code.
        expect(result.reviews_read, description).toBe(result.reviews_accepted + result.reviews_rejected);
        expect(result.rejects.length, description).toBe(result.reviews_rejected);
        for (const reject of result.rejects) expect(reject.reason, description).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(({} as Record<string, unknown>).polluted, 'prototype pollution').toBeUndefined();
      }),
    );
  });
});

/** A forced full GC (flag set at run time, so the test needs no special node options). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A random request against a random route, as the fuzz properties build them. */
function anyRequest() {
  return fc
    .tuple(
      fc.constantFrom(...ROUTES),
      fc.array(pathSegment, { minLength: 1, maxLength: 2 }),
      queryString,
      headers(keys),
      fc.boolean(),
    )
    .chain(([route, segments, query, requestHeaders, authentic]) =>
      (route.method === 'POST' ? bodies(route.valid ?? [{}]) : fc.constant(undefined)).map((payload) => ({
        route,
        url: `${fillPath(route.path, segments)}${query ? `?${query}` : ''}`,
        headers: authentic ? { ...requestHeaders, ...authenticHeaders(route) } : requestHeaders,
        payload,
      })),
    );
}

describe('memory under a stream of hostile requests', () => {
  it('heap does not grow without bound across rounds', async () => {
    const ROUNDS = 5;
    const PER_ROUND = Math.max(60, NUM_RUNS * 3);
    const heapAfter: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const request of fc.sample(anyRequest(), { numRuns: PER_ROUND, seed: 1000 + round })) {
        const response = await send(request.route.method, request.url, request.headers, request.payload);
        checkResponse(request.route, response, `${request.route.method} ${request.url.slice(0, 200)}`);
      }
      collectGarbage();
      const usage = process.memoryUsage();
      heapAfter.push(usage.heapUsed + usage.arrayBuffers);
    }
    const mb = heapAfter.map((bytes) => Math.round(bytes / 1e5) / 10);
    // Round 1 warms caches and lazily loaded modules (the ingest guards); later rounds must plateau.
    const growth = (heapAfter[ROUNDS - 1]! - heapAfter[1]!) / 1e6;
    process.stderr.write(`trust: heap after each round of ${PER_ROUND} requests (MB): ${mb.join(', ')}\n`);
    expect(growth, `heap MB per round: ${mb.join(', ')}`).toBeLessThan(24);
  });
});

afterAll(() => {
  process.stderr.write(`trust: ${stats.requests} fuzzed requests, by status ${JSON.stringify(stats.byStatus)}\n`);
});
