import type { Kysely } from 'kysely';
import { storeSentiment } from '../index/store-sentiment.js';
import type { ModelVersion } from '../registry/model-version.js';
import { productionVersion, stagingVersion } from '../registry/registry.js';
import type { Database } from '../store/schema.js';
import { type BuiltinParams, builtinSummarizer, DEFAULT_BUILTIN_PARAMS } from '../summarize/builtin-summarizer.js';
import { loadLlmConfig } from '../summarize/llm/llm-config.js';
import { llmSummarizer } from '../summarize/llm/llm-summarizer.js';
import { type BalancedRetrievalParams, balancedRetrieval, DEFAULT_BALANCED_PARAMS } from '../summarize/retrieve.js';
import { llmStageConcurrency } from '../summarize/summarize-stage.js';
import { type Components, defaultComponents } from './components.js';

export class ProviderUnavailableError extends Error {
  readonly code = 'RL_ERR_PROVIDER_UNAVAILABLE';
}

/** Only the keys the defaults know, with the defaults' types: a typo in a registered param must not pass. */
function overlay<T extends object>(defaults: T, params: Readonly<Record<string, unknown>>, what: string): T {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(params)) {
    if (!(key in defaults)) throw new ProviderUnavailableError(`unknown ${what} parameter "${key}"`);
    if (typeof value !== typeof (defaults as Record<string, unknown>)[key]) {
      throw new ProviderUnavailableError(`${what} parameter "${key}" must be a ${typeof merged[key]}`);
    }
    merged[key] = value;
  }
  return merged as T;
}

/**
 * The components a registered model version runs with. Summaries are recorded under the version's name, so
 * two versions of the built-in summarizer with different parameters never overwrite each other.
 */
export function componentsForVersion(version: ModelVersion): Components {
  if (version.retrieval.id !== 'balanced-v1') {
    throw new ProviderUnavailableError(`unknown retrieval strategy "${version.retrieval.id}"`);
  }
  const retrieval = balancedRetrieval(
    overlay<BalancedRetrievalParams>(DEFAULT_BALANCED_PARAMS, version.retrieval.params, 'retrieval'),
  );
  if (version.provider === 'openai-compatible') {
    // The endpoint (base URL, key, limits) is deployment configuration from the environment; what the version
    // fixes is the model (or its LoRA adapter, which vLLM selects by model name) and the prompt template.
    const config = loadLlmConfig({
      llmModel: version.adapter ?? version.modelId,
      llmPrompt: version.promptTemplateVersion ?? undefined,
    });
    if (!config) {
      throw new ProviderUnavailableError(
        `model version ${version.version} runs on an OpenAI-compatible endpoint: set REVIEWLENS_LLM_BASE_URL`,
      );
    }
    const llm = llmSummarizer({ ...config.client, promptVersion: config.promptVersion });
    return {
      ...defaultComponents(),
      retrieval,
      summarizer: { ...llm, modelVersion: version.version },
      fallback: builtinSummarizer(),
      concurrency: llmStageConcurrency(config.concurrency),
    };
  }
  const summarizer = builtinSummarizer(
    overlay<BuiltinParams>(DEFAULT_BUILTIN_PARAMS, version.inferenceParams, 'inference'),
  );
  return {
    ...defaultComponents(),
    retrieval,
    summarizer: { modelVersion: version.version, summarize: (input) => summarizer.summarize(input) },
  };
}

/**
 * What the batch job runs: the registry's production version (the built-in default on a fresh store), indexing
 * with the store's trained polarity model when one is active (the lexicon otherwise).
 */
export async function productionComponents(db: Kysely<Database>): Promise<Components> {
  return { ...componentsForVersion(await productionVersion(db)), sentiment: await storeSentiment(db) };
}

/**
 * Shadow mode: the staging version's components when one is registered. The batch runs it after production;
 * its summaries are stored under its own version name and never served (serving reads production), so they can
 * be compared offline (`reviewlens shadow report`).
 */
export async function shadowComponents(db: Kysely<Database>): Promise<Components | undefined> {
  const staging = await stagingVersion(db);
  // Chunks are shared by all versions: the shadow sees the same sentiment model as production.
  return staging ? { ...componentsForVersion(staging), sentiment: await storeSentiment(db) } : undefined;
}
