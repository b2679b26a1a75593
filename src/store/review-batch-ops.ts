/**
 * The store operations of one ingest batch, behind one interface with two implementations: the Kysely one
 * (any dialect; PostgreSQL) and a SQLite one on the raw better-sqlite3 handle with statements prepared once
 * per connection. On SQLite, Kysely's building, compiling and per-call statement preparation of the
 * multi-row inserts cost more CPU than SQLite's own work (measured in `bench:ingest`, docs/ingest.md).
 * Both run every operation of a batch in one transaction: reviews, products, flags, rejects and the text
 * signatures commit or vanish together.
 */
import { type Kysely, sql } from 'kysely';
import type {
  Database,
  ProductsTable,
  RejectsTable,
  ReviewFlagsTable,
  ReviewsTable,
  TextSignaturesTable,
} from './schema.js';
import { cachedStatement, inNativeTransaction, nativeSqlite } from './sqlite-native.js';

export type RejectRow = Omit<RejectsTable, 'id'>;
export type TextSignatureRow = TextSignaturesTable;

/** A review as the batch writes it: every column written, the index hash always reset (re-index needed). */
export type ReviewRow = Omit<ReviewsTable, 'indexed_hash' | 'flags'> & { indexed_hash: null; flags: string };

/** The columns a batch writes; `revision` is bumped by the write itself. */
export type ProductRow = Omit<ProductsTable, 'revision'>;

export type FlagRow = Omit<ReviewFlagsTable, 'id'>;

/** Signatures to replace (edited texts) and to add, decided by the duplicate detector for one batch. */
export interface SignatureWrites {
  readonly deleted: readonly string[];
  readonly added: readonly TextSignatureRow[];
}

export interface ExistingReview {
  content_hash: string;
  last_seen_run: string;
}

export interface ReviewBatchOps {
  existing(reviewIds: readonly string[]): Promise<Map<string, ExistingReview>>;
  /**
   * Inserts the rows whose id is not stored yet and returns the ids that were (left untouched). Almost every
   * review of an ingest is new: the insert's own key check replaces a lookup per review.
   */
  insertNewReviews(rows: readonly ReviewRow[]): Promise<Set<string>>;
  updateReviews(rows: readonly ReviewRow[]): Promise<void>;
  markSeen(reviewIds: readonly string[], runId: string): Promise<void>;
  /** Inserts new products at revision 1; bumps the revision of known ones. */
  upsertProducts(rows: readonly ProductRow[]): Promise<void>;
  insertFlags(rows: readonly FlagRow[]): Promise<void>;
  insertRejects(rows: readonly RejectRow[]): Promise<void>;
  writeSignatures(writes: SignatureWrites): Promise<void>;
}

/** Runs `work` in one transaction with the store's fastest implementation of the batch operations. */
export function inReviewBatch<R>(db: Kysely<Database>, work: (ops: ReviewBatchOps) => Promise<R>): Promise<R> {
  const sqlite = nativeSqlite(db);
  if (sqlite) return inNativeTransaction(db, sqlite, () => work(new SqliteBatchOps(sqlite)));
  return db.transaction().execute((trx) => work(new KyselyBatchOps(trx)));
}

/** Rows per multi-row insert: 20 columns × 500 rows stay under SQLite's 32,766 bound-parameter limit. */
const ROWS_PER_INSERT = 500;
const IDS_PER_IN = 900;

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

class KyselyBatchOps implements ReviewBatchOps {
  constructor(private readonly trx: Kysely<Database>) {}

  async existing(reviewIds: readonly string[]): Promise<Map<string, ExistingReview>> {
    const existing = new Map<string, ExistingReview>();
    for (const ids of slices(reviewIds, IDS_PER_IN)) {
      const rows = await this.trx
        .selectFrom('reviews')
        .select(['review_id', 'content_hash', 'last_seen_run'])
        .where('review_id', 'in', ids)
        .execute();
      for (const row of rows) existing.set(row.review_id, row);
    }
    return existing;
  }

  async insertNewReviews(rows: readonly ReviewRow[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (const part of slices(rows, ROWS_PER_INSERT)) {
      const written = await this.trx
        .insertInto('reviews')
        .values(part)
        .onConflict((oc) => oc.column('review_id').doNothing())
        .returning('review_id')
        .execute();
      for (const row of written) inserted.add(row.review_id);
    }
    return new Set(rows.filter((row) => !inserted.has(row.review_id)).map((row) => row.review_id));
  }

  async updateReviews(rows: readonly ReviewRow[]): Promise<void> {
    for (const { review_id, ...changes } of rows) {
      await this.trx.updateTable('reviews').set(changes).where('review_id', '=', review_id).execute();
    }
  }

  async markSeen(reviewIds: readonly string[], runId: string): Promise<void> {
    for (const ids of slices(reviewIds, IDS_PER_IN)) {
      await this.trx.updateTable('reviews').set({ last_seen_run: runId }).where('review_id', 'in', ids).execute();
    }
  }

  async upsertProducts(rows: readonly ProductRow[]): Promise<void> {
    for (const row of rows) {
      await this.trx
        .insertInto('products')
        .values({ ...row, revision: 1 })
        .onConflict((oc) =>
          oc.column('product_id').doUpdateSet({
            revision: sql`products.revision + 1`,
            product_name: sql`coalesce(excluded.product_name, products.product_name)`,
            category: sql`coalesce(excluded.category, products.category)`,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    }
  }

  async insertFlags(rows: readonly FlagRow[]): Promise<void> {
    for (const part of slices(rows, ROWS_PER_INSERT)) await this.trx.insertInto('review_flags').values(part).execute();
  }

  async insertRejects(rows: readonly RejectRow[]): Promise<void> {
    for (const part of slices(rows, ROWS_PER_INSERT)) await this.trx.insertInto('rejects').values(part).execute();
  }

  async writeSignatures(writes: SignatureWrites): Promise<void> {
    for (const ids of slices(writes.deleted, IDS_PER_IN)) {
      await this.trx.deleteFrom('text_signatures').where('review_id', 'in', ids).execute();
    }
    for (const part of slices(writes.added, ROWS_PER_INSERT)) {
      await this.trx
        .insertInto('text_signatures')
        .values(part)
        .onConflict((oc) => oc.column('review_id').doNothing())
        .execute();
    }
  }
}

const REVIEW_COLUMNS = [
  'product_id',
  'star_rating',
  'title',
  'review_text',
  'created_at',
  'user_id',
  'helpful_votes',
  'verified_purchase',
  'language',
  'language_source',
  'category',
  'product_name',
  'metadata',
  'content_hash',
  'indexed_hash',
  'last_seen_run',
  'ingested_at',
  'flags',
] as const;

/** `insert into t (a, b) values (@a, @b)`: better-sqlite3 binds the row object's properties by name. */
const insertSql = (table: string, columns: readonly string[]) =>
  `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`;

const SQLITE = {
  existing: 'select content_hash, last_seen_run from reviews where review_id = ?',
  insertNewReview: `${insertSql('reviews', ['review_id', ...REVIEW_COLUMNS])} on conflict (review_id) do nothing`,
  updateReview: `update reviews set ${REVIEW_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} where review_id = @review_id`,
  markSeen: 'update reviews set last_seen_run = ? where review_id = ?',
  upsertProduct:
    'insert into products (product_id, product_name, category, revision, updated_at) ' +
    'values (@product_id, @product_name, @category, 1, @updated_at) on conflict (product_id) do update set ' +
    'revision = products.revision + 1, product_name = coalesce(excluded.product_name, products.product_name), ' +
    'category = coalesce(excluded.category, products.category), updated_at = excluded.updated_at',
  insertFlag: insertSql('review_flags', ['review_id', 'product_id', 'run_id', 'reason', 'detail', 'created_at']),
  insertReject: insertSql('rejects', ['run_id', 'source', 'position', 'reason', 'detail', 'raw', 'created_at']),
  deleteSignature: 'delete from text_signatures where review_id = ?',
  // A signature another writer stored first (the detector's review-id filter is run-scoped) keeps its verdict.
  insertSignature: `${insertSql('text_signatures', [
    'review_id',
    'product_id',
    'user_id',
    'text_hash',
    'user_hash',
    'simhash',
    'words',
    'verdict',
    'verdict_detail',
  ])} on conflict (review_id) do nothing`,
};

/** One prepared statement per operation, run row by row inside the batch transaction (no SQL per batch). */
class SqliteBatchOps implements ReviewBatchOps {
  constructor(private readonly sqlite: import('better-sqlite3').Database) {}

  private each<T>(sqlText: string, rows: readonly T[]): Promise<void> {
    const statement = cachedStatement(this.sqlite, sqlText);
    for (const row of rows) statement.run(row);
    return Promise.resolve();
  }

  existing(reviewIds: readonly string[]): Promise<Map<string, ExistingReview>> {
    const statement = cachedStatement(this.sqlite, SQLITE.existing);
    const existing = new Map<string, ExistingReview>();
    for (const id of reviewIds) {
      const row = statement.get(id) as ExistingReview | undefined;
      if (row) existing.set(id, row);
    }
    return Promise.resolve(existing);
  }

  insertNewReviews(rows: readonly ReviewRow[]): Promise<Set<string>> {
    const statement = cachedStatement(this.sqlite, SQLITE.insertNewReview);
    const stored = new Set<string>();
    for (const row of rows) if (statement.run(row).changes === 0) stored.add(row.review_id);
    return Promise.resolve(stored);
  }

  updateReviews(rows: readonly ReviewRow[]): Promise<void> {
    return this.each(SQLITE.updateReview, rows);
  }

  markSeen(reviewIds: readonly string[], runId: string): Promise<void> {
    const statement = cachedStatement(this.sqlite, SQLITE.markSeen);
    for (const id of reviewIds) statement.run(runId, id);
    return Promise.resolve();
  }

  upsertProducts(rows: readonly ProductRow[]): Promise<void> {
    return this.each(SQLITE.upsertProduct, rows);
  }

  insertFlags(rows: readonly FlagRow[]): Promise<void> {
    return this.each(SQLITE.insertFlag, rows);
  }

  insertRejects(rows: readonly RejectRow[]): Promise<void> {
    return this.each(SQLITE.insertReject, rows);
  }

  writeSignatures(writes: SignatureWrites): Promise<void> {
    const remove = cachedStatement(this.sqlite, SQLITE.deleteSignature);
    for (const id of writes.deleted) remove.run(id);
    return this.each(SQLITE.insertSignature, writes.added);
  }
}
