import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { builtinDefault } from '../registry/model-version.js';
import { promoteVersion, registerVersion } from '../registry/registry.js';
import { generateSample } from '../sample/index.js';
import { buildServer } from '../serve/server.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { productionComponents, shadowComponents } from './components-for-version.js';
import { runPipeline } from './run-pipeline.js';

// Shadow mode: with a staging version registered, the batch also summarizes with it; its summaries are stored
// under its own name and never served.
let workspace: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  workspace = await tempStore();
});
afterAll(async () => workspace?.cleanup());

describe('shadow runs', () => {
  it('runs the staging version after production, stores it apart and serves production only', async () => {
    const { db } = workspace.store;
    expect(await shadowComponents(db)).toBeUndefined();
    await registerVersion(db, { ...builtinDefault(''), version: 'builtin-v2', inferenceParams: { maxPros: 1 } });
    await promoteVersion(db, 'builtin-v2', 'staging');
    const records = [...generateSample({ products: 3, seed: 4 })].map(
      (i) => i.record as unknown as Record<string, unknown>,
    );
    const result = await runPipeline(
      workspace.store,
      openFileSource(writeTempFile(workspace.dir, 'r.jsonl', toJsonl(records))),
      loadConfig({}, {}),
      await productionComponents(db),
      { shadow: await shadowComponents(db) },
    );
    expect(result.shadow).toEqual({ model_version: 'builtin-v2', products_summarized: 3, products_failed: 0 });
    const versions = await db
      .selectFrom('summaries')
      .select('model_version')
      .distinct()
      .orderBy('model_version')
      .execute();
    expect(versions.map((v) => v.model_version)).toEqual(['builtin-v1', 'builtin-v2']);

    const app = buildServer(db);
    try {
      const served = await app.inject({ url: `/v1/products/${String(records[0]!.product_id)}/summary` });
      expect(served.headers['x-reviewlens-model-version']).toBe('builtin-v1');
    } finally {
      await app.close();
    }
  });
});
