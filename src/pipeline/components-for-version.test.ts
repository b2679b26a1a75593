import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { builtinDefault } from '../registry/model-version.js';
import { generateSample } from '../sample/index.js';
import { startFakeLlm } from '../summarize/llm/fake/fake-llm-server.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { componentsForVersion, ProviderUnavailableError } from './components-for-version.js';
import { runPipeline } from './run-pipeline.js';

// A registered OpenAI-compatible version runs through the LLM client, records summaries under its own name,
// and needs an endpoint from the environment.
const llmVersion = {
  ...builtinDefault('2026-01-01T00:00:00Z'),
  version: 'llm-fake-v1',
  provider: 'openai-compatible' as const,
  modelId: 'fake-model',
  promptTemplateVersion: null,
  stage: 'candidate' as const,
};

describe('components for a registered version', () => {
  let fake: Awaited<ReturnType<typeof startFakeLlm>>;
  const saved = process.env.REVIEWLENS_LLM_BASE_URL;
  beforeAll(async () => {
    fake = await startFakeLlm({});
  });
  afterAll(async () => {
    await fake.close();
    if (saved === undefined) delete process.env.REVIEWLENS_LLM_BASE_URL;
    else process.env.REVIEWLENS_LLM_BASE_URL = saved;
  });

  it('refuses an LLM version without an endpoint, with a clear error', () => {
    delete process.env.REVIEWLENS_LLM_BASE_URL;
    expect(() => componentsForVersion(llmVersion)).toThrow(ProviderUnavailableError);
    expect(() => componentsForVersion(llmVersion)).toThrow(/REVIEWLENS_LLM_BASE_URL/);
  });

  it('summarizes through the endpoint under the version’s name, with the built-in model as fallback', async () => {
    process.env.REVIEWLENS_LLM_BASE_URL = fake.url;
    const components = componentsForVersion(llmVersion);
    expect(components.summarizer.modelVersion).toBe('llm-fake-v1');
    expect(components.fallback?.modelVersion).toBe('builtin-v1');
    const workspace = await tempStore();
    try {
      const records = [...generateSample({ products: 3, seed: 31 })].map(
        (i) => i.record as unknown as Record<string, unknown>,
      );
      const result = await runPipeline(
        workspace.store,
        openFileSource(writeTempFile(workspace.dir, 'r.jsonl', toJsonl(records))),
        loadConfig({}, {}),
        components,
      );
      expect(result.products_summarized).toBe(3);
      const rows = await workspace.store.db.selectFrom('summaries').select('model_version').distinct().execute();
      expect(rows).toEqual([{ model_version: 'llm-fake-v1' }]);
      expect(fake.stats.completions).toBeGreaterThanOrEqual(3);
    } finally {
      await workspace.cleanup();
    }
  });
});
