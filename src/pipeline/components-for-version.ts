import type { Kysely } from 'kysely';
import type { ModelVersion } from '../registry/model-version.js';
import { productionVersion } from '../registry/registry.js';
import type { Database } from '../store/schema.js';
import { type BuiltinParams, builtinSummarizer, DEFAULT_BUILTIN_PARAMS } from '../summarize/builtin-summarizer.js';
import { type BalancedRetrievalParams, balancedRetrieval, DEFAULT_BALANCED_PARAMS } from '../summarize/retrieve.js';
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
  if (version.provider !== 'builtin') {
    // The LLM client lands from another branch; the lead wires it here.
    throw new ProviderUnavailableError(
      `LLM provider not available in this build (model version ${version.version}, provider ${version.provider})`,
    );
  }
  if (version.retrieval.id !== 'balanced-v1') {
    throw new ProviderUnavailableError(`unknown retrieval strategy "${version.retrieval.id}"`);
  }
  const retrieval = balancedRetrieval(
    overlay<BalancedRetrievalParams>(DEFAULT_BALANCED_PARAMS, version.retrieval.params, 'retrieval'),
  );
  const summarizer = builtinSummarizer(
    overlay<BuiltinParams>(DEFAULT_BUILTIN_PARAMS, version.inferenceParams, 'inference'),
  );
  return {
    ...defaultComponents(),
    retrieval,
    summarizer: { modelVersion: version.version, summarize: (input) => summarizer.summarize(input) },
  };
}

/** What the batch job runs: the registry's production version (the built-in default on a fresh store). */
export async function productionComponents(db: Kysely<Database>): Promise<Components> {
  return componentsForVersion(await productionVersion(db));
}
