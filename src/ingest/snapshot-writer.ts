/**
 * Snapshots and lineage: the accepted reviews of one ingest run are written as ZSTD Parquet parts
 * (`<dir>/<snapshot_id>/part-NNNNN.parquet`, ≤ {@link PART_ROWS} rows each, so memory stays bounded by one part)
 * plus `manifest.json` — content hash (sha256 over the parts), schema version, counts by language, rating and
 * flag reason, rejects by reason, source, time window — and a row in `snapshots`; the run records the id.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table as ArrowTable, tableToIPC } from 'apache-arrow';
import type { Kysely } from 'kysely';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import type { Review } from '../domain/review.js';
import type { Database } from '../store/schema.js';
import { int32Vector, utf8Vector } from './arrow-columns.js';
import type { ExpectationSuiteResult } from './expectations/batch-expectations.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;
/** Rows per Parquet part: the buffer, the Arrow builders and the (never shrinking) WASM heap scale with it. */
export const PART_ROWS = 10_000;

export interface SnapshotManifest {
  snapshot_id: string;
  run_id: string;
  schema_version: number;
  content_hash: string;
  source: string;
  rows: number;
  parts: string[];
  time_window: { from: string | null; to: string | null };
  counts: {
    by_language: Record<string, number>;
    by_rating: Record<string, number>;
    by_flag: Record<string, number>;
    rejects_by_reason: Record<string, number>;
  };
  created_at: string;
  /** The batch expectations and their results (expectations/batch-expectations.ts). */
  expectations?: ExpectationSuiteResult;
}

const bump = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

export class SnapshotWriter {
  readonly snapshotId: string;
  private readonly dir: string;
  private buffer: Review[] = [];
  private readonly parts: string[] = [];
  private readonly hash = createHash('sha256');
  private rows = 0;
  private from: string | null = null;
  private to: string | null = null;
  private readonly byLanguage: Record<string, number> = {};
  private readonly byRating: Record<string, number> = {};
  private readonly byFlag: Record<string, number> = {};

  constructor(
    root: string,
    private readonly runId: string,
    private readonly source: string,
  ) {
    this.snapshotId = `snap-${runId.replace(/^[a-z]+-/, '')}-${randomUUID().slice(0, 6)}`;
    this.dir = join(root, this.snapshotId);
  }

  add(reviews: readonly Review[]): void {
    for (const review of reviews) {
      this.buffer.push(review);
      this.rows++;
      bump(this.byLanguage, review.language);
      bump(this.byRating, String(review.starRating));
      for (const flag of review.flags ?? []) bump(this.byFlag, flag.reason);
      if (this.from === null || review.createdAt < this.from) this.from = review.createdAt;
      if (this.to === null || review.createdAt > this.to) this.to = review.createdAt;
    }
    if (this.buffer.length >= PART_ROWS) this.writePart();
  }

  private writePart(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const text = (pick: (r: Review) => string | null) => utf8Vector(rows.map(pick));
    const int = (pick: (r: Review) => number) => int32Vector(rows.map(pick));
    const arrow = new ArrowTable({
      review_id: text((r) => r.reviewId),
      product_id: text((r) => r.productId),
      star_rating: int((r) => r.starRating),
      title: text((r) => r.title),
      review_text: text((r) => r.reviewText),
      created_at: text((r) => r.createdAt),
      user_id: text((r) => r.userId),
      helpful_votes: int((r) => r.helpfulVotes),
      verified_purchase: int((r) => (r.verifiedPurchase ? 1 : 0)),
      language: text((r) => r.language),
      language_source: text((r) => r.languageSource),
      category: text((r) => r.category),
      product_name: text((r) => r.productName),
      content_hash: text((r) => r.contentHash),
      flags: text((r) => (r.flags ?? []).map((f) => f.reason).join(',')),
    });
    const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(arrow, 'stream')), properties);
    mkdirSync(this.dir, { recursive: true });
    const name = `part-${String(this.parts.length).padStart(5, '0')}.parquet`;
    writeFileSync(join(this.dir, name), bytes);
    this.hash.update(bytes);
    this.parts.push(name);
  }

  /** Writes the last part and the manifest, records the snapshot and links it to the run. */
  async finish(
    db: Kysely<Database>,
    rejectsByReason: Record<string, number>,
    batch: { expectations?: ExpectationSuiteResult; flagsAdded?: Record<string, number> } = {},
  ): Promise<SnapshotManifest> {
    this.writePart();
    // Flags decided after the parts were written (review bombing is a store-level pass) count in the manifest;
    // the parts' per-row `flags` column holds the flags known when each row was written.
    for (const [reason, n] of Object.entries(batch.flagsAdded ?? {}))
      this.byFlag[reason] = (this.byFlag[reason] ?? 0) + n;
    mkdirSync(this.dir, { recursive: true });
    const manifest: SnapshotManifest = {
      snapshot_id: this.snapshotId,
      run_id: this.runId,
      schema_version: SNAPSHOT_SCHEMA_VERSION,
      content_hash: `sha256:${this.hash.digest('hex')}`,
      source: this.source,
      rows: this.rows,
      parts: this.parts,
      time_window: { from: this.from, to: this.to },
      counts: {
        by_language: this.byLanguage,
        by_rating: this.byRating,
        by_flag: this.byFlag,
        rejects_by_reason: rejectsByReason,
      },
      created_at: new Date().toISOString(),
      ...(batch.expectations ? { expectations: batch.expectations } : {}),
    };
    const path = join(this.dir, 'manifest.json');
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    await db
      .insertInto('snapshots')
      .values({
        snapshot_id: this.snapshotId,
        run_id: this.runId,
        path: this.dir,
        manifest: JSON.stringify(manifest),
        content_hash: manifest.content_hash,
        schema_version: SNAPSHOT_SCHEMA_VERSION,
        rows: this.rows,
        created_at: manifest.created_at,
      })
      .execute();
    await db.updateTable('runs').set({ snapshot_id: this.snapshotId }).where('run_id', '=', this.runId).execute();
    return manifest;
  }
}
