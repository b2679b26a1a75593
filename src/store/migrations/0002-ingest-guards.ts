import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/**
 * Ingest guards: review flags (kept out of summaries), text signatures for (near-)duplicate lookup by band,
 * and snapshots (Parquet + manifest per accepted batch) with the snapshot id recorded on the run.
 */
export function ingestGuards(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Comma-separated flag reason codes; '' = included in summaries.
      await db.schema
        .alterTable('reviews')
        .addColumn('flags', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('runs').addColumn('snapshot_id', 'text').execute();

      await withSerialId(dialect, db.schema.createTable('review_flags'))
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_flags_by_reason').on('review_flags').columns(['reason', 'run_id']).execute();
      await db.schema.createIndex('review_flags_by_review').on('review_flags').columns(['review_id']).execute();

      await db.schema
        .createTable('text_signatures')
        .addColumn('review_id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('text_hash', 'text', (c) => c.notNull())
        .addColumn('simhash', 'text', (c) => c.notNull())
        // The duplicate verdict when first seen ('' = original), so a re-ingest reproduces it exactly.
        .addColumn('verdict', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('verdict_detail', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('text_signatures_by_hash').on('text_signatures').columns(['text_hash']).execute();
      // One row per (band, value): a near-duplicate (Hamming ≤ 3 of 64 bits) shares at least one of 4 bands.
      await db.schema
        .createTable('signature_bands')
        .addColumn('band', 'integer', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('signature_bands_by_band').on('signature_bands').columns(['band']).execute();

      await db.schema
        .createTable('snapshots')
        .addColumn('snapshot_id', 'text', (c) => c.primaryKey())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('schema_version', 'integer', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
