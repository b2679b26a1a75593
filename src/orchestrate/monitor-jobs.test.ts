import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Summary } from '../domain/summary.js';
import { listAlerts } from '../monitor/alerts.js';
import { defaultComponents } from '../pipeline/components.js';
import { versionEvents } from '../registry/registry.js';
import type { Store } from '../store/store.js';
import { builtinSummarizer } from '../summarize/builtin-summarizer.js';
import { CallLog } from '../summarize/llm/call-log.js';
import { type FakeLlmServer, startFakeLlm } from '../summarize/llm/fake/fake-llm-server.js';
import { llmSummarizer } from '../summarize/llm/llm-summarizer.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore, toJsonl } from '../test-support/temp-store.js';
import type { RetrainConfig } from '../train/retrain-trigger.js';
import { pipelineFlow } from './bullmq-executor.js';
import { pipelineByName } from './dag.js';
import { runPipelineInProcess } from './in-process-executor.js';
import type { StepContext } from './steps.js';

// Quality, drift and retraining as orchestrator jobs; retraining runs the stand-in trainer of train.test.ts.
const TRAINER = `node ${resolve('test/fixtures/stand-in-trainer.mjs')}`;
let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let server: FakeLlmServer;
let retrain: RetrainConfig;
let ctx: StepContext;

beforeAll(async () => {
  const temp = await tempStore();
  ({ store, dir, cleanup } = temp);
  await seedIndexedStore(store, dir, { products: 20, seed: 9 });
  const components = defaultComponents();
  const stage = { embedder: components.embedder, retrieval: components.retrieval, minReviews: 5, ttlSeconds: 3600 };
  await summarizeProducts(store.db, {
    runId: 'refs',
    summarizer: builtinSummarizer(),
    defaultLanguage: 'en',
    ...stage,
  });
  // Curated references stand-in: the built-in's verified summaries in the LLM answer format.
  const rows = await store.db.selectFrom('summaries').select('summary').execute();
  const claim = (c: Summary['pros'][number]) => ({ text: c.text, aspect: c.aspect, citations: c.citations });
  const references = rows.map((row) => {
    const s = JSON.parse(row.summary) as Summary;
    const reference = { overview: s.overview, pros: s.pros.map(claim), cons: s.cons.map(claim) };
    return { product_id: s.product_id, reference, curated_at: '2026-11-01T00:00:00Z' };
  });
  writeFileSync(join(dir, 'references.jsonl'), toJsonl(references));
  retrain = {
    trainer: TRAINER,
    references: join(dir, 'references.jsonl'),
    baseModel: 'base-7b',
    workDir: join(dir, 'retrain'),
    alertKeys: ['quality.faithfulness'],
  };
  ctx = { store, config: loadConfig({ db: ':memory:' }, {}), components, sinks: [] };
  // A hallucinating model goes live after the references were curated.
  server = await startFakeLlm({ behaviour: 'hallucinate' });
  const callLog = new CallLog();
  await summarizeProducts(store.db, {
    runId: 'llm',
    summarizer: llmSummarizer({ baseUrl: server.url, model: 'fake-bad', concurrency: 4, onCall: callLog.record }),
    fallback: builtinSummarizer(),
    callLog,
    concurrency: 4,
    defaultLanguage: 'en',
    ...stage,
  });
});
afterAll(async () => {
  await server?.close();
  await cleanup();
});

describe('monitoring jobs in the orchestrator', () => {
  it('the DAG chains quality → retrain, so BullMQ runs the quality job first', () => {
    const flow = pipelineFlow(pipelineByName('quality'), { sampleSize: 50 });
    expect(flow.name).toBe('retrain');
    expect(flow.children?.map((child) => child.name)).toEqual(['quality']);
    expect(flow.children![0]!.data).toMatchObject({ sampleSize: 50, pipeline: 'quality' });
    expect(pipelineFlow(pipelineByName('drift'), {}).name).toBe('drift');
  });

  it('drift runs as a job and stores its result; retraining is a no-op unless configured', async () => {
    const drift = await runPipelineInProcess(ctx, 'drift', {});
    expect(drift.drift).toHaveProperty('embeddingPsi');
    const unconfigured = await runPipelineInProcess(ctx, 'retrain', { category: 'headphones' });
    expect(unconfigured.retrain).toEqual({ skipped: 'not_configured', runs: [] });
    const kinds = await store.db.selectFrom('monitor_results').select('kind').execute();
    expect(kinds.map((k) => k.kind)).toContain('drift');
  });

  it('a firing quality alert retrains the categories it names, once per alert episode, audited', async () => {
    const withRetrain = { ...ctx, retrain };
    const first = (await runPipelineInProcess(withRetrain, 'quality', { since: '2000-01-01T00:00:00Z' })) as {
      quality: { alerts: { fired: string[] } };
      retrain: { runs: { trigger: { kind: string; category: string }; version: string; status: string }[] };
    };
    expect(first.quality.alerts.fired).toContain('quality.faithfulness');
    const alert = (await listAlerts(store.db, { state: 'firing' })).find((a) => a.key === 'quality.faithfulness')!;
    const named = alert.detail.categories as string[];
    expect(named.length).toBeGreaterThan(0);
    // Products without a category are named `unknown`: there is no adapter to retrain for them.
    const trainable = named.filter((c) => c !== 'unknown').sort();
    expect(trainable.length).toBeGreaterThan(0);
    expect(first.retrain.runs.map((r) => r.trigger.category).sort()).toEqual(trainable);
    expect(first.retrain.runs.every((r) => r.status === 'trained' && r.trigger.kind === 'alert')).toBe(true);

    const run = first.retrain.runs[0]!;
    const events = await versionEvents(store.db, run.version);
    expect(events.map((e) => e.action)).toEqual(['retrain_trigger', 'register']);
    expect(events[0]!.reason).toBe('alert quality.faithfulness');
    expect((events[0]!.detail as { alerts: { id: number }[] }).alerts[0]!.id).toBe(alert.id);
    const registered = await store.db
      .selectFrom('model_versions')
      .select(['stage', 'adapter'])
      .where('version', '=', run.version)
      .executeTakeFirstOrThrow();
    expect(registered).toEqual({ stage: 'candidate', adapter: `${run.trigger.category}-lora` });

    // The alert is still firing on the next quality run: no second training for the same episode.
    const again = (await runPipelineInProcess(withRetrain, 'quality', { since: '2000-01-01T00:00:00Z' })) as {
      quality: { alerts: { stillFiring: string[] } };
      retrain: { runs: unknown[] };
    };
    expect(again.quality.alerts.stillFiring).toContain('quality.faithfulness');
    expect(again.retrain.runs).toEqual([]);
  });

  it('a schedule retrains its category; a failing trainer is audited and does not fail the job', async () => {
    const category = (await store.db.selectFrom('products').select('category').executeTakeFirstOrThrow()).category!;
    const scheduled = (await runPipelineInProcess({ ...ctx, retrain }, 'retrain', { category })) as {
      retrain: { runs: { version: string; status: string; trigger: { kind: string } }[] };
    };
    expect(scheduled.retrain.runs).toHaveLength(1);
    expect(scheduled.retrain.runs[0]).toMatchObject({ status: 'trained', trigger: { kind: 'schedule', category } });
    const events = await versionEvents(store.db, scheduled.retrain.runs[0]!.version);
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['retrain_trigger', 'schedule'],
      ['register', null],
    ]);

    const failing = { ...retrain, trainer: `STAND_IN_TRAINER_FAIL=1 ${TRAINER}` };
    const failed = (await runPipelineInProcess({ ...ctx, retrain: failing }, 'retrain', { category })) as {
      retrain: { runs: { version: string; status: string; error: string }[] };
    };
    expect(failed.retrain.runs[0]).toMatchObject({ status: 'failed' });
    expect(failed.retrain.runs[0]!.version).not.toBe(scheduled.retrain.runs[0]!.version);
    const failedEvents = await versionEvents(store.db, failed.retrain.runs[0]!.version);
    expect(failedEvents.map((e) => e.action)).toEqual(['retrain_trigger', 'retrain_failed']);

    const outside = await runPipelineInProcess({ ...ctx, retrain: { ...retrain, categories: ['none'] } }, 'retrain', {
      category,
    });
    expect(outside.retrain).toMatchObject({ runs: [] });
  });
});
