import { type Kysely, sql } from 'kysely';
import type { Embedder } from '../index/embedder.js';
import { blobToVector } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import type { StoreDialect } from '../store/store.js';
import { getOrCreate } from '../util/maps.js';

export interface SearchFilters {
  readonly category?: string;
  readonly minRating?: number;
  readonly maxRating?: number;
  readonly language?: string;
  /** ISO dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly verifiedOnly?: boolean;
}

export interface SearchHit {
  readonly chunk_id: string;
  readonly review_id: string;
  readonly text: string;
  readonly star_rating: number;
  readonly language: string;
  readonly created_at: string;
  readonly verified_purchase: boolean;
  readonly score: number;
}

export interface ProductResult {
  readonly product_id: string;
  readonly product_name: string | null;
  readonly category: string | null;
  readonly score: number;
  readonly snippets: readonly SearchHit[];
}

export interface SearchOptions {
  readonly limitProducts?: number;
  readonly snippetsPerProduct?: number;
  /** Keyword candidates re-ranked by vector similarity. */
  readonly candidates?: number;
}

/** Query words: letters and digits of any script, 2+ characters, lower-cased. */
export function queryTerms(query: string): string[] {
  return [...new Set((query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).slice(0, 12))];
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Hybrid snippet search across the catalogue: full-text candidates (FTS5 bm25 on SQLite, ts_rank on
 * PostgreSQL; any query word, as a prefix) with the filters applied in SQL, re-ranked by an equal blend of
 * keyword rank and embedding similarity to the query, then grouped by product.
 */
export async function searchSnippets(
  db: Kysely<Database>,
  dialect: StoreDialect,
  embedder: Embedder,
  query: string,
  filters: SearchFilters = {},
  options: SearchOptions = {},
): Promise<ProductResult[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const candidates = options.candidates ?? 400;

  let builder = db
    .selectFrom('chunks as c')
    .innerJoin('products as p', 'p.product_id', 'c.product_id')
    .select([
      'c.chunk_id',
      'c.review_id',
      'c.product_id',
      'c.text',
      'c.star_rating',
      'c.language',
      'c.created_at',
      'c.verified_purchase',
      'c.embedding',
      'p.product_name',
      'p.category',
    ]);
  if (dialect === 'sqlite') {
    const match = terms.map((term) => `"${term.replace(/"/g, '')}"*`).join(' OR ');
    builder = builder
      .innerJoin(
        sql<{
          rowid: number;
          rank: number;
        }>`(select rowid, bm25(chunks_fts) as rank from chunks_fts where chunks_fts match ${match} order by rank limit ${candidates * 4})`.as(
          'f',
        ),
        (join) => join.on(sql`f.rowid`, '=', sql`c.rowid`),
      )
      .orderBy(sql`f.rank`);
  } else {
    const tsquery = terms.map((term) => `${term.replace(/[^\p{L}\p{N}]/gu, '')}:*`).join(' | ');
    builder = builder
      .where(sql<boolean>`to_tsvector('simple', c.text) @@ to_tsquery('simple', ${tsquery})`)
      .orderBy(sql`ts_rank(to_tsvector('simple', c.text), to_tsquery('simple', ${tsquery}))`, 'desc');
  }
  if (filters.category) builder = builder.where('p.category', '=', filters.category);
  if (filters.minRating) builder = builder.where('c.star_rating', '>=', filters.minRating);
  if (filters.maxRating) builder = builder.where('c.star_rating', '<=', filters.maxRating);
  if (filters.language) builder = builder.where('c.language', '=', filters.language);
  if (filters.from) builder = builder.where('c.created_at', '>=', filters.from);
  if (filters.to) builder = builder.where('c.created_at', '<=', `${filters.to}\uffff`);
  if (filters.verifiedOnly) builder = builder.where('c.verified_purchase', '=', 1);
  const rows = await builder.limit(candidates).execute();
  if (rows.length === 0) return [];

  const [queryVector] = await embedder.embed([query]);
  const scored = rows.map((row, rank) => {
    const keyword = 1 - rank / rows.length;
    const semantic = Math.max(0, dot(queryVector!, blobToVector(row.embedding)));
    return { row, score: 0.5 * keyword + 0.5 * semantic };
  });
  const byProduct = new Map<string, { row: (typeof rows)[number]; score: number }[]>();
  for (const item of scored) {
    const list = getOrCreate(byProduct, item.row.product_id, () => []);
    list.push(item);
  }
  const perProduct = options.snippetsPerProduct ?? 3;
  return [...byProduct.entries()]
    .map(([productId, items]) => {
      items.sort((a, b) => b.score - a.score);
      const top = items.slice(0, perProduct);
      return {
        product_id: productId,
        product_name: top[0]!.row.product_name,
        category: top[0]!.row.category,
        // The best snippet decides, with a small bonus for products where many snippets match.
        score: Math.round((top[0]!.score + 0.05 * Math.log1p(items.length)) * 1000) / 1000,
        snippets: top.map(({ row, score }) => ({
          chunk_id: row.chunk_id,
          review_id: row.review_id,
          text: row.text,
          star_rating: Number(row.star_rating),
          language: row.language,
          created_at: row.created_at,
          verified_purchase: Number(row.verified_purchase) === 1,
          score: Math.round(score * 1000) / 1000,
        })),
      };
    })
    .sort((a, b) => b.score - a.score || (a.product_id < b.product_id ? -1 : 1))
    .slice(0, options.limitProducts ?? 10);
}
