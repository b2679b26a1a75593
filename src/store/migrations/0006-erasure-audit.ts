import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { withSerialId } from './0001-backbone.js';

/** Erasure audit: what was erased and when, without the personal data (the subject id is hashed). */
export function erasureAudit(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withSerialId(dialect, db.schema.createTable('erasure_audit'))
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_hash', 'text', (c) => c.notNull())
        .addColumn('reviews_erased', 'integer', (c) => c.notNull())
        .addColumn('chunks_erased', 'integer', (c) => c.notNull())
        .addColumn('rejects_erased', 'integer', (c) => c.notNull())
        .addColumn('products_affected', 'integer', (c) => c.notNull())
        .addColumn('summaries_withdrawn', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
