import type { EmbeddedChunk } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import type { Claim } from '../domain/summary.js';
import type { ContextChunk } from './retrieve.js';

/** What a summarizer returns; the stage adds ids, counts, timestamps and the label. */
export interface SummaryDraft {
  readonly overview: string;
  readonly overview_citations: readonly string[];
  readonly pros: readonly Claim[];
  readonly cons: readonly Claim[];
  /** What the stage records about how the draft was made (LLM summarizers fill it in). */
  readonly meta?: DraftMeta;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly calls: number;
}

export interface DraftMeta {
  /** The model version that really produced the draft (e.g. the LoRA adapter), when it differs. */
  readonly producedBy?: string;
  readonly promptVersion?: string;
  readonly usage?: TokenUsage;
  /** True once the model was asked to repair its answer; a draft is repaired at most once. */
  readonly repaired?: boolean;
  /** Opaque state a summarizer needs to repair its own draft (e.g. the conversation so far). */
  readonly conversation?: unknown;
}

export interface ProductFacts {
  readonly productId: string;
  readonly productName: string | null;
  readonly category: string | null;
  readonly language: Language;
  readonly reviewCount: number;
  readonly ratingAvg: number;
  /** Reviews per star rating, index 0 = 1 star. */
  readonly starHistogram: readonly [number, number, number, number, number];
}

export interface SummarizerInput {
  readonly product: ProductFacts;
  /** The retrieved context: the only chunks a summary may cite. */
  readonly context: readonly ContextChunk[];
  /** Every chunk of the product, for mention counts. */
  readonly allChunks: readonly EmbeddedChunk[];
}

/** The seam between the batch job and a model: the built-in summarizer or an LLM endpoint. */
export interface Summarizer {
  /** The model version recorded with every summary it produces. */
  readonly modelVersion: string;
  summarize(input: SummarizerInput): Promise<SummaryDraft>;
  /**
   * `free-text`: the model writes the words, so every claim is checked for support by its sources.
   * `templated` (default): fixed phrases around aspects and computed counts, grounded by construction.
   */
  readonly draftKind?: 'free-text' | 'templated';
  /** Optional: one attempt to fix a draft that failed verification, told what was wrong. */
  repair?(input: SummarizerInput, draft: SummaryDraft, problems: readonly string[]): Promise<SummaryDraft>;
}

/** Share of reviews rated 1–2 stars. */
export function negativeReviewShare(product: ProductFacts): number {
  return product.reviewCount === 0 ? 0 : (product.starHistogram[0] + product.starHistogram[1]) / product.reviewCount;
}

/** The balance rule: at least this share of negative reviews requires at least one con. */
export const BALANCE_NEGATIVE_SHARE = 0.2;
