import { type Kysely, type Selectable, sql } from 'kysely';
import type { EmbeddedChunk, Polarity } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import type { Database } from './schema.js';

/** Float32 little-endian; copies so the vector never aliases a pooled driver buffer. */
export function vectorToBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

export function blobToVector(blob: Uint8Array): Float32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

/** Replaces all chunks of the given reviews and marks those reviews as indexed at their current content hash. */
export async function replaceChunks(
  db: Kysely<Database>,
  reviews: readonly { reviewId: string; contentHash: string }[],
  chunks: readonly EmbeddedChunk[],
  embedderId: string,
  sentimentId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ids = reviews.map((review) => review.reviewId);
    for (let i = 0; i < ids.length; i += 1000) {
      await trx
        .deleteFrom('chunks')
        .where('review_id', 'in', ids.slice(i, i + 1000))
        .execute();
    }
    // 16 columns per row: 1,000 rows stay under SQLite's bound-parameter limit (32,766).
    for (let i = 0; i < chunks.length; i += 1000) {
      await trx
        .insertInto('chunks')
        .values(
          chunks.slice(i, i + 1000).map((chunk) => ({
            chunk_id: chunk.chunkId,
            review_id: chunk.reviewId,
            product_id: chunk.productId,
            position: chunk.position,
            text: chunk.text,
            sentiment: chunk.sentiment,
            polarity: chunk.polarity,
            aspects: JSON.stringify(chunk.aspects),
            star_rating: chunk.starRating,
            language: chunk.language,
            created_at: chunk.createdAt,
            helpful_votes: chunk.helpfulVotes,
            verified_purchase: chunk.verifiedPurchase ? 1 : 0,
            embedding: vectorToBlob(chunk.embedding),
            embedder_id: embedderId,
            sentiment_id: sentimentId,
          })),
        )
        .execute();
    }
    for (const review of reviews) {
      await trx
        .updateTable('reviews')
        .set({ indexed_hash: review.contentHash })
        .where('review_id', '=', review.reviewId)
        .execute();
    }
  });
}

/** Chunks scored by a sentiment model other than `sentimentId`, oldest key first (for re-scoring). */
export async function chunksScoredByOtherModel(
  db: Kysely<Database>,
  sentimentId: string,
  limit: number,
): Promise<{ chunkId: string; productId: string; text: string; language: Language; starRating: number }[]> {
  const rows = await db
    .selectFrom('chunks')
    .select(['chunk_id', 'product_id', 'text', 'language', 'star_rating'])
    .where('sentiment_id', '!=', sentimentId)
    .orderBy('chunk_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    chunkId: row.chunk_id,
    productId: row.product_id,
    text: row.text,
    language: row.language as Language,
    starRating: Number(row.star_rating),
  }));
}

/**
 * Writes re-scored sentiment for existing chunks and bumps the revision of their products: pros and cons
 * depend on polarity, so the summarizer must see those products as changed.
 */
export async function updateChunkSentiment(
  db: Kysely<Database>,
  updates: readonly { chunkId: string; productId: string; sentiment: number; polarity: Polarity }[],
  sentimentId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const update of updates) {
      await trx
        .updateTable('chunks')
        .set({ sentiment: update.sentiment, polarity: update.polarity, sentiment_id: sentimentId })
        .where('chunk_id', '=', update.chunkId)
        .execute();
    }
    const products = [...new Set(updates.map((u) => u.productId))];
    for (let i = 0; i < products.length; i += 1000) {
      await trx
        .updateTable('products')
        .set({ revision: sql`revision + 1` })
        .where('product_id', 'in', products.slice(i, i + 1000))
        .execute();
    }
  });
}

type ChunkRow = Selectable<Database['chunks']>;

function fromRow(row: ChunkRow): EmbeddedChunk {
  return {
    chunkId: row.chunk_id,
    reviewId: row.review_id,
    productId: row.product_id,
    position: row.position,
    text: row.text,
    sentiment: Number(row.sentiment),
    polarity: row.polarity as Polarity,
    aspects: JSON.parse(row.aspects) as string[],
    starRating: Number(row.star_rating),
    language: row.language as Language,
    createdAt: row.created_at,
    helpfulVotes: Number(row.helpful_votes),
    verifiedPurchase: Number(row.verified_purchase) === 1,
    embedding: blobToVector(row.embedding),
  };
}

export async function loadProductChunks(db: Kysely<Database>, productId: string): Promise<EmbeddedChunk[]> {
  const rows = await db.selectFrom('chunks').selectAll().where('product_id', '=', productId).execute();
  // Sorted here, not in SQL: text collation differs between SQLite and PostgreSQL locales, and summaries must
  // not depend on which store produced them.
  return rows
    .map(fromRow)
    .sort((a, b) => (a.reviewId < b.reviewId ? -1 : a.reviewId > b.reviewId ? 1 : a.position - b.position));
}

export async function loadChunksById(db: Kysely<Database>, chunkIds: readonly string[]): Promise<EmbeddedChunk[]> {
  if (chunkIds.length === 0) return [];
  const rows = await db
    .selectFrom('chunks')
    .selectAll()
    .where('chunk_id', 'in', [...chunkIds])
    .execute();
  return rows.map(fromRow);
}
