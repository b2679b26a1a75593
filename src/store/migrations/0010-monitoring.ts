import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/** Monitoring (issue 9): alerts with state, results of drift/quality/shadow runs, drift baselines. */
export function monitoring(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withSerialId(dialect, db.schema.createTable('alerts'))
        // Deduplication key: one open alert per key; a new episode after resolution is a new row.
        .addColumn('alert_key', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('fired_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('alerts_by_key_state').on('alerts').columns(['alert_key', 'state']).execute();

      await withSerialId(dialect, db.schema.createTable('monitor_results'))
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('monitor_results_by_kind').on('monitor_results').columns(['kind', 'id']).execute();

      await db.schema
        .createTable('drift_baselines')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('baseline', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
