import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLlmJudge } from '../../src/evaluate/judge/llm-judge.js';
import {
  enqueuePipeline,
  QUEUE_NAME,
  redisConnection,
  startWorker,
  type WorkerHandle,
} from '../../src/orchestrate/bullmq-executor.js';
import { defaultComponents } from '../../src/pipeline/components.js';
import { builtinSummarizer } from '../../src/summarize/builtin-summarizer.js';
import { type FakeLlmServer, startFakeLlm } from '../../src/summarize/llm/fake/fake-llm-server.js';
import { summarizeProducts } from '../../src/summarize/summarize-stage.js';
import { seedIndexedStore } from '../../src/test-support/llm-fixture.js';
import { REDIS_URL, uniquePrefix } from '../../src/test-support/services.js';
import { tempStore } from '../../src/test-support/temp-store.js';

// The quality job (with the LLM judge) and the retrain step run as a BullMQ flow on the machine's Redis.
const prefix = uniquePrefix('monitor');
let workspace: Awaited<ReturnType<typeof tempStore>>;
let fake: FakeLlmServer;
let judge: ReturnType<typeof createLlmJudge>;
let worker: WorkerHandle;

beforeAll(async () => {
  workspace = await tempStore();
  await seedIndexedStore(workspace.store, workspace.dir, { products: 8, seed: 4 });
  const components = defaultComponents();
  await summarizeProducts(workspace.store.db, {
    runId: 'seed',
    summarizer: builtinSummarizer(),
    embedder: components.embedder,
    retrieval: components.retrieval,
    minReviews: 5,
    ttlSeconds: 3600,
    defaultLanguage: 'en',
  });
  fake = await startFakeLlm();
  judge = createLlmJudge({ baseUrl: fake.url, model: 'judge' });
  worker = startWorker(
    { store: workspace.store, config: loadConfig({}, {}), components, sinks: [], judge: judge.judge },
    { redisUrl: REDIS_URL, prefix, concurrency: 1 },
  );
});
afterAll(async () => {
  await worker?.close();
  judge?.close();
  await fake?.close();
  await workspace?.cleanup();
});

describe('monitoring jobs on BullMQ workers', () => {
  it('runs quality (scored by the judge) then the retrain step, which is off without configuration', async () => {
    const rootId = await enqueuePipeline({ redisUrl: REDIS_URL, prefix }, 'quality', { since: '2000-01-01T00:00:00Z' });
    const connection = redisConnection(REDIS_URL);
    const queue = new Queue(QUEUE_NAME, { connection, prefix });
    try {
      const deadline = Date.now() + 60_000;
      let state = '';
      while (Date.now() < deadline && state !== 'completed' && state !== 'failed') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        state = (await queue.getJobState(rootId)) as string;
      }
      expect(state).toBe('completed');
      expect((await queue.getJob(rootId))!.returnvalue).toEqual({ skipped: 'not_configured', runs: [] });
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const stored = await workspace.store.db
      .selectFrom('monitor_results')
      .select('result')
      .where('kind', '=', 'quality')
      .executeTakeFirstOrThrow();
    const result = JSON.parse(stored.result) as { sampled: number; judge: { judge: string; coherence: number } };
    expect(result.sampled).toBeGreaterThan(0);
    expect(result.judge.judge).toBe('llm:judge');
    expect(result.judge.coherence).toBeGreaterThanOrEqual(1);
    expect(fake.stats.judgeRequests).toBeGreaterThan(0);
  });
});
