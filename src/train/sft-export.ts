import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Language } from '../domain/languages.js';
import { productionVersion } from '../registry/registry.js';
import { Rng } from '../sample/prng.js';
import { loadProductChunks } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import { buildMessages, DEFAULT_PROMPT_VERSION, loadPromptTemplate } from '../summarize/llm/prompt.js';
import { LlmAnswerSchema } from '../summarize/llm/response.js';
import { type BalancedRetrievalParams, balancedRetrieval, DEFAULT_BALANCED_PARAMS } from '../summarize/retrieve.js';
import { productFacts } from '../summarize/summarize-stage.js';
import { SFT_SCHEMA_VERSION, type SftExample, SftExampleSchema, type SftManifest } from './sft-schema.js';

type Db = Kysely<Database>;

export class SftExportError extends Error {
  constructor(
    message: string,
    readonly code: 'RL_ERR_SFT_REFERENCES' | 'RL_ERR_SFT_EMPTY',
  ) {
    super(message);
  }
}

/** A curated reference summary: a product in the store and the answer a good model gives for it. */
export interface ReferenceSummary {
  readonly product_id: string;
  /** The answer in the LLM wire contract (overview, pros, cons with citations of chunk ids). */
  readonly reference: unknown;
  readonly curated_at: string;
}

export function readReferences(path: string): ReferenceSummary[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        const value = JSON.parse(line) as ReferenceSummary;
        if (typeof value.product_id !== 'string' || typeof value.curated_at !== 'string') throw new Error('fields');
        return value;
      } catch {
        throw new SftExportError(
          `${path}:${i + 1}: expected {"product_id", "reference", "curated_at"}`,
          'RL_ERR_SFT_REFERENCES',
        );
      }
    });
}

export interface SftExportOptions {
  readonly category: string;
  readonly references: readonly ReferenceSummary[];
  readonly outDir: string;
  /** References of the category curated from this instant are `new`; older ones join the replay pool. */
  readonly since?: string;
  /** Replay examples per new example (sampled from older and other-category references), default 0.25. */
  readonly replayRatio?: number;
  readonly seed?: number;
  readonly defaultLanguage: Language;
}

/**
 * Writes an SFT dataset for one category: each example is the system and user prompt exactly as production
 * builds it (production version's prompt template and retrieval over the product's chunks in the store) and
 * the curated reference as the assistant turn, plus a seeded replay sample of older data against forgetting.
 */
export async function exportSftDataset(db: Db, options: SftExportOptions): Promise<SftManifest> {
  const production = await productionVersion(db);
  const promptVersion = production.promptTemplateVersion?.startsWith('summarize-')
    ? production.promptTemplateVersion
    : DEFAULT_PROMPT_VERSION;
  const template = loadPromptTemplate(promptVersion);
  const retrievalParams = { ...DEFAULT_BALANCED_PARAMS, ...production.retrieval.params } as BalancedRetrievalParams;
  const retrieval = balancedRetrieval(retrievalParams);
  const skipped: { product_id: string; reason: string }[] = [];
  const fresh: SftExample[] = [];
  const pool: SftExample[] = [];
  for (const ref of options.references) {
    const product = await db
      .selectFrom('products')
      .select(['product_id', 'product_name', 'category'])
      .where('product_id', '=', ref.product_id)
      .executeTakeFirst();
    if (!product) {
      skipped.push({ product_id: ref.product_id, reason: 'unknown_product' });
      continue;
    }
    const answer = LlmAnswerSchema.safeParse(ref.reference);
    if (!answer.success) {
      skipped.push({ product_id: ref.product_id, reason: 'reference_not_an_answer' });
      continue;
    }
    const chunks = await loadProductChunks(db, product.product_id);
    const facts = await productFacts(db, product, options.defaultLanguage);
    const messages = buildMessages(
      template,
      facts,
      retrieval.retrieve(chunks).map((c) => c.chunk),
    );
    const candidate = {
      messages: [...messages, { role: 'assistant' as const, content: JSON.stringify(answer.data) }],
      metadata: {
        product_id: product.product_id,
        category: product.category,
        split: 'new' as const,
        curated_at: ref.curated_at,
      },
    };
    // A reference citing a snippet the prompt does not show would teach the model to invent citations.
    const checked = SftExampleSchema.safeParse(candidate);
    if (!checked.success) {
      skipped.push({ product_id: ref.product_id, reason: 'citation_not_in_context' });
      continue;
    }
    const isNew = product.category === options.category && (!options.since || ref.curated_at >= options.since);
    if (isNew) fresh.push(checked.data);
    else pool.push({ ...checked.data, metadata: { ...checked.data.metadata, split: 'replay' } });
  }
  if (fresh.length === 0)
    throw new SftExportError(`no usable reference summaries for category ${options.category}`, 'RL_ERR_SFT_EMPTY');
  const ratio = options.replayRatio ?? 0.25;
  const rng = new Rng(options.seed ?? 7);
  const replay = rng.shuffle([...pool]).slice(0, Math.round(fresh.length * ratio));
  const examples = rng.shuffle([...fresh, ...replay]);
  mkdirSync(options.outDir, { recursive: true });
  const body = examples.map((e) => JSON.stringify(e)).join('\n') + (examples.length > 0 ? '\n' : '');
  writeFileSync(join(options.outDir, 'train.jsonl'), body);
  const manifest: SftManifest = {
    schema: SFT_SCHEMA_VERSION,
    category: options.category,
    created_at: new Date().toISOString(),
    prompt_version: promptVersion,
    retrieval: { id: production.retrieval.id, params: { ...retrievalParams } },
    production_version: production.version,
    files: { train: 'train.jsonl' },
    sha256: createHash('sha256').update(body).digest('hex'),
    counts: { new: fresh.length, replay: replay.length, skipped: skipped.length },
    replay_ratio: ratio,
    since: options.since ?? null,
    skipped,
  };
  writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
