import type { Embedder } from '../index/embedder.js';
import { HashedNgramEmbedder } from '../index/embedder.js';
import { lexiconSentiment, type SentimentModel } from '../index/sentiment.js';
import { builtinSummarizer } from '../summarize/builtin-summarizer.js';
import { balancedRetrieval, type RetrievalStrategy } from '../summarize/retrieve.js';
import type { Summarizer } from '../summarize/summarizer.js';

/** The models behind each seam. The embedded defaults need no network and no downloaded weights. */
export interface Components {
  readonly embedder: Embedder;
  readonly sentiment: SentimentModel;
  readonly retrieval: RetrievalStrategy;
  readonly summarizer: Summarizer;
  /** Published when `summarizer` (an LLM) fails or its draft cannot be verified; absent for the built-in one. */
  readonly fallback?: Summarizer;
  /** Products summarized at once (an LLM endpoint is I/O bound); sequential when absent. */
  readonly concurrency?: number;
}

export function defaultComponents(): Components {
  return {
    embedder: new HashedNgramEmbedder(),
    sentiment: lexiconSentiment,
    retrieval: balancedRetrieval(),
    summarizer: builtinSummarizer(),
  };
}
