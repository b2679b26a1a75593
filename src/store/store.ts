import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrateToLatest } from './migrations/index.js';
import type { Database as Schema } from './schema.js';
import { StoreSqliteDialect } from './sqlite-dialect.js';
import { registerNativeSqlite } from './sqlite-native.js';
import { explainStoreError } from './store-errors.js';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * The system of record. Stages receive a Store and speak to it only through the Kysely query builder,
 * so the same code runs on the embedded SQLite file and, later, on PostgreSQL.
 */
export interface Store {
  readonly db: Kysely<Schema>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}

export const DEFAULT_DB_PATH = 'reviewlens.sqlite';

/**
 * Opens the configured store: PostgreSQL when a `postgres://` URL is given (DATABASE_URL), else the SQLite
 * file at `location`.
 */
export async function openStore(location: { databaseUrl?: string; dbPath: string }): Promise<Store> {
  if (location.databaseUrl) {
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore(location.databaseUrl);
  }
  return openSqliteStore(location.dbPath);
}

/**
 * REVIEWLENS_DB_MAX_MB caps the store file (a quota on a shared disk): writes past it fail like a full disk
 * (SQLITE_FULL → RL_ERR_DISK_FULL), cleanly, without touching other tenants' space. The fault tests use it too.
 */
function maxStoreBytesFromEnv(): number | undefined {
  const megabytes = Number(process.env.REVIEWLENS_DB_MAX_MB);
  return Number.isFinite(megabytes) && megabytes > 0 ? Math.floor(megabytes * 1024 * 1024) : undefined;
}

function capStoreSize(sqlite: Database.Database, maxBytes: number | undefined): void {
  if (!maxBytes) return;
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  sqlite.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
}

/** Opens (creating if needed) a SQLite store in WAL mode and migrates it to the latest schema. */
export async function openSqliteStore(path: string): Promise<Store> {
  try {
    return await openSqlite(path);
  } catch (error) {
    throw explainStoreError(error, path);
  }
}

async function openSqlite(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets the API read while a batch writes; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint at ~40 MB of WAL instead of 4 MB: an ingest batch rewrites pages all over the random-key
  // indexes, and a page rewritten by several commits is copied to the database file (and synced) once per
  // checkpoint, not once per commit. Durability is the WAL's either way.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // Erased personal data must not linger in free pages of the file (GDPR Art. 17).
  sqlite.pragma('secure_delete = ON');
  // 32 MB page cache (SQLite's default is 2 MB): an ingest batch inserts into random-key indexes (review ids,
  // text hashes) whose pages otherwise are read back from the OS for every batch; −0.6 CPU s per 100k reviews
  // on the ingest main thread, +~35 MB peak RSS (docs/ingest.md, throughput round 4).
  sqlite.pragma('cache_size = -32768');
  capStoreSize(sqlite, maxStoreBytesFromEnv());
  const db = new Kysely<Schema>({ dialect: new StoreSqliteDialect(sqlite) });
  // The ingest batch writes run on the raw handle (sqlite-native.ts); everything else goes through Kysely.
  registerNativeSqlite(db, sqlite);
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  return {
    db,
    dialect: 'sqlite',
    close: () => db.destroy(),
  };
}
