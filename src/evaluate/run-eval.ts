import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedChunk } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import { indexReviews } from '../index/index-stage.js';
import { ingest } from '../ingest/ingest.js';
import { type Components, defaultComponents } from '../pipeline/components.js';
import { componentsForVersion } from '../pipeline/components-for-version.js';
import type { ModelVersion } from '../registry/model-version.js';
import { builtinDefault } from '../registry/model-version.js';
import { loadProductChunks } from '../store/chunks.js';
import { startRun } from '../store/runs.js';
import { openSqliteStore, type Store } from '../store/store.js';
import { latestSummary } from '../store/summaries.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import { firstSentences } from './baselines/first-sentences.js';
import { DEFAULT_LEXRANK, lexRank } from './baselines/lexrank.js';
import { DEFAULT_BASELINE_WORDS } from './baselines/word-budget.js';
import { datasetSource, productIdFor } from './dataset-source.js';
import { type EvalDataset, isEnglishDataset } from './datasets.js';
import type { Judge } from './judge/judge.js';
import { countFailures, type JUDGE_METRICS, judgeSummary } from './judge/judge-metrics.js';
import { JUDGE_PROMPT_VERSION } from './judge/judge-prompts.js';
import { balance } from './metrics/balance.js';
import { citedRelevance, contextPrecision } from './metrics/context-precision.js';
import { type ClaimSupportFn, defaultClaimSupport, faithfulness } from './metrics/faithfulness.js';
import { outputChecks } from './metrics/output-checks.js';
import { ENGLISH_ROUGE, NON_ENGLISH_ROUGE, type RougeOptions, rougeMultiReference } from './metrics/rouge.js';
import { aggregateReport, type EntityResult, type EvalReport, type JudgeReport } from './report.js';
import { failedOutput, outputFromSummary, type SystemOutput } from './system-output.js';

/** A system under evaluation: a registered model version, or one of the baselines. */
export type EvalSystem =
  | { readonly kind: 'model'; readonly version: ModelVersion }
  | { readonly kind: 'lexrank' }
  | { readonly kind: 'first-sentences' };

export const systemName = (system: EvalSystem) => (system.kind === 'model' ? system.version.version : system.kind);

export interface EvalOptions {
  readonly datasetPath?: string;
  readonly maxWords?: number;
  readonly claimSupport?: ClaimSupportFn;
  /** Build components for a model version (tests can inject); defaults to the registry factory. */
  readonly componentsFor?: (version: ModelVersion) => Components;
  readonly onProgress?: (done: number, total: number) => void;
  /** Adds the judge-based metrics (faithfulness_llm, context_precision_llm, coherence) when given. */
  readonly judge?: Judge;
}

/** The judge sees at most this many context items (baselines rank every chunk of the entity). */
export const JUDGE_MAX_CONTEXT = 50;

/** Judge metrics for every entity (the judge client bounds the calls in flight), then their report section. */
async function judgeEntities(
  judge: Judge,
  entities: EntityResult[],
  outputs: readonly SystemOutput[],
  chunksPerEntity: readonly (readonly EmbeddedChunk[])[],
): Promise<{ entities: EntityResult[]; report: JudgeReport }> {
  const judged = await Promise.all(
    entities.map(async (entity, i) => {
      const byId = new Map(chunksPerEntity[i]!.map((chunk) => [chunk.chunkId, chunk.text]));
      const context = outputs[i]!.contextChunkIds.slice(0, JUDGE_MAX_CONTEXT)
        .map((id) => byId.get(id))
        .filter((text): text is string => text !== undefined);
      return { ...entity, ...(await judgeSummary(judge, entity.summary_text, context)) };
    }),
  );
  const count = (metric: (typeof JUDGE_METRICS)[number]) =>
    judged.filter((e) => e[metric] !== null && e[metric] !== undefined).length;
  return {
    entities: judged,
    report: {
      judge: judge.id,
      prompt_version: JUDGE_PROMPT_VERSION,
      judged: {
        faithfulness_llm: count('faithfulness_llm'),
        context_precision_llm: count('context_precision_llm'),
        coherence: count('coherence'),
      },
      failures: countFailures(judged.map((e) => e.judge_failures)),
    },
  };
}

export const BUILTIN_SYSTEM: EvalSystem = { kind: 'model', version: builtinDefault(new Date(0).toISOString()) };

/** Runs a model version through the real summarize stage (min reviews 1) and reads back what it stored. */
async function modelOutputs(
  store: Store,
  productIds: readonly string[],
  components: Components,
): Promise<SystemOutput[]> {
  const runId = await startRun(store.db, 'summarize');
  await summarizeProducts(store.db, {
    runId,
    summarizer: components.summarizer,
    retrieval: components.retrieval,
    minReviews: 1,
    ttlSeconds: 3600,
    defaultLanguage: 'en',
  });
  const outputs: SystemOutput[] = [];
  for (const productId of productIds) {
    const stored = await latestSummary(store.db, productId, components.summarizer.modelVersion);
    if (stored) {
      outputs.push(outputFromSummary(stored.summary, stored.context.contextChunkIds));
      continue;
    }
    const skip = await store.db
      .selectFrom('summary_skips')
      .select('reason')
      .where('product_id', '=', productId)
      .executeTakeFirst();
    outputs.push(failedOutput(skip?.reason ?? 'no_summary'));
  }
  return outputs;
}

function scoreEntity(
  output: SystemOutput,
  chunks: readonly EmbeddedChunk[],
  starRatings: readonly number[],
  references: readonly string[],
  rougeOptions: RougeOptions,
  language: Language,
  support: ClaimSupportFn,
): Omit<EntityResult, 'entity_id' | 'category' | 'references'> {
  const r = rougeMultiReference(output.summaryText, references, rougeOptions);
  const byId = new Map(chunks.map((chunk) => [chunk.chunkId, chunk]));
  const cited = output.claims.flatMap((claim) => claim.citations);
  return {
    summary_text: output.summaryText,
    failure: output.failure,
    rouge1: r.rouge1 * 100,
    rouge2: r.rouge2 * 100,
    rougeL: r.rougeL * 100,
    rougeLsum: r.rougeLsum * 100,
    faithfulness: faithfulness(output.claims, byId, support),
    context_precision: contextPrecision(citedRelevance(output.contextChunkIds, cited)),
    ...balance(output.claims, starRatings),
    ...outputChecks(output, language),
    review_count: starRatings.length,
    claims: output.claims.length,
  };
}

/**
 * Evaluates one system on one dataset: the entities' reviews are ingested and indexed into a throw-away SQLite
 * store (one product per entity), the system summarizes every entity, and each output is scored.
 */
export async function evaluateDataset(
  dataset: EvalDataset,
  system: EvalSystem,
  options: EvalOptions = {},
): Promise<EvalReport> {
  const dir = mkdtempSync(join(tmpdir(), 'reviewlens-eval-'));
  const store = await openSqliteStore(join(dir, 'eval.sqlite'));
  try {
    const components =
      system.kind === 'model' ? (options.componentsFor ?? componentsForVersion)(system.version) : undefined;
    const runId = await startRun(store.db, 'ingest');
    await ingest(store.db, datasetSource(dataset), { runId, defaultLanguage: 'en' });
    // Baselines index with the default components, the same ones the built-in model sees.
    const indexing = components ?? defaultComponents();
    await indexReviews(store.db, { embedder: indexing.embedder, sentiment: indexing.sentiment });
    const productIds = dataset.entities.map((_, i) => productIdFor(i));
    const chunksPerEntity = await Promise.all(productIds.map((id) => loadProductChunks(store.db, id)));
    const maxWords = options.maxWords ?? DEFAULT_BASELINE_WORDS;
    let outputs: SystemOutput[];
    if (system.kind === 'model') outputs = await modelOutputs(store, productIds, components!);
    else if (system.kind === 'lexrank')
      outputs = chunksPerEntity.map((chunks) => lexRank(chunks, { ...DEFAULT_LEXRANK, maxWords }));
    else outputs = chunksPerEntity.map((chunks) => firstSentences(chunks, maxWords));

    const english = isEnglishDataset(dataset);
    const rougeOptions = english ? ENGLISH_ROUGE : NON_ENGLISH_ROUGE;
    let entities: EntityResult[] = [];
    for (const [i, entity] of dataset.entities.entries()) {
      const reviews = await store.db
        .selectFrom('reviews')
        .select(['star_rating', 'language'])
        .where('product_id', '=', productIds[i]!)
        .execute();
      const language = (reviews[0]?.language ?? 'en') as Language;
      entities.push({
        entity_id: entity.entityId,
        category: entity.category,
        references: entity.references,
        ...scoreEntity(
          outputs[i]!,
          chunksPerEntity[i]!,
          reviews.map((r) => r.star_rating),
          entity.references,
          rougeOptions,
          language,
          options.claimSupport ?? defaultClaimSupport,
        ),
      });
      options.onProgress?.(i + 1, dataset.entities.length);
    }
    let judge: JudgeReport | null = null;
    if (options.judge) {
      const judged = await judgeEntities(options.judge, entities, outputs, chunksPerEntity);
      entities = judged.entities;
      judge = judged.report;
    }
    return aggregateReport({
      judge,
      model: systemName(system),
      dataset: dataset.name,
      datasetPath: options.datasetPath ?? null,
      rouge: { ...rougeOptions, multi_reference: 'mean' },
      entities,
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
