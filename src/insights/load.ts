import type { Kysely } from 'kysely';
import type { Polarity } from '../domain/chunk.js';
import type { Database } from '../store/schema.js';

/** The slice of a chunk insights need (no vector). */
export interface OpinionChunk {
  readonly chunkId: string;
  readonly reviewId: string;
  readonly productId: string;
  readonly text: string;
  readonly polarity: Polarity;
  readonly aspects: readonly string[];
  readonly starRating: number;
  readonly createdAt: string;
  readonly helpfulVotes: number;
  readonly verifiedPurchase: boolean;
}

export type InsightScope =
  | { readonly kind: 'product'; readonly productId: string }
  | { readonly kind: 'category'; readonly category: string };

/** Chunks of a product or a category, optionally since a date. */
export async function loadOpinions(db: Kysely<Database>, scope: InsightScope, since?: string): Promise<OpinionChunk[]> {
  let query = db
    .selectFrom('chunks as c')
    .innerJoin('products as p', 'p.product_id', 'c.product_id')
    .select([
      'c.chunk_id',
      'c.review_id',
      'c.product_id',
      'c.text',
      'c.polarity',
      'c.aspects',
      'c.star_rating',
      'c.created_at',
      'c.helpful_votes',
      'c.verified_purchase',
    ]);
  query =
    scope.kind === 'product'
      ? query.where('c.product_id', '=', scope.productId)
      : query.where('p.category', '=', scope.category);
  if (since) query = query.where('c.created_at', '>=', since);
  const rows = await query.execute();
  return rows.map((row) => ({
    chunkId: row.chunk_id,
    reviewId: row.review_id,
    productId: row.product_id,
    text: row.text,
    polarity: row.polarity as Polarity,
    aspects: JSON.parse(row.aspects) as string[],
    starRating: Number(row.star_rating),
    createdAt: row.created_at,
    helpfulVotes: Number(row.helpful_votes),
    verifiedPurchase: Number(row.verified_purchase) === 1,
  }));
}

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the ISO week containing the instant, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const time = Date.parse(iso);
  const day = new Date(time).getUTCDay();
  const monday = Math.floor(time / DAY_MS) * DAY_MS - ((day + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}
