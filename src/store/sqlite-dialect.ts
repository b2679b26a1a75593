import type Database from 'better-sqlite3';
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * On SQLITE_FULL (and some I/O errors) SQLite rolls the whole transaction back by itself. Kysely then sends
 * its own ROLLBACK, which fails with "cannot rollback - no transaction is active" and replaces the real cause
 * — a full disk would be reported as a meaningless SQL error. This driver skips the ROLLBACK when SQLite has
 * already done it, so the original error reaches the caller (and store-errors.ts can explain it).
 */
class AutoRollbackAwareDriver extends SqliteDriver {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

export class StoreSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new AutoRollbackAwareDriver(this.sqlite);
  }
}
