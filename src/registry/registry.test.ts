import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityResult, EvalReport } from '../evaluate/report.js';
import { aggregateReport } from '../evaluate/report.js';
import { indexReviews } from '../index/index-stage.js';
import { ingest } from '../ingest/ingest.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { productionComponents } from '../pipeline/components-for-version.js';
import { startRun } from '../store/runs.js';
import type { Store } from '../store/store.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { RegistryError } from './model-version.js';
import {
  attachReport,
  getModelVersion,
  productionVersion,
  promoteVersion,
  registerVersion,
  rollback,
  versionEvents,
} from './registry.js';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
});
afterEach(async () => cleanup());

/** A report whose entities score `rouge1 + i % 3` so intervals are not degenerate. */
function report(model: string, rouge1: number, faithfulness = 1): EvalReport {
  const entities = Array.from({ length: 20 }, (_, i) => ({
    entity_id: `e${i}`,
    category: null,
    summary_text: 'x',
    references: ['x'],
    failure: null,
    rouge1: rouge1 + (i % 3),
    rouge2: 1,
    rougeL: rouge1,
    rougeLsum: rouge1,
    faithfulness,
    context_precision: 1,
    summary_negative_share: 0.2,
    reviews_negative_share: 0.2,
    balance_gap: 0,
    cons_when_needed: 1,
    format_ok: 1,
    toxic_terms: 0,
    pii_spans: 0,
    words: 50,
    chars: 300,
    review_count: 8,
    claims: 4,
  })) satisfies EntityResult[];
  return aggregateReport({
    model,
    dataset: 'set.dev',
    datasetPath: null,
    rouge: { stem: true, tokenizer: 'ascii', multi_reference: 'mean' },
    entities,
  });
}

const candidate = (version: string) =>
  registerVersion(store.db, {
    version,
    provider: 'builtin',
    modelId: 'builtin',
    adapter: null,
    promptTemplateVersion: 'templates-v1',
    retrieval: { id: 'balanced-v1', params: { size: 20 } },
    inferenceParams: { maxPros: 3 },
    dataSnapshotIds: ['snap-1'],
  });

describe('model registry', () => {
  it('registers the built-in default as production on first use, with an audit event', async () => {
    expect((await productionVersion(store.db)).version).toBe('builtin-v1');
    expect((await versionEvents(store.db, 'builtin-v1'))[0]).toMatchObject({
      action: 'register',
      to_stage: 'production',
    });
  });

  it('refuses to promote a worse candidate without --force, and records the refusal', async () => {
    await candidate('builtin-v2');
    await attachReport(store.db, 'builtin-v1', report('builtin-v1', 20));
    await attachReport(store.db, 'builtin-v2', report('builtin-v2', 18));
    await expect(promoteVersion(store.db, 'builtin-v2', 'production')).rejects.toMatchObject({
      code: 'RL_ERR_PROMOTION_GATE',
    });
    expect((await productionVersion(store.db)).version).toBe('builtin-v1');
    expect((await versionEvents(store.db, 'builtin-v2')).map((e) => e.action)).toContain('promotion_refused');
    // Forcing needs a reason, and then is recorded as forced.
    await expect(promoteVersion(store.db, 'builtin-v2', 'production', { force: true })).rejects.toBeInstanceOf(
      RegistryError,
    );
    const forced = await promoteVersion(store.db, 'builtin-v2', 'production', { force: true, reason: 'incident fix' });
    expect(forced).toMatchObject({ forced: true, previous_production: 'builtin-v1' });
    expect((await getModelVersion(store.db, 'builtin-v1')).stage).toBe('archived');
  });

  it('refuses when there are no comparable reports, and when faithfulness regresses despite better ROUGE', async () => {
    await candidate('builtin-v2');
    await expect(promoteVersion(store.db, 'builtin-v2', 'production')).rejects.toThrow(/no evaluation reports/);
    await attachReport(store.db, 'builtin-v1', report('builtin-v1', 20, 1));
    await attachReport(store.db, 'builtin-v2', report('builtin-v2', 30, 0.8));
    await expect(promoteVersion(store.db, 'builtin-v2', 'production')).rejects.toThrow(/faithfulness regressed/);
  });

  it('promotes a candidate that beats production by the margin, then rollback restores the previous one and the next batch uses it', async () => {
    await candidate('builtin-v2');
    await promoteVersion(store.db, 'builtin-v2', 'staging');
    await attachReport(store.db, 'builtin-v1', report('builtin-v1', 20));
    await attachReport(store.db, 'builtin-v2', report('builtin-v2', 25));
    const promoted = await promoteVersion(store.db, 'builtin-v2', 'production');
    expect(promoted).toMatchObject({ from: 'staging', to: 'production', forced: false, gate: { passed: true } });
    expect((await getModelVersion(store.db, 'builtin-v2')).evalReportIds).toHaveLength(1);

    const records = Array.from({ length: 6 }, (_, i) =>
      inputRecord(
        i < 2
          ? { review_id: `r${i}`, star_rating: 1, review_text: 'The battery is terrible and died after a day.' }
          : { review_id: `r${i}` },
      ),
    );
    const runId = await startRun(store.db, 'pipeline');
    await ingest(store.db, openFileSource(writeTempFile(dir, 'r.jsonl', toJsonl(records))), {
      runId,
      defaultLanguage: 'en',
    });
    const batch = async () => {
      const components = await productionComponents(store.db);
      await indexReviews(store.db, components);
      await summarizeProducts(store.db, {
        runId,
        summarizer: components.summarizer,
        retrieval: components.retrieval,
        minReviews: 1,
        ttlSeconds: 60,
        defaultLanguage: 'en',
      });
      const rows = await store.db.selectFrom('summaries').select('model_version').orderBy('id', 'desc').execute();
      return rows[0]?.model_version;
    };
    expect(await batch()).toBe('builtin-v2');

    expect(await rollback(store.db, 'complaints')).toEqual({ from: 'builtin-v2', to: 'builtin-v1' });
    expect((await productionVersion(store.db)).version).toBe('builtin-v1');
    expect(await batch()).toBe('builtin-v1');
    expect((await versionEvents(store.db, 'builtin-v1')).map((e) => e.action)).toContain('rollback');
  });

  it('rejects duplicate and malformed versions, and an LLM version without an endpoint', async () => {
    await candidate('builtin-v2');
    await expect(candidate('builtin-v2')).rejects.toMatchObject({ code: 'RL_ERR_MODEL_EXISTS' });
    await expect(candidate('bad name')).rejects.toMatchObject({ code: 'RL_ERR_MODEL_INVALID' });
    await expect(rollback(store.db)).rejects.toMatchObject({ code: 'RL_ERR_NO_ROLLBACK_TARGET' });
    await registerVersion(store.db, {
      version: 'llm-v1',
      provider: 'openai-compatible',
      modelId: 'some-model',
      adapter: null,
      promptTemplateVersion: 'p1',
      retrieval: { id: 'balanced-v1', params: {} },
      inferenceParams: {},
      dataSnapshotIds: [],
    });
    await promoteVersion(store.db, 'llm-v1', 'production', { force: true, reason: 'test' });
    const saved = process.env.REVIEWLENS_LLM_BASE_URL;
    delete process.env.REVIEWLENS_LLM_BASE_URL;
    try {
      await expect(productionComponents(store.db)).rejects.toThrow(/set REVIEWLENS_LLM_BASE_URL/);
    } finally {
      if (saved !== undefined) process.env.REVIEWLENS_LLM_BASE_URL = saved;
    }
  });
});
