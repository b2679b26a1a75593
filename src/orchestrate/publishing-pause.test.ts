import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { reconcileAlerts } from '../monitor/alerts.js';
import { defaultComponents } from '../pipeline/components.js';
import type { Store } from '../store/store.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore } from '../test-support/temp-store.js';
import { runPipelineInProcess } from './in-process-executor.js';

let store: Store;
let cleanup: () => Promise<void>;
const saved = process.env.REVIEWLENS_PAUSE_ON_CRITICAL;
beforeAll(async () => {
  const temp = await tempStore();
  ({ store, cleanup } = temp);
  await seedIndexedStore(store, temp.dir, { products: 8, seed: 2 });
});
afterAll(async () => {
  if (saved === undefined) delete process.env.REVIEWLENS_PAUSE_ON_CRITICAL;
  else process.env.REVIEWLENS_PAUSE_ON_CRITICAL = saved;
  await cleanup();
});

describe('publishing pause', () => {
  it('a firing critical alert stops the summarize step when enabled; resolving it resumes publishing', async () => {
    process.env.REVIEWLENS_PAUSE_ON_CRITICAL = '1';
    const ctx = { store, config: loadConfig({ db: ':memory:' }), components: defaultComponents() };
    const critical = { key: 'quality.pii', severity: 'critical' as const, summary: 'pii', detail: {} };
    await reconcileAlerts(store.db, 'quality', [critical], []);
    await runPipelineInProcess(ctx, 'refresh', {});
    expect(await store.db.selectFrom('summaries').select('id').execute()).toEqual([]);

    await reconcileAlerts(store.db, 'quality', [], []);
    await runPipelineInProcess(ctx, 'refresh', {});
    expect((await store.db.selectFrom('summaries').select('id').execute()).length).toBeGreaterThan(0);
  });
});
