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
  erasure_audit: ErasureAuditTable;
  model_versions: ModelVersionsTable;
  model_eval_reports: ModelEvalReportsTable;
  model_events: ModelEventsTable;
  api_keys: ApiKeysTable;
  experiments: ExperimentsTable;
  events: EventsTable;
  summary_refresh_requests: SummaryRefreshRequestsTable;
  llm_calls: LlmCallsTable;
  summary_outcomes: SummaryOutcomesTable;
  summary_dead_letters: SummaryDeadLettersTable;
  review_flags: ReviewFlagsTable;
  text_signatures: TextSignaturesTable;
  snapshots: SnapshotsTable;
  alerts: AlertsTable;
  monitor_results: MonitorResultsTable;
  drift_baselines: DriftBaselinesTable;
  polarity_models: PolarityModelsTable;
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
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
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
  /** The SentimentModel id that scored `sentiment`/`polarity` (migration 0011). */
  sentiment_id: ColumnType<string, string | undefined, string>;
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

export interface ErasureAuditTable {
  id: Generated<number>;
  requested_at: string;
  subject_kind: 'user' | 'review';
  /** SHA-256 of the subject id: proves which request was served without keeping the identifier. */
  subject_hash: string;
  reviews_erased: number;
  chunks_erased: number;
  rejects_erased: number;
  products_affected: number;
  summaries_withdrawn: number;
}

/** A registered model version (src/registry). JSON columns hold objects/arrays as text. */
export interface ModelVersionsTable {
  version: string;
  provider: string;
  model_id: string;
  adapter: string | null;
  prompt_template_version: string | null;
  retrieval_id: string;
  retrieval_params: string;
  inference_params: string;
  data_snapshot_ids: string;
  /** candidate | staging | production | archived; at most one row is production. */
  stage: string;
  created_at: string;
  updated_at: string;
}

export interface ModelEvalReportsTable {
  id: Generated<number>;
  report_id: string;
  version: string;
  dataset: string;
  /** The evaluation report JSON (src/evaluate/report.ts). */
  report: string;
  created_at: string;
}

/** Audit trail: every registration, stage change, forced promotion and rollback. */
export interface ModelEventsTable {
  id: Generated<number>;
  version: string;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  forced: number;
  reason: string | null;
  /** JSON: e.g. the gate's decision. */
  detail: string;
  created_at: string;
}
export interface ApiKeysTable {
  /** Public part of the key (`rl_<key_id>_<secret>`), used to find the row. */
  key_id: string;
  name: string;
  /** SHA-256 of the whole key, hex; the key itself is never stored. */
  key_hash: string;
  /** Comma-separated: `admin`, `ingest`. */
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ExperimentsTable {
  name: string;
  /** Model versions whose summaries the two arms are served. */
  champion: string;
  challenger: string;
  /** Share of subjects assigned to the challenger, 0..1. */
  challenger_share: number;
  status: 'running' | 'stopped';
  created_at: string;
  stopped_at: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  /** Client-chosen; a retry with the same key is stored once. */
  idempotency_key: string;
  /** `impression`, `expand`, `purchase`, `return` or `feedback`. */
  type: string;
  product_id: string;
  /** Pseudonymous user or session id (as the client sends it; never an e-mail or name). */
  subject_id: string | null;
  experiment: string | null;
  variant: string | null;
  model_version: string | null;
  /** Feedback only: 1 helpful, 0 not helpful. */
  helpful: number | null;
  reason: string | null;
  created_at: string;
}

export interface SummaryRefreshRequestsTable {
  product_id: string;
  /** ETag of the stale summary that was served; one request per stale summary. */
  stale_etag: string;
  requested_at: string;
}

/** One call to an LLM endpoint (after retries): usage, latency and outcome. */
export interface LlmCallsTable {
  id: Generated<number>;
  run_id: string;
  product_id: string;
  /** The model (or LoRA adapter) name sent to the endpoint. */
  model: string;
  /** `draft` or `repair`. */
  purpose: string;
  /** `ok`, `invalid_json`, `http_error`, `timeout`, `circuit_open`, … */
  outcome: string;
  http_status: number | null;
  attempts: number;
  prompt_tokens: number;
  completion_tokens: number;
  latency_ms: number;
  created_at: string;
}

/** How the summary of one product revision was produced for a model version. */
export interface SummaryOutcomesTable {
  product_id: string;
  /** The configured model version (the change-detection key), not necessarily the producer. */
  model_version: string;
  product_revision: number;
  /** `llm_accepted`, `llm_repaired`, `fallback_builtin`, `failed`. */
  outcome: string;
  /** The model version that actually produced the published summary (null when none was published). */
  produced_by: string | null;
  prompt_version: string | null;
  /** JSON array of problem codes / error reasons. */
  reasons: string;
  dropped_claims: number;
  prompt_tokens: number;
  completion_tokens: number;
  run_id: string;
  created_at: string;
}

/** Products that could not be summarized at all in a revision; not retried until the revision changes. */
export interface SummaryDeadLettersTable {
  product_id: string;
  model_version: string;
  product_revision: number;
  /** JSON array of reasons. */
  reasons: string;
  run_id: string;
  created_at: string;
}

/** An alert episode (migration 0010): fired, deduplicated by key while firing, then resolved. */
export interface AlertsTable {
  id: Generated<number>;
  alert_key: string;
  /** `quality`, `drift`, … — the job that owns the alert and resolves it. */
  source: string;
  /** `warning` or `critical`. */
  severity: string;
  state: 'firing' | 'resolved';
  summary: string;
  /** JSON: the measured value, threshold and context. */
  detail: string;
  occurrences: number;
  fired_at: string;
  last_seen_at: string;
  resolved_at: string | null;
}

/** The stored result of one drift, quality or shadow run (JSON), charted by the dashboard. */
export interface MonitorResultsTable {
  id: Generated<number>;
  run_id: string;
  kind: string;
  result: string;
  created_at: string;
}

export interface DriftBaselinesTable {
  name: string;
  /** JSON: projection seeds and bin edges, language/rating shares, volume. */
  baseline: string;
  created_at: string;
}

/** Trained polarity model artifacts; at most one is active (migration 0011). */
export interface PolarityModelsTable {
  model_id: string;
  format: string;
  artifact: string;
  report: string;
  active: number;
  created_at: string;
}
