import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { redactedStderr } from '../privacy/redacting-stream.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database as Schema } from './schema.js';
import type { Store } from './store.js';

// PostgreSQL returns BIGINT (count(*), sum) as strings to avoid precision loss; review counts fit easily in a
// JS number, so parse them at the driver boundary and keep the stages dialect-agnostic.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface PostgresStoreOptions {
  /** Connections in the pool; the batch job needs one per concurrent product plus one. */
  readonly maxConnections?: number;
}

/**
 * Opens the PostgreSQL system of record (`DATABASE_URL`) and migrates it to the same schema as SQLite.
 * Vectors stay bytea scored in process (Debian has no pgvector; per-product scoring needs no index).
 */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle pooled connection can be closed by the server (restart, failover, admin): the pool drops it and
  // the next query opens a new one. Without a listener that event would crash the process.
  pool.on('error', (error) => {
    redactedStderr().write(`${JSON.stringify({ event: 'postgres_idle_connection_error', message: error.message })}\n`);
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>, 'postgres');
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
