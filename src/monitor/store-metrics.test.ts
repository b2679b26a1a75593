import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardData } from '../serve/dashboard-data.js';
import { buildServer } from '../serve/server.js';
import type { Store } from '../store/store.js';
import { tempStore } from '../test-support/temp-store.js';
import { reconcileAlerts, recordMonitorResult } from './alerts.js';

let store: Store;
let cleanup: () => Promise<void>;
const now = new Date().toISOString();

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  const db = store.db;
  await db
    .insertInto('runs')
    .values({
      run_id: 'r1',
      kind: 'summarize',
      status: 'succeeded',
      started_at: now,
      finished_at: now,
      counts: '{}',
      error: null,
    })
    .execute();
  const call = {
    run_id: 'r1',
    product_id: 'p1',
    model: 'm',
    purpose: 'draft',
    http_status: 200,
    attempts: 1,
    created_at: now,
  };
  await db
    .insertInto('llm_calls')
    .values([
      { ...call, outcome: 'ok', prompt_tokens: 100, completion_tokens: 40, latency_ms: 1000 },
      { ...call, outcome: 'timeout', prompt_tokens: 0, completion_tokens: 0, latency_ms: 3000 },
    ])
    .execute();
  const outcome = {
    model_version: 'v',
    product_revision: 1,
    produced_by: 'v',
    prompt_version: null,
    dropped_claims: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    run_id: 'r1',
    created_at: now,
  };
  await db
    .insertInto('summary_outcomes')
    .values([
      { ...outcome, product_id: 'p1', outcome: 'llm_accepted', reasons: '[]' },
      {
        ...outcome,
        product_id: 'p2',
        outcome: 'fallback_builtin',
        reasons: '["unsupported:pros.0:0.12","fallback:timeout"]',
      },
    ])
    .execute();
  await reconcileAlerts(db, 'quality', [{ key: 'quality.pii', severity: 'critical', summary: 'pii', detail: {} }], []);
  await recordMonitorResult(db, 'q', 'quality', { faithfulness: 0.91 });
});
afterAll(async () => cleanup());

describe('/metrics', () => {
  it('exposes pipeline, LLM, verification, alert, quality and cache metrics from the store', async () => {
    const app = buildServer(store.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address() as { port: number };
      const text = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
      expect(text).toContain('reviewlens_stage_runs{kind="summarize",status="succeeded"} 1');
      expect(text).toContain('reviewlens_llm_calls{outcome="timeout"} 1');
      expect(text).toContain('reviewlens_llm_latency_seconds_avg 2');
      expect(text).toContain('reviewlens_llm_tokens{kind="prompt"} 100');
      expect(text).toContain('reviewlens_fallback_ratio 0.5');
      expect(text).toContain('reviewlens_verification_failures{reason="unsupported"} 1');
      expect(text).toContain('reviewlens_verification_failures{reason="timeout"} 1');
      expect(text).toContain('reviewlens_alerts_firing{key="quality.pii",severity="critical"} 1');
      expect(text).toContain('reviewlens_quality{metric="faithfulness"} 0.91');
      expect(text).toContain('reviewlens_summary_cache_hit_ratio');
    } finally {
      await app.close();
    }
  });

  it('the dashboard shows firing monitoring alerts and charts the quality runs', async () => {
    const data = await dashboardData(store.db);
    expect(data.alerts).toContainEqual({ severity: 'critical', code: 'quality.pii', message: 'pii' });
    expect(data.monitoring).toEqual([expect.objectContaining({ kind: 'quality', value: 0.91 })]);
  });
});
