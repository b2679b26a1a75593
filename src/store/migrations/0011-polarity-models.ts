import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Trained sentence-polarity models (issue 6): the artifact lives in the store, so every process that indexes
 * (CLI, worker, API ingest) scores with the same model; chunks record which model scored them, so activating a
 * new one re-scores. Chunks written before this migration were scored by the lexicon.
 */
export function polarityModels(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('polarity_models')
        .addColumn('model_id', 'text', (c) => c.primaryKey())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('artifact', 'text', (c) => c.notNull())
        /** JSON: per trained language, training size, chosen hyperparameters and held-out accuracy. */
        .addColumn('report', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('chunks')
        .addColumn('sentiment_id', 'text', (c) => c.notNull().defaultTo('lexicon-v1'))
        .execute();
      // The index stage looks for chunks scored by another model on every run.
      await db.schema.createIndex('chunks_by_sentiment_id').on('chunks').column('sentiment_id').execute();
    },
  };
}
