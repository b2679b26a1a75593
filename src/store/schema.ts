import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for the query layer. Columns are snake_case and portable between SQLite and PostgreSQL:
 * booleans are stored as 0/1 integers, timestamps as ISO 8601 text, JSON as text, vectors as blobs (bytea).
 */
export interface Database {
  runs: RunsTable;
  reviews: ReviewsTable;
  products: ProductsTable;
  rejects: RejectsTable;
  chunks: ChunksTable;
  summaries: SummariesTable;
  summary_skips: SummarySkipsTable;
  review_flags: ReviewFlagsTable;
  text_signatures: TextSignaturesTable;
  snapshots: SnapshotsTable;
}

/** A flagged review stays stored but is kept out of chunks and summaries (migration 0002). */
export interface ReviewFlagsTable {
  id: Generated<number>;
  review_id: string;
  product_id: string;
  run_id: string;
  reason: string;
  detail: string;
  created_at: string;
}

export interface TextSignaturesTable {
  review_id: string;
  product_id: string;
  user_id: string | null;
  /** sha1 of the dedup key: exact duplicates. */
  text_hash: string;
  /** sha1 of user id + dedup key (null without a user): the same user reposting. */
  user_hash: string | null;
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
  /** Words in the dedup key: only distinctive texts count as duplicates across users. */
  words: number;
  /** Duplicate flag reason decided when the review was first seen ('' = original) and its detail. */
  verdict: string;
  verdict_detail: string;
}

export interface SnapshotsTable {
  snapshot_id: string;
  run_id: string;
  path: string;
  manifest: string;
  content_hash: string;
  schema_version: number;
  rows: number;
  created_at: string;
}

export interface RunsTable {
  run_id: string;
  kind: string;
  status: 'running' | 'succeeded' | 'failed';
  started_at: string;
  finished_at: string | null;
  /** JSON object of counts and timings. */
  counts: string;
  error: string | null;
  /** Snapshot written by this run (ingest), or used by it (later stages). */
  snapshot_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReviewsTable {
  review_id: string;
  product_id: string;
  star_rating: number;
  title: string | null;
  review_text: string;
  created_at: string;
  user_id: string | null;
  helpful_votes: number;
  verified_purchase: number;
  language: string;
  language_source: string;
  category: string | null;
  product_name: string | null;
  metadata: string;
  content_hash: string;
  /** content_hash of the version that was chunked; differs from content_hash when the review needs re-indexing. */
  indexed_hash: string | null;
  /** Run that last accepted this review; a second record with the same id in that run is a duplicate. */
  last_seen_run: string;
  ingested_at: string;
  /** Comma-separated flag reason codes; '' = included in chunks and summaries. */
  flags: ColumnType<string, string | undefined, string>;
}

export interface ProductsTable {
  product_id: string;
  product_name: string | null;
  category: string | null;
  /** Bumped whenever a review of the product is added or changes: the summarizer's change detector. */
  revision: number;
  updated_at: string;
}

export interface RejectsTable {
  id: Generated<number>;
  run_id: string;
  source: string;
  /** Line (JSONL) or record number (CSV) in the source, from 1. */
  position: number;
  reason: string;
  detail: string;
  /** The record as received, so nothing is lost; may be truncated to 64 kB. */
  raw: string;
  created_at: string;
}

export interface ChunksTable {
  chunk_id: string;
  review_id: string;
  product_id: string;
  position: number;
  text: string;
  sentiment: number;
  polarity: string;
  /** JSON array of aspect ids. */
  aspects: string;
  star_rating: number;
  language: string;
  created_at: string;
  helpful_votes: number;
  verified_purchase: number;
  embedding: ColumnType<Buffer, Buffer | Uint8Array, Buffer | Uint8Array>;
  embedder_id: string;
}

export interface SummariesTable {
  id: Generated<number>;
  product_id: string;
  model_version: string;
  language: string;
  /** products.revision the summary was made from. */
  product_revision: number;
  /** The Summary JSON as served. */
  summary: string;
  /** JSON: claim key → cited chunk ids, plus the context chunk ids the model saw. */
  context: string;
  etag: string;
  generated_at: string;
  expires_at: string;
  run_id: string;
}

export interface SummarySkipsTable {
  product_id: string;
  model_version: string;
  reason: string;
  review_count: number;
  product_revision: number;
  run_id: string;
  created_at: string;
}
