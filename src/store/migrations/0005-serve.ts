import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/** Serving: API keys (hashed), A/B experiments, feedback and events (idempotent), stale-summary refresh requests. */
export function serve(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('experiments')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('champion', 'text', (c) => c.notNull())
        .addColumn('challenger', 'text', (c) => c.notNull())
        .addColumn('challenger_share', 'real', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('stopped_at', 'text')
        .execute();

      // Feedback and events share one table: both are attributed to a variant and counted by the same report.
      await withSerialId(dialect, db.schema.createTable('events'))
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text')
        .addColumn('experiment', 'text')
        .addColumn('variant', 'text')
        .addColumn('model_version', 'text')
        .addColumn('helpful', 'integer')
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_by_experiment')
        .on('events')
        .columns(['experiment', 'variant', 'type'])
        .execute();
      await db.schema.createIndex('events_by_time').on('events').columns(['created_at']).execute();

      await db.schema
        .createTable('summary_refresh_requests')
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('stale_etag', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('summary_refresh_requests_pk', ['product_id', 'stale_etag'])
        .execute();
    },
  };
}
