import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultComponents } from '../pipeline/components.js';
import type { Store } from '../store/store.js';
import { builtinSummarizer } from '../summarize/builtin-summarizer.js';
import { CallLog } from '../summarize/llm/call-log.js';
import { type FakeLlmServer, startFakeLlm } from '../summarize/llm/fake/fake-llm-server.js';
import { llmSummarizer } from '../summarize/llm/llm-summarizer.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import type { Summarizer } from '../summarize/summarizer.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore } from '../test-support/temp-store.js';
import { ShadowReportError, shadowReport } from './shadow-report.js';

let store: Store;
let cleanup: () => Promise<void>;
let server: FakeLlmServer;
const components = defaultComponents();

async function summarize(summarizer: Summarizer, callLog?: CallLog) {
  await summarizeProducts(store.db, {
    runId: `run-${summarizer.modelVersion}`,
    summarizer,
    fallback: builtinSummarizer(),
    callLog,
    concurrency: 4,
    embedder: components.embedder,
    retrieval: components.retrieval,
    minReviews: 5,
    ttlSeconds: 3600,
    defaultLanguage: 'en',
  });
}

beforeAll(async () => {
  const temp = await tempStore();
  ({ store, cleanup } = temp);
  await seedIndexedStore(store, temp.dir, { products: 15, seed: 4 });
  server = await startFakeLlm({ behaviour: 'hallucinate' });
  await summarize(builtinSummarizer());
  const callLog = new CallLog();
  await summarize(
    llmSummarizer({
      baseUrl: server.url,
      model: 'shadow-model',
      timeoutMs: 2000,
      concurrency: 4,
      onCall: callLog.record,
    }),
    callLog,
  );
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

describe('shadow report', () => {
  it('pairs the two versions on the same products; a hallucinating staging model loses faithfulness', async () => {
    const staging = (
      await store.db
        .selectFrom('summaries')
        .select('model_version')
        .where('model_version', 'like', 'llm:%')
        .executeTakeFirstOrThrow()
    ).model_version;
    const report = await shadowReport(store.db, { embedder: components.embedder, runId: 's1', staging });
    expect(report.production).toBe('builtin-v1');
    expect(report.products).toBeGreaterThan(5);
    expect(report.metrics.faithfulness.n).toBe(report.products);
    expect(report.metrics.faithfulness.mean_diff!).toBeLessThan(0);
    expect(report.metrics.faithfulness.ci95![1]).toBeLessThan(0);
  });

  it('without a staging version it says so with a code', async () => {
    await expect(shadowReport(store.db, { embedder: components.embedder, runId: 's2' })).rejects.toBeInstanceOf(
      ShadowReportError,
    );
  });
});
