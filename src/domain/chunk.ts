import type { Language } from './languages.js';

export type Polarity = 'positive' | 'negative' | 'neutral';

/** A sentence-aligned piece of one review (≤ 256 characters), the unit of retrieval and citation. */
export interface Chunk {
  /** Matches /^[A-Za-z0-9_-]+$/ so it can be cited inline as `[chunk_id]`. */
  readonly chunkId: string;
  readonly reviewId: string;
  readonly productId: string;
  /** Position of the chunk within its review, from 0. */
  readonly position: number;
  readonly text: string;
  /** Sentiment score in [-1, 1]. */
  readonly sentiment: number;
  readonly polarity: Polarity;
  /** Aspect ids (see aspects.ts) the chunk talks about. */
  readonly aspects: readonly string[];
  // Denormalised review metadata, so retrieval needs no join.
  readonly starRating: number;
  readonly language: Language;
  readonly createdAt: string;
  readonly helpfulVotes: number;
  readonly verifiedPurchase: boolean;
}

export interface EmbeddedChunk extends Chunk {
  readonly embedding: Float32Array;
}

export const CHUNK_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_CHUNK_CHARS = 256;
