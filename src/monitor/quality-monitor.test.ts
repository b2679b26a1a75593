import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../domain/summary.js';
import { createLlmJudge } from '../evaluate/judge/llm-judge.js';
import { defaultComponents } from '../pipeline/components.js';
import { loadChunksById } from '../store/chunks.js';
import type { Store } from '../store/store.js';
import { builtinSummarizer } from '../summarize/builtin-summarizer.js';
import { CallLog } from '../summarize/llm/call-log.js';
import { fakeSentences, fakeSupported } from '../summarize/llm/fake/fake-judge.js';
import { type FakeLlmServer, startFakeLlm } from '../summarize/llm/fake/fake-llm-server.js';
import { llmSummarizer } from '../summarize/llm/llm-summarizer.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore } from '../test-support/temp-store.js';
import { listAlerts } from './alerts.js';
import { qualityConditions, runQualityMonitor } from './quality-monitor.js';
import { storedSummaries } from './score-summary.js';

let store: Store;
let cleanup: () => Promise<void>;
const servers: FakeLlmServer[] = [];
beforeAll(async () => {
  const temp = await tempStore();
  ({ store, cleanup } = temp);
  await seedIndexedStore(store, temp.dir, { products: 20, seed: 9 });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await cleanup();
});

/** Summarizes every eligible product with a fake endpoint of the given behaviour, as a new model. */
async function summarizeWith(behaviour: 'faithful' | 'hallucinate', model: string) {
  const server = await startFakeLlm({ behaviour });
  servers.push(server);
  const callLog = new CallLog();
  const summarizer = llmSummarizer({
    baseUrl: server.url,
    model,
    timeoutMs: 2000,
    concurrency: 4,
    onCall: callLog.record,
  });
  await summarizeProducts(store.db, {
    runId: `run-${model}`,
    summarizer,
    fallback: builtinSummarizer(),
    callLog,
    concurrency: 4,
    embedder: defaultComponents().embedder,
    retrieval: defaultComponents().retrieval,
    minReviews: 5,
    ttlSeconds: 3600,
    defaultLanguage: 'en',
  });
}

describe('quality monitor', () => {
  it('a hallucinating endpoint raises the faithfulness alert; a faithful one resolves it', async () => {
    let since = new Date().toISOString();
    await summarizeWith('hallucinate', 'fake-hallucinating');
    const bad = await runQualityMonitor(store.db, {
      since,
      runId: 'q1',
      sinks: [],
      embedder: defaultComponents().embedder,
    });
    expect(bad.sampled).toBeGreaterThan(0);
    expect(bad.faithfulness!).toBeLessThan(0.95);
    expect(bad.alerts!.fired).toContain('quality.faithfulness');
    expect((await listAlerts(store.db, { state: 'firing' })).map((a) => a.key)).toContain('quality.faithfulness');

    since = new Date().toISOString();
    await summarizeWith('faithful', 'fake-fixed');
    const good = await runQualityMonitor(store.db, {
      since,
      runId: 'q2',
      sinks: [],
      embedder: defaultComponents().embedder,
    });
    expect(good.faithfulness!).toBeGreaterThanOrEqual(0.95);
    expect(good.alerts!.resolved).toContain('quality.faithfulness');
    expect(await listAlerts(store.db, { state: 'firing' })).toEqual([]);
    const stored = await store.db.selectFrom('monitor_results').select('kind').where('kind', '=', 'quality').execute();
    expect(stored).toHaveLength(2);
  });

  it('with a judge: Ragas scores of the published pros/cons against the retrieved context, failures counted', async () => {
    const server = await startFakeLlm();
    servers.push(server);
    const { judge, close } = createLlmJudge({ baseUrl: server.url, model: 'judge', maxAttempts: 1 });
    const since = new Date(0).toISOString();
    const result = await runQualityMonitor(store.db, {
      since,
      sampleSize: 1000,
      runId: 'qj',
      sinks: [],
      embedder: defaultComponents().embedder,
      judge,
    });
    close();
    expect(result.judge).not.toBeNull();
    expect(result.judge!.failures).toEqual({});
    // Recompute the fake judge's verdicts from the stored summaries and their contexts.
    const rows = await storedSummaries(store.db).where('s.generated_at', '>=', since).execute();
    const expected: number[] = [];
    for (const row of rows) {
      const summary = JSON.parse(row.summary) as Summary;
      const ids = (JSON.parse(row.context) as { contextChunkIds: string[] }).contextChunkIds;
      const texts = new Map((await loadChunksById(store.db, ids)).map((c) => [c.chunkId, c.text]));
      const statements = fakeSentences([...summary.pros, ...summary.cons].map((c) => c.text));
      if (statements.length === 0) continue;
      const context = ids.map((id) => texts.get(id)!);
      expected.push(statements.filter((s) => fakeSupported(s, context)).length / statements.length);
    }
    expect(result.sampled).toBe(rows.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.judge!.faithfulness).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 12);
    expect(result.judge!.coherence).toBeGreaterThanOrEqual(1);
    expect(result.judge!.coherence).toBeLessThanOrEqual(5);

    const failing = await startFakeLlm({ judgeFault: 'malformed', judgeFaultTasks: ['verify_statements'] });
    servers.push(failing);
    const broken = createLlmJudge({ baseUrl: failing.url, model: 'judge', maxAttempts: 1 });
    const degraded = await runQualityMonitor(store.db, {
      since,
      sampleSize: 6,
      runId: 'qj2',
      sinks: [],
      embedder: defaultComponents().embedder,
      judge: broken.judge,
    });
    broken.close();
    expect(degraded.judge!.faithfulness).toBeNull();
    expect(degraded.judge!.failures['faithfulness_llm:invalid_json']).toBeGreaterThan(0);
    expect(degraded.judge!.coherence).toBe(result.judge!.coherence);
    expect(degraded.alerts!.fired).not.toContain('quality.judge_faithfulness');
  });

  it('an empty window measures nothing and leaves alerts alone', async () => {
    const result = await runQualityMonitor(store.db, {
      since: '2999-01-01T00:00:00Z',
      runId: 'q3',
      sinks: [],
      embedder: defaultComponents().embedder,
    });
    expect(result.sampled).toBe(0);
    expect(result.alerts).toBeNull();
  });

  it('thresholds: PII is critical, toxicity and format failures above their rates warn', () => {
    const base = {
      since: '',
      sampled: 1000,
      faithfulness: 0.99,
      toxic_share: 0.001,
      format_failure_share: 0.01,
      pii_outputs: 0,
      fallback_share: 0,
      mean_balance_gap: 0,
      by_model: {},
      by_category: { headphones: 0.99 },
      judge: null,
    };
    expect(qualityConditions(base)).toEqual([]);
    const keys = qualityConditions({ ...base, toxic_share: 0.002, format_failure_share: 0.011, pii_outputs: 1 });
    expect(keys.map((c) => [c.key, c.severity])).toEqual([
      ['quality.toxicity', 'warning'],
      ['quality.format', 'warning'],
      ['quality.pii', 'critical'],
    ]);
    // Low faithfulness names the categories below the bar; the judge's score has its own alert.
    const judge = {
      judge: 'llm:j',
      faithfulness: 0.9,
      context_precision: 0.8,
      coherence: 4,
      judged: 10,
      failures: {},
      by_category: { headphones: 0.97, shoes: 0.8 },
    };
    const low = qualityConditions({ ...base, faithfulness: 0.9, by_category: { headphones: 0.99, shoes: 0.7 }, judge });
    expect(low.map((c) => [c.key, c.detail.categories])).toEqual([
      ['quality.faithfulness', ['shoes']],
      ['quality.judge_faithfulness', ['shoes']],
    ]);
  });
});
