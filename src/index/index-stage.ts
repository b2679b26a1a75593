import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EmbeddedChunk } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import { chunksScoredByOtherModel, replaceChunks, updateChunkSentiment } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import { tagAspects } from './aspects.js';
import type { Embedder } from './embedder.js';
import { chunkText } from './segment.js';
import { classifyPolarity, type SentimentModel } from './sentiment.js';

export interface IndexOptions {
  readonly embedder: Embedder;
  readonly sentiment: SentimentModel;
  /** Reviews per transaction. */
  readonly batchSize?: number;
  /** Re-index every review, e.g. after changing the embedder. */
  readonly force?: boolean;
  readonly onProgress?: (counts: IndexCounts) => void;
}

export interface IndexCounts {
  reviews_indexed: number;
  chunks_written: number;
  /** Existing chunks whose sentiment was re-scored because the sentiment model changed. */
  chunks_rescored: number;
  /** The SentimentModel id chunks are scored with (`lexicon-v1` or a trained polarity model's id). */
  sentiment_model: string;
}

/** Chunk ids are stable across re-runs and safe to cite inline: [A-Za-z0-9_-]+. */
export function chunkIdFor(reviewId: string, position: number): string {
  return `${createHash('sha1').update(reviewId).digest('base64url').slice(0, 12)}-${position}`;
}

/**
 * The index stage: every review whose content changed since it was last chunked is split into
 * sentence-aligned chunks, scored for sentiment, tagged with aspects, embedded and stored.
 */
export async function indexReviews(db: Kysely<Database>, options: IndexOptions): Promise<IndexCounts> {
  const batchSize = options.batchSize ?? 500;
  const counts: IndexCounts = {
    reviews_indexed: 0,
    chunks_written: 0,
    chunks_rescored: 0,
    sentiment_model: options.sentiment.id,
  };
  if (options.force) await db.updateTable('reviews').set({ indexed_hash: null }).execute();
  // Chunks of another embedder cannot be compared with ours: re-index their reviews.
  const foreign = await db
    .selectFrom('chunks')
    .select('review_id')
    .where('embedder_id', '!=', options.embedder.id)
    .limit(1)
    .executeTakeFirst();
  if (foreign) await db.updateTable('reviews').set({ indexed_hash: null }).execute();

  for (;;) {
    const reviews = await db
      .selectFrom('reviews')
      .select([
        'review_id',
        'product_id',
        'review_text',
        'star_rating',
        'language',
        'category',
        'created_at',
        'helpful_votes',
        'verified_purchase',
        'content_hash',
        'flags',
      ])
      .where((eb) => eb.or([eb('indexed_hash', 'is', null), eb('indexed_hash', '!=', eb.ref('content_hash'))]))
      .orderBy('review_id')
      .limit(batchSize)
      .execute();
    if (reviews.length === 0) break;

    const pieces: Omit<EmbeddedChunk, 'embedding'>[] = [];
    for (const review of reviews) {
      // Flagged reviews (spam, duplicates, too short, toxic, bombing) get no chunks: replaceChunks removes old ones.
      if (review.flags !== '') continue;
      const language = review.language as Language;
      chunkText(review.review_text, language).forEach((text, position) => {
        const sentiment = options.sentiment.score(text, language);
        pieces.push({
          chunkId: chunkIdFor(review.review_id, position),
          reviewId: review.review_id,
          productId: review.product_id,
          position,
          text,
          sentiment,
          polarity: classifyPolarity(sentiment, review.star_rating),
          aspects: tagAspects(text, language, review.category),
          starRating: review.star_rating,
          language,
          createdAt: review.created_at,
          helpfulVotes: review.helpful_votes,
          verifiedPurchase: review.verified_purchase === 1,
        });
      });
    }
    const vectors = await options.embedder.embed(pieces.map((piece) => piece.text));
    const chunks = pieces.map((piece, i) => ({ ...piece, embedding: vectors[i]! }));
    await replaceChunks(
      db,
      reviews.map((review) => ({ reviewId: review.review_id, contentHash: review.content_hash })),
      chunks,
      options.embedder.id,
      options.sentiment.id,
    );
    counts.reviews_indexed += reviews.length;
    counts.chunks_written += chunks.length;
    options.onProgress?.(counts);
  }
  counts.chunks_rescored = await rescoreSentiment(db, options.sentiment, batchSize);
  return counts;
}

/**
 * Chunks scored by another sentiment model (a newly trained polarity model was activated, or one was retired):
 * their sentiment and polarity are re-scored in place. Embeddings do not depend on sentiment, so nothing is
 * re-embedded; the products' revisions are bumped so their summaries are made again.
 */
async function rescoreSentiment(db: Kysely<Database>, sentiment: SentimentModel, batchSize: number): Promise<number> {
  let rescored = 0;
  for (;;) {
    const stale = await chunksScoredByOtherModel(db, sentiment.id, batchSize);
    if (stale.length === 0) return rescored;
    const updates = stale.map((chunk) => {
      const score = sentiment.score(chunk.text, chunk.language);
      return {
        chunkId: chunk.chunkId,
        productId: chunk.productId,
        sentiment: score,
        polarity: classifyPolarity(score, chunk.starRating),
      };
    });
    await updateChunkSentiment(db, updates, sentiment.id);
    rescored += updates.length;
  }
}
