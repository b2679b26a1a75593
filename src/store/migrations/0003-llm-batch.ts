import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/**
 * LLM batch summarization: one row per endpoint call (usage, latency, outcome), one outcome per product
 * revision and model version (how its summary was produced, with reasons), and the dead-letter list of
 * products that could not be summarized at all.
 */
export function llmBatch(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withSerialId(dialect, db.schema.createTable('llm_calls'))
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull())
        .addColumn('completion_tokens', 'integer', (c) => c.notNull())
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('llm_calls_by_run').on('llm_calls').columns(['run_id']).execute();
      await db.schema
        .createTable('summary_outcomes')
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('product_revision', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('produced_by', 'text')
        .addColumn('prompt_version', 'text')
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('dropped_claims', 'integer', (c) => c.notNull())
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull())
        .addColumn('completion_tokens', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('summary_outcomes_pk', ['product_id', 'model_version', 'product_revision'])
        .execute();
      await db.schema
        .createTable('summary_dead_letters')
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('product_revision', 'integer', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('summary_dead_letters_pk', ['product_id', 'model_version'])
        .execute();
    },
  };
}
