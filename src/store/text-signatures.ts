/**
 * Lookups in `text_signatures` for duplicate detection (ingest/flags/duplicates.ts), one batch at a time.
 * On SQLite they run as indexed point queries on statements prepared once (sqlite-native.ts): an IN list
 * of a batch's hashes is new SQL text for every batch, and preparing it cost more than the lookups.
 * Writes go with the batch's reviews (review-batch-ops.ts `writeSignatures`).
 */
import { type Kysely, sql } from 'kysely';
import { inReviewBatch, type SignatureWrites } from './review-batch-ops.js';
import type { Database } from './schema.js';
import { cachedStatement, nativeSqlite } from './sqlite-native.js';

export interface StoredVerdict {
  review_id: string;
  text_hash: string;
  verdict: string;
  verdict_detail: string;
}

/** The earliest stored review (smallest id) with a given hash. */
export interface FirstWithHash {
  review_id: string;
  product_id: string;
}

const IN_LIMIT = 900;

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Stored signatures (hash and verdict) of these reviews. */
export async function storedVerdicts(db: Kysely<Database>, reviewIds: readonly string[]): Promise<StoredVerdict[]> {
  const sqlite = nativeSqlite(db);
  if (sqlite) {
    const statement = cachedStatement(
      sqlite,
      'select review_id, text_hash, verdict, verdict_detail from text_signatures where review_id = ?',
    );
    return reviewIds.flatMap((id) => (statement.get(id) as StoredVerdict | undefined) ?? []);
  }
  const rows: StoredVerdict[] = [];
  for (const ids of slices(reviewIds, IN_LIMIT)) {
    rows.push(
      ...(await db
        .selectFrom('text_signatures')
        .select(['review_id', 'text_hash', 'verdict', 'verdict_detail'])
        .where('review_id', 'in', ids)
        .execute()),
    );
  }
  return rows;
}

/** For each hash stored in `column`, the earliest review carrying it. */
export async function firstWithHash(
  db: Kysely<Database>,
  column: 'text_hash' | 'user_hash',
  hashes: readonly string[],
): Promise<Map<string, FirstWithHash>> {
  const first = new Map<string, FirstWithHash>();
  const sqlite = nativeSqlite(db);
  if (sqlite) {
    const statement = cachedStatement(
      sqlite,
      `select review_id, product_id from text_signatures where ${column} = ? order by review_id limit 1`,
    );
    for (const hash of hashes) {
      const row = statement.get(hash) as FirstWithHash | undefined;
      if (row) first.set(hash, row);
    }
    return first;
  }
  for (const part of slices(hashes, IN_LIMIT)) {
    const rows = await db
      .selectFrom('text_signatures')
      .select(['review_id', 'product_id', column])
      .where(column, 'in', part)
      .orderBy('review_id')
      .execute();
    for (const row of rows) {
      const hash = row[column as 'text_hash'];
      if (!first.has(hash)) first.set(hash, { review_id: row.review_id, product_id: row.product_id });
    }
  }
  return first;
}

/** Signature writes on their own (outside an ingest batch): one transaction. */
export function writeTextSignatures(db: Kysely<Database>, writes: SignatureWrites): Promise<void> {
  return inReviewBatch(db, (ops) => ops.writeSignatures(writes));
}

/**
 * SQLite only (undefined elsewhere): an upper bound of the stored signatures, from the largest rowid — O(log n),
 * where `count(*)` reads a whole index. Erased reviews leave gaps, so it may overestimate, never under.
 */
export function signatureCountBound(db: Kysely<Database>): number | undefined {
  const sqlite = nativeSqlite(db);
  if (!sqlite) return undefined;
  const row = cachedStatement(sqlite, 'select max(rowid) as bound from text_signatures').get() as {
    bound: number | null;
  };
  return row.bound ?? 0;
}

/** SQLite only: streams every stored review id, text and user hash (one row at a time). False elsewhere. */
export function forEachSignatureKey(
  db: Kysely<Database>,
  visit: (reviewId: string, textHash: string, userHash: string | null) => void,
): boolean {
  const sqlite = nativeSqlite(db);
  if (!sqlite) return false;
  const rows = cachedStatement(sqlite, 'select review_id, text_hash, user_hash from text_signatures')
    .raw(true)
    .iterate();
  for (const [reviewId, textHash, userHash] of rows as Iterable<[string, string, string | null]>) {
    visit(reviewId, textHash, userHash);
  }
  return true;
}

/** A distinctive stored signature in commit order: `seq` is SQLite's rowid or PostgreSQL's `seq` identity. */
export interface SignatureInOrder {
  seq: number;
  review_id: string;
  simhash: string;
}

/**
 * Up to `limit` signatures of at least `minWords` words stored after position `after`, in storage order, so a
 * near-duplicate window can catch up with what was committed since it last looked (store-near-duplicates.ts).
 */
export async function signaturesAfter(
  db: Kysely<Database>,
  after: number,
  minWords: number,
  limit: number,
): Promise<SignatureInOrder[]> {
  const sqlite = nativeSqlite(db);
  if (sqlite) {
    return cachedStatement(
      sqlite,
      'select rowid as seq, review_id, simhash from text_signatures where rowid > ? and words >= ? order by rowid limit ?',
    ).all(after, minWords, limit) as SignatureInOrder[];
  }
  const { rows } = await sql<{ seq: string; review_id: string; simhash: string }>`
    select seq, review_id, simhash from text_signatures
    where seq > ${after} and words >= ${minWords} order by seq limit ${limit}`.execute(db);
  return rows.map((row) => ({ seq: Number(row.seq), review_id: row.review_id, simhash: row.simhash }));
}

/** The stored SimHash of one review, if it still has a signature (erasure and edits remove or replace it). */
export async function storedSimhash(db: Kysely<Database>, reviewId: string): Promise<string | undefined> {
  const sqlite = nativeSqlite(db);
  if (sqlite) {
    const row = cachedStatement(sqlite, 'select simhash from text_signatures where review_id = ?').get(reviewId) as
      | { simhash: string }
      | undefined;
    return row?.simhash;
  }
  const row = await db
    .selectFrom('text_signatures')
    .select('simhash')
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
  return row?.simhash;
}
