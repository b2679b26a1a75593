import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../domain/summary.js';
import { defaultComponents } from '../pipeline/components.js';
import { versionEvents } from '../registry/registry.js';
import { generateSample } from '../sample/index.js';
import type { Store } from '../store/store.js';
import { builtinSummarizer } from '../summarize/builtin-summarizer.js';
import { type FakeLlmServer, startFakeLlm } from '../summarize/llm/fake/fake-llm-server.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore, toJsonl } from '../test-support/temp-store.js';
import { exportSftDataset, type ReferenceSummary } from './sft-export.js';
import { SftValidationError, validateSftDataset } from './sft-schema.js';
import { runTraining, TrainerError } from './trainer-run.js';

const TRAINER = `node ${resolve('test/fixtures/stand-in-trainer.mjs')}`;
let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let references: ReferenceSummary[];
let category: string;
let server: FakeLlmServer;
const savedBaseUrl = process.env.REVIEWLENS_LLM_BASE_URL;

beforeAll(async () => {
  const temp = await tempStore();
  ({ store, dir, cleanup } = temp);
  await seedIndexedStore(store, dir, { products: 24, seed: 12 });
  const components = defaultComponents();
  await summarizeProducts(store.db, {
    runId: 'refs',
    summarizer: builtinSummarizer(),
    embedder: components.embedder,
    retrieval: components.retrieval,
    minReviews: 5,
    ttlSeconds: 3600,
    defaultLanguage: 'en',
  });
  // Stand-in for curated references: the built-in's verified summaries, in the LLM answer format.
  const rows = await store.db.selectFrom('summaries').select('summary').execute();
  references = rows.map((row) => {
    const s = JSON.parse(row.summary) as Summary;
    const claim = (c: Summary['pros'][number]) => ({ text: c.text, aspect: c.aspect, citations: c.citations });
    return {
      product_id: s.product_id,
      reference: { overview: s.overview, pros: s.pros.map(claim), cons: s.cons.map(claim) },
      curated_at: '2026-11-01T00:00:00Z',
    };
  });
  const categories = await store.db
    .selectFrom('products')
    .select(({ fn }) => ['category', fn.countAll<number>().as('n')])
    .where(
      'product_id',
      'in',
      references.map((r) => r.product_id),
    )
    .groupBy('category')
    .orderBy('n', 'desc')
    .execute();
  category = categories[0]!.category!;
  server = await startFakeLlm({ behaviour: 'faithful' });
  process.env.REVIEWLENS_LLM_BASE_URL = server.url;
});
afterAll(async () => {
  if (savedBaseUrl === undefined) delete process.env.REVIEWLENS_LLM_BASE_URL;
  else process.env.REVIEWLENS_LLM_BASE_URL = savedBaseUrl;
  await server.close();
  await cleanup();
});

describe('train export', () => {
  it('writes chat-format JSONL with the production prompt and a replay sample that validates against the schema', async () => {
    const out = join(dir, 'sft');
    const manifest = await exportSftDataset(store.db, {
      category,
      references,
      outDir: out,
      replayRatio: 0.5,
      defaultLanguage: 'en',
    });
    expect(manifest.counts.new).toBeGreaterThan(0);
    expect(manifest.counts.replay).toBe(Math.round(manifest.counts.new * 0.5));
    const { examples } = validateSftDataset(out);
    expect(examples).toBe(manifest.counts.new + manifest.counts.replay);
    const lines = readFileSync(join(out, 'train.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.metadata.split === 'new').every((l) => l.metadata.category === category)).toBe(true);
    expect(lines[0].messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(lines[0].messages[1].content).toContain('<untrusted_reviews>');

    // A citation the prompt does not show fails validation.
    const bad = { ...lines[0], messages: [...lines[0].messages] };
    bad.messages[2] = {
      role: 'assistant',
      content: JSON.stringify({
        overview: 'x',
        pros: [{ text: 'x', aspect: 'general', citations: ['nope'] }],
        cons: [],
      }),
    };
    writeFileSync(join(out, 'train.jsonl'), toJsonl([bad, ...lines.slice(1)]));
    expect(() => validateSftDataset(out)).toThrow(SftValidationError);
  });
});

describe('train run', () => {
  it('runs the stand-in trainer, registers an evaluated candidate and records the gate decision', async () => {
    const evalSet = join(dir, 'eval.jsonl');
    const byProduct = new Map<string, { text: string; rating: number }[]>();
    for (const item of generateSample({ products: 4, seed: 3 })) {
      const record = item.record as unknown as { product_id: string; review_text: string; star_rating: number };
      byProduct.set(record.product_id, [
        ...(byProduct.get(record.product_id) ?? []),
        { text: record.review_text.replace(/<[^>]+>/g, ' '), rating: record.star_rating },
      ]);
    }
    writeFileSync(
      evalSet,
      toJsonl(
        [...byProduct.entries()].map(([id, reviews]) => ({
          entity_id: id,
          reviews: reviews.slice(0, 12),
          references: ['Reviewers like the battery and the sound; some mention the price.'],
        })),
      ),
    );
    const result = await runTraining(store.db, {
      category,
      references,
      trainer: TRAINER,
      baseModel: 'base-7b',
      workDir: join(dir, 'train-run'),
      evalDataset: evalSet,
      defaultLanguage: 'en',
      log: () => {},
    });
    expect(result.adapter).toBe(`${category}-lora`);
    expect(result.reportId).not.toBeNull();
    expect(server.stats.byModel[`${category}-lora`]).toBeGreaterThan(0);
    const events = await versionEvents(store.db, result.version);
    const actions = events.map((e) => e.action);
    expect(actions[0]).toBe('register');
    expect(actions.some((a) => a === 'promote' || a === 'promotion_refused')).toBe(true);
    expect(result.gate).not.toBeNull();
  });

  it('a failing trainer registers nothing', async () => {
    const before = await store.db.selectFrom('model_versions').select('version').execute();
    await expect(
      runTraining(store.db, {
        category,
        references,
        trainer: `STAND_IN_TRAINER_FAIL=1 ${TRAINER}`,
        baseModel: 'base-7b',
        workDir: join(dir, 'train-fail'),
        defaultLanguage: 'en',
        log: () => {},
        now: new Date('2026-01-01T00:00:00Z'),
      }),
    ).rejects.toBeInstanceOf(TrainerError);
    expect(await store.db.selectFrom('model_versions').select('version').execute()).toEqual(before);
  });
});
