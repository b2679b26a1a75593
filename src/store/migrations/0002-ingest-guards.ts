import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/**
 * Ingest guards: review flags (kept out of summaries), text signatures for exact and near-duplicate lookup,
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
        // sha1 of user id + dedup key: the same user reposting, however short the text.
        .addColumn('user_hash', 'text')
        .addColumn('simhash', 'text', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        // The duplicate verdict when first seen ('' = original), so a re-ingest reproduces it exactly.
        .addColumn('verdict', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('verdict_detail', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('text_signatures_by_hash').on('text_signatures').columns(['text_hash']).execute();
      await db.schema.createIndex('text_signatures_by_user').on('text_signatures').columns(['user_hash']).execute();

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
