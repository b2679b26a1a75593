import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { componentsForVersion, productionComponents } from '../pipeline/components-for-version.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { getModelVersion, promoteVersion, registerVersion, rollback } from '../registry/registry.js';
import { generateSample } from '../sample/index.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { buildServer } from './server.js';

// Serving reads the registry: promotion switches what shoppers see, rollback switches it back — with no
// regeneration, because the previous version's summaries are still stored.
let workspace: Awaited<ReturnType<typeof tempStore>>;
let input: string;
let productId: string;
const config = loadConfig({ minReviews: '5' }, {});

beforeAll(async () => {
  workspace = await tempStore();
  const records = [...generateSample({ products: 3, seed: 8 })].map((item) => item.record);
  productId = records[0]!.product_id;
  input = writeTempFile(workspace.dir, 'in.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
  await runPipeline(workspace.store, openFileSource(input), config, await productionComponents(workspace.store.db));
});
afterAll(async () => workspace?.cleanup());

async function servedVersion(): Promise<string | null> {
  // A fresh server per check: the production version is cached per process for a few seconds.
  const app = buildServer(workspace.store.db);
  try {
    const response = await app.inject({ method: 'GET', url: `/v1/products/${productId}/summary` });
    expect(response.statusCode).toBe(200);
    return response.headers['x-reviewlens-model-version'] as string;
  } finally {
    await app.close();
  }
}

describe('serving follows the registry', () => {
  it('serves the production version, the promoted one after promotion, and the previous one after rollback', async () => {
    const { db } = workspace.store;
    expect(await servedVersion()).toBe('builtin-v1');
    await registerVersion(db, {
      version: 'builtin-v2',
      provider: 'builtin',
      modelId: 'builtin',
      adapter: null,
      promptTemplateVersion: 'templates-v1',
      retrieval: { id: 'balanced-v1', params: {} },
      inferenceParams: { maxPros: 1 },
      dataSnapshotIds: [],
    });
    // The new version's summaries exist before it is promoted (e.g. from a shadow run), yet are not served.
    await runPipeline(
      workspace.store,
      openFileSource(input),
      config,
      componentsForVersion(await getModelVersion(db, 'builtin-v2')),
    );
    expect(await servedVersion()).toBe('builtin-v1');
    await promoteVersion(db, 'builtin-v2', 'production', { force: true, reason: 'test of serving' });
    expect(await servedVersion()).toBe('builtin-v2');
    await rollback(db, 'test rollback');
    expect(await servedVersion()).toBe('builtin-v1');
  });
});
