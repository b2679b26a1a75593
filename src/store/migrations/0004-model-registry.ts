import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/** Model registry: versions with their stage, stored evaluation reports, and an audit trail of every change. */
export function modelRegistry(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('model_versions')
        .addColumn('version', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('adapter', 'text')
        .addColumn('prompt_template_version', 'text')
        .addColumn('retrieval_id', 'text', (c) => c.notNull())
        .addColumn('retrieval_params', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('inference_params', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('data_snapshot_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('model_versions_by_stage').on('model_versions').columns(['stage']).execute();

      await withSerialId(dialect, db.schema.createTable('model_eval_reports'))
        .addColumn('report_id', 'text', (c) => c.notNull().unique())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('model_eval_reports_by_version')
        .on('model_eval_reports')
        .columns(['version', 'dataset', 'id'])
        .execute();

      await withSerialId(dialect, db.schema.createTable('model_events'))
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_stage', 'text')
        .addColumn('to_stage', 'text')
        .addColumn('forced', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reason', 'text')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('model_events_by_version').on('model_events').columns(['version', 'id']).execute();
    },
  };
}
