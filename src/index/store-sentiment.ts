import type { Kysely } from 'kysely';
import { activePolarityModel, activePolarityModelInfo } from '../store/polarity-models.js';
import type { Database } from '../store/schema.js';
import { linearSentiment, parseLinearSentiment } from './linear-sentiment.js';
import { lexiconSentiment, type SentimentModel } from './sentiment.js';

// Parsing an artifact allocates a weight vector per language: keep the last one, processes reload per run.
let cached: { id: string; model: SentimentModel } | undefined;

/**
 * The sentiment model the index stage should use for this store: the active trained polarity model (trained on
 * the store's own star ratings; languages it does not cover use the lexicon), or the lexicon when none is.
 */
export async function storeSentiment(
  db: Kysely<Database>,
  fallback: SentimentModel = lexiconSentiment,
): Promise<SentimentModel> {
  const active = await activePolarityModelInfo(db);
  if (!active) return fallback;
  if (cached?.id === active.model_id) return cached.model;
  const stored = await activePolarityModel(db);
  if (!stored) return fallback;
  cached = { id: stored.modelId, model: linearSentiment(parseLinearSentiment(stored.artifact), stored.modelId) };
  return cached.model;
}
