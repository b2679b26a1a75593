/**
 * The better-sqlite3 handle behind a SQLite store's Kysely instance, for the few bulk write paths where
 * Kysely's per-query cost (building the query, compiling it, preparing a fresh statement for every call)
 * is most of the work: the ingest batch writes. Code outside src/store never sees the handle; it calls the
 * store functions, which choose the SQLite path when a handle is registered and the Kysely path otherwise
 * (PostgreSQL).
 */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';

const handles = new WeakMap<Kysely<never>, Database.Database>();
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function registerNativeSqlite<T>(db: Kysely<T>, sqlite: Database.Database): void {
  handles.set(db as unknown as Kysely<never>, sqlite);
}

export function nativeSqlite<T>(db: Kysely<T>): Database.Database | undefined {
  return handles.get(db as unknown as Kysely<never>);
}

/** Prepared once per connection and SQL text: the bulk paths use a handful of fixed statements. */
export function cachedStatement(sqlite: Database.Database, sqlText: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(sqlText);
  if (!statement) {
    statement = sqlite.prepare(sqlText);
    cache.set(sqlText, statement);
  }
  return statement;
}

/**
 * Runs `work` in one transaction on the raw connection while holding Kysely's connection (its mutex), so no
 * Kysely query or transaction of this process interleaves with it. `work` may await; it must use only
 * `sqlite`, never `db`, or it would wait for the connection it holds.
 */
export async function inNativeTransaction<T, R>(
  db: Kysely<T>,
  sqlite: Database.Database,
  work: () => Promise<R>,
): Promise<R> {
  return db.connection().execute(async () => {
    cachedStatement(sqlite, 'begin').run();
    try {
      const result = await work();
      cachedStatement(sqlite, 'commit').run();
      return result;
    } catch (error) {
      // SQLite rolls back by itself on SQLITE_FULL and some I/O errors; a second ROLLBACK would hide the cause.
      if (sqlite.inTransaction) cachedStatement(sqlite, 'rollback').run();
      throw error;
    }
  });
}
