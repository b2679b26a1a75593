import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { StoreDialect } from '../store.js';

/** Serial integer ids: `serial` on PostgreSQL, `integer primary key autoincrement` on SQLite. */
export function withSerialId(dialect: StoreDialect, table: CreateTableBuilder<string>) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Binary column type: `bytea` on PostgreSQL, `blob` on SQLite. */
export const blobType = (dialect: StoreDialect) => sql.raw(dialect === 'postgres' ? 'bytea' : 'blob');

/** Reviews, products, rejects, chunks, summaries, skips and runs. */
export function backbone(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('runs')
        .addColumn('run_id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('error', 'text')
        .execute();

      await db.schema
        .createTable('reviews')
        .addColumn('review_id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('star_rating', 'integer', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('review_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('helpful_votes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('verified_purchase', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('language_source', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('product_name', 'text')
        .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('indexed_hash', 'text')
        .addColumn('last_seen_run', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reviews_by_product').on('reviews').columns(['product_id']).execute();

      await db.schema
        .createTable('products')
        .addColumn('product_id', 'text', (c) => c.primaryKey())
        .addColumn('product_name', 'text')
        .addColumn('category', 'text')
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withSerialId(dialect, db.schema.createTable('rejects'))
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rejects_by_reason').on('rejects').columns(['reason', 'run_id']).execute();

      await db.schema
        .createTable('chunks')
        .addColumn('chunk_id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('sentiment', 'real', (c) => c.notNull())
        .addColumn('polarity', 'text', (c) => c.notNull())
        .addColumn('aspects', 'text', (c) => c.notNull())
        .addColumn('star_rating', 'integer', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('helpful_votes', 'integer', (c) => c.notNull())
        .addColumn('verified_purchase', 'integer', (c) => c.notNull())
        .addColumn('embedding', blobType(dialect), (c) => c.notNull())
        .addColumn('embedder_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('chunks_by_product').on('chunks').columns(['product_id']).execute();
      await db.schema.createIndex('chunks_by_review').on('chunks').columns(['review_id']).execute();

      await withSerialId(dialect, db.schema.createTable('summaries'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('product_revision', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('generated_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('summaries_latest')
        .on('summaries')
        .columns(['product_id', 'model_version', 'id'])
        .execute();

      await db.schema
        .createTable('summary_skips')
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('review_count', 'integer', (c) => c.notNull())
        .addColumn('product_revision', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('summary_skips_pk', ['product_id', 'model_version'])
        .execute();
    },
  };
}
