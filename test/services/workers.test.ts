import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Summary } from '../../src/domain/summary.js';
import { enqueuePipeline } from '../../src/orchestrate/bullmq-executor.js';
import { runPipelineInProcess } from '../../src/orchestrate/in-process-executor.js';
import { componentsForVersion } from '../../src/pipeline/components-for-version.js';
import { builtinDefault } from '../../src/registry/model-version.js';
import { getModelVersion, promoteVersion, registerVersion } from '../../src/registry/registry.js';
import { generateSample } from '../../src/sample/index.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { allLatestSummaries } from '../../src/store/summaries.js';
import { startFakeLlm } from '../../src/summarize/llm/fake/fake-llm-server.js';
import { freshPostgresDatabase, REDIS_URL, uniquePrefix } from '../../src/test-support/services.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';

// Two worker processes share a 1,000-product batch through BullMQ on Redis and PostgreSQL, summarizing with the
// production model version — an OpenAI-compatible one served by the project's fake endpoint; one worker is
// killed with SIGKILL halfway. Every product must still be summarized exactly once, identically to the embedded mode.
const CLI = join(import.meta.dirname, '../../bin/reviewlens.js');
const prefix = uniquePrefix('workers');
let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let postgres: Store;
let sqlite: Awaited<ReturnType<typeof tempStore>>;
let input: string;
let fake: Awaited<ReturnType<typeof startFakeLlm>>;
const LLM_VERSION = 'llm-fake-v1';
const workers: ChildProcess[] = [];
const config = loadConfig({ minReviews: '5' }, {});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [CLI, 'worker', '--concurrency', '2', '--lock-ms', '2000'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL,
      REVIEWLENS_QUEUE_PREFIX: prefix,
      REVIEWLENS_MIN_REVIEWS: '5',
      REVIEWLENS_LLM_BASE_URL: fake.url,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  workers.push(child);
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function latest(store: Store): Promise<Omit<Summary, 'generated_at' | 'expires_at'>[]> {
  const out: Omit<Summary, 'generated_at' | 'expires_at'>[] = [];
  for await (const { generated_at: _g, expires_at: _e, ...rest } of allLatestSummaries(store.db)) out.push(rest);
  return out.sort((a, b) => (a.product_id < b.product_id ? -1 : 1));
}

beforeAll(async () => {
  if (!existsSync(join(import.meta.dirname, '../../dist/cli/main.js'))) throw new Error('run `npm run build` first');
  fake = await startFakeLlm({ latencyMs: 5 });
  process.env.REVIEWLENS_LLM_BASE_URL = fake.url;
  database = await freshPostgresDatabase();
  postgres = await openPostgresStore(database.url);
  // The registry decides what the batch runs: make the LLM version production on the shared store.
  await registerVersion(postgres.db, {
    ...builtinDefault(''),
    version: LLM_VERSION,
    provider: 'openai-compatible',
    modelId: 'fake-model',
    promptTemplateVersion: null,
  });
  await promoteVersion(postgres.db, LLM_VERSION, 'production', { force: true, reason: 'service test' });
  sqlite = await tempStore();
  const records = [...generateSample({ products: 1000, seed: 21, reviewsPerProduct: [5, 9] })].map((i) => i.record);
  input = writeTempFile(sqlite.dir, 'reviews.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
});

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await postgres?.close();
  await fake?.close();
  delete process.env.REVIEWLENS_LLM_BASE_URL;
  await database?.drop();
  await sqlite?.cleanup();
});

describe('BullMQ workers on PostgreSQL + Redis', () => {
  it('survive a SIGKILL of one worker mid-batch: every product summarized exactly once, same as embedded', async () => {
    const victim = startWorker();
    startWorker();
    await enqueuePipeline({ redisUrl: REDIS_URL, prefix }, 'batch', { input, batchSize: 10 });

    const countSummaries = async () =>
      Number(
        (
          await postgres.db
            .selectFrom('summaries')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await waitFor('the first summaries', async () => ((await countSummaries()) >= 50 ? true : undefined));
    victim.kill('SIGKILL');

    const run = await waitFor('the summarize run to finish', async () =>
      postgres.db
        .selectFrom('runs')
        .selectAll()
        .where('kind', '=', 'summarize')
        .where('status', '=', 'succeeded')
        .executeTakeFirst(),
    );
    expect(run.status).toBe('succeeded');

    const perProduct = await postgres.db
      .selectFrom('summaries')
      .select(['product_id', ({ fn }) => fn.countAll<number>().as('n')])
      .groupBy('product_id')
      .execute();
    expect(perProduct.filter((row) => Number(row.n) !== 1)).toEqual([]);
    const versions = await postgres.db.selectFrom('summaries').select('model_version').distinct().execute();
    expect(versions).toEqual([{ model_version: LLM_VERSION }]);
    expect(fake.stats.completions).toBeGreaterThanOrEqual(perProduct.length);

    const llm = componentsForVersion(await getModelVersion(postgres.db, LLM_VERSION));
    await runPipelineInProcess({ store: sqlite.store, config, components: llm }, 'batch', { input });
    const embedded = await latest(sqlite.store);
    expect(perProduct.length).toBe(embedded.length);
    expect(await latest(postgres)).toEqual(embedded);
  });
});
