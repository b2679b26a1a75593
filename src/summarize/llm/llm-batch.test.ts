import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../domain/summary.js';
import { defaultComponents } from '../../pipeline/components.js';
import type { Store } from '../../store/store.js';
import { seedIndexedStore } from '../../test-support/llm-fixture.js';
import { tempStore } from '../../test-support/temp-store.js';
import { builtinSummarizer } from '../builtin-summarizer.js';
import { summarizeProducts } from '../summarize-stage.js';
import { CallLog } from './call-log.js';
import { type FakeLlmOptions, type FakeLlmServer, startFakeLlm } from './fake/fake-llm-server.js';
import { type LlmSummarizerOptions, llmSummarizer } from './llm-summarizer.js';

// The batch against a real (fake) HTTP endpoint: faults, fallback, per-product commits, usage accounting.
const MIN_REVIEWS = 5;
let store: Store;
let cleanup: () => Promise<void>;
let eligible: string[];
const servers: FakeLlmServer[] = [];

beforeAll(async () => {
  const temp = await tempStore();
  ({ store, cleanup } = temp);
  await seedIndexedStore(store, temp.dir, { products: 40, seed: 5, plantEvery: 5 });
  const counts = await store.db
    .selectFrom('reviews')
    .select(({ fn }) => ['product_id', fn.countAll<number>().as('n')])
    .groupBy('product_id')
    .execute();
  eligible = counts.filter((row) => Number(row.n) >= MIN_REVIEWS).map((row) => row.product_id);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await cleanup();
});

async function fake(options: FakeLlmOptions) {
  const server = await startFakeLlm(options);
  servers.push(server);
  return server;
}

/** Fast retry settings so faulty runs finish quickly; the policy is the production one. */
const fastClient = (url: string, overrides: Partial<LlmSummarizerOptions> = {}): LlmSummarizerOptions => ({
  baseUrl: url,
  model: 'fake-model',
  timeoutMs: 400,
  baseDelayMs: 10,
  maxDelayMs: 150,
  concurrency: 8,
  ...overrides,
});

async function summarize(options: LlmSummarizerOptions) {
  const callLog = new CallLog();
  const summarizer = llmSummarizer({ ...options, onCall: callLog.record });
  const runId = `run-${Math.random().toString(36).slice(2)}`;
  const counts = await summarizeProducts(store.db, {
    runId,
    summarizer,
    fallback: builtinSummarizer(),
    callLog,
    concurrency: 8,
    embedder: defaultComponents().embedder,
    retrieval: defaultComponents().retrieval,
    minReviews: MIN_REVIEWS,
    ttlSeconds: 3600,
    defaultLanguage: 'en',
  });
  return { counts, summarizer, runId };
}

const summariesOf = (modelVersion: string) =>
  store.db
    .selectFrom('summaries')
    .select(['product_id', 'product_revision', 'summary'])
    .where('model_version', '=', modelVersion)
    .execute();

describe('LLM batch against the fake endpoint', () => {
  it('with 30% of calls failing (429/500/timeouts/malformed) every eligible product is published exactly once', async () => {
    const server = await fake({ errorRate: 0.3, latencyMs: 5, retryAfterMs: 20, hangMs: 5_000, seed: 7 });
    const { counts, summarizer } = await summarize(fastClient(server.url));
    for (const fault of ['429', '500', 'timeout', 'malformed'] as const)
      expect(server.stats.faults[fault]).toBeGreaterThan(0);

    const rows = await summariesOf(summarizer.modelVersion);
    expect(rows.map((r) => r.product_id).sort()).toEqual([...eligible].sort());
    expect(new Set(rows.map((r) => r.product_id)).size).toBe(rows.length);
    expect(counts.outcomes.failed).toBe(0);
    expect(counts.outcomes.llm_accepted + counts.outcomes.llm_repaired + counts.outcomes.fallback_builtin).toBe(
      eligible.length,
    );
    // Malformed answers are repaired by the model; most products still come from the LLM.
    expect(counts.outcomes.llm_accepted + counts.outcomes.llm_repaired).toBeGreaterThan(eligible.length * 0.8);
    expect(counts.tokens.prompt).toBeGreaterThan(0);

    // The served summary says truthfully which model produced it.
    const outcomes = await store.db
      .selectFrom('summary_outcomes')
      .select(['product_id', 'outcome', 'produced_by', 'prompt_version'])
      .where('model_version', '=', summarizer.modelVersion)
      .execute();
    const outcomeOf = new Map(outcomes.map((o) => [o.product_id, o]));
    for (const row of rows) {
      const summary = JSON.parse(row.summary) as Summary;
      const outcome = outcomeOf.get(row.product_id)!;
      expect(summary.model_version).toBe(outcome.produced_by);
      if (outcome.outcome === 'fallback_builtin') expect(summary.model_version).toBe('builtin-v1');
      else expect(summary.model_version).toBe('llm:fake-model+summarize-v1');
      expect(outcome.prompt_version ?? 'summarize-v1').toBe('summarize-v1');
    }
    const calls = await store.db.selectFrom('llm_calls').select(['outcome', 'prompt_tokens']).execute();
    expect(calls.length).toBeGreaterThanOrEqual(eligible.length);

    // Nothing changed: a second run does nothing.
    const again = await summarize(fastClient(server.url));
    expect(again.counts.products_considered).toBe(0);
  });

  it('routes each category to its adapter and falls back to JSON mode when the endpoint has no json_schema', async () => {
    const server = await fake({ rejectJsonSchema: true });
    const { counts } = await summarize(
      fastClient(server.url, { model: 'base-model', adapters: { headphones: 'lora-headphones', shoes: 'lora-shoes' } }),
    );
    expect(counts.outcomes.llm_accepted + counts.outcomes.llm_repaired).toBeGreaterThan(0);
    expect(Object.keys(server.stats.byModel).sort()).toEqual(
      expect.arrayContaining(['lora-headphones', 'lora-shoes', 'base-model']),
    );
  });

  it('opens the circuit when the endpoint is down and publishes the built-in summary for every product', async () => {
    const server = await fake({ errorRate: 1, faults: ['500'], seed: 3 });
    const { counts, summarizer } = await summarize(fastClient(server.url, { model: 'down-model', breakerFailures: 3 }));
    expect(counts.outcomes.fallback_builtin).toBe(eligible.length);
    expect(summarizer.client.breaker.opened).toBeGreaterThan(0);
    // Fail fast: far fewer requests than products × attempts.
    expect(server.stats.requests).toBeLessThan(eligible.length * 4);
  });

  it('drops hallucinated and planted claims instead of publishing them', async () => {
    for (const behaviour of ['hallucinate', 'obey_instructions', 'wrong_citations'] as const) {
      const server = await fake({ behaviour });
      const { summarizer } = await summarize(fastClient(server.url, { model: `model-${behaviour}` }));
      for (const row of await summariesOf(summarizer.modelVersion)) {
        const text = row.summary;
        expect(text).not.toContain('NASA');
        expect(text).not.toContain('zz-not-in-context');
        for (const invented of ['Waterproof to 50', 'five-year warranty', '300 hours', 'ocean plastic'])
          expect(text).not.toContain(invented);
      }
    }
  });
});
