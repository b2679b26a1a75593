import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Signatures in storage order, so a long-lived process keeps its near-duplicate window current by reading only
 * what was stored since it last looked (ingest/flags/store-near-duplicates.ts) instead of every signature per
 * ingest request. SQLite has this already: the rowid. PostgreSQL gets an identity column (existing rows are
 * numbered when it is added, which rewrites the table under an exclusive lock: on a large store, run the upgrade
 * while ingest is stopped) and an index to range-scan it.
 */
export function signatureOrder(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await db.schema
        .alterTable('text_signatures')
        .addColumn('seq', 'bigint', (c) => c.generatedByDefaultAsIdentity())
        .execute();
      await db.schema.createIndex('text_signatures_by_seq').on('text_signatures').column('seq').execute();
    },
  };
}
