import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { defaultComponents } from '../pipeline/components.js';
import { generateSample } from '../sample/index.js';
import { cancelRun } from '../store/runs.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { steps } from './steps.js';

// Cancel then resume: a cancelled run's remaining batches do nothing; the next run summarizes what is left.
let workspace: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  workspace = await tempStore();
});
afterAll(async () => workspace?.cleanup());

describe('cancel and resume', () => {
  it('skips the batches of a cancelled run and resumes with the rest in the next run', async () => {
    const ctx = { store: workspace.store, config: loadConfig({}, {}), components: defaultComponents() };
    const records = [...generateSample({ products: 6, seed: 2 })].map(
      (i) => i.record as unknown as Record<string, unknown>,
    );
    await steps.ingest(ctx, { input: writeTempFile(workspace.dir, 'r.jsonl', toJsonl(records)) });
    await steps.index(ctx);
    const plan = await steps.planSummarize(ctx, { batchSize: 2 });
    expect(plan.batches).toHaveLength(3);
    expect(await steps.summarizeBatch(ctx, { runId: plan.run_id, productIds: plan.batches[0]! })).toMatchObject({
      products_summarized: 2,
    });
    expect(await cancelRun(workspace.store.db, plan.run_id)).toBe(true);
    expect(await steps.summarizeBatch(ctx, { runId: plan.run_id, productIds: plan.batches[1]! })).toEqual({
      products_cancelled: 2,
    });
    const run = await workspace.store.db
      .selectFrom('runs')
      .select('status')
      .where('run_id', '=', plan.run_id)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('cancelled');

    const resumed = await steps.planSummarize(ctx, { batchSize: 10 });
    expect(resumed.products).toBe(4);
    expect(await cancelRun(workspace.store.db, 'no-such-run')).toBe(false);
  });
});
