import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../store/schema.js';

export type ErasureSubject =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'review'; readonly reviewId: string };

export interface ErasureResult {
  reviews_erased: number;
  chunks_erased: number;
  rejects_erased: number;
  products_affected: string[];
  summaries_withdrawn: number;
}

const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');

/** Does a dead-lettered raw record belong to the subject? JSON records by field; CSV lines by whole field. */
function rawBelongsTo(raw: string, subject: ErasureSubject): boolean {
  const id = subject.kind === 'user' ? subject.userId : subject.reviewId;
  if (!raw.includes(id)) return false;
  try {
    const record = JSON.parse(raw) as Record<string, unknown>;
    const value = subject.kind === 'user' ? record.user_id : record.review_id;
    return String(value) === id;
  } catch {
    // Not JSON (a CSV line, or a record that could not be parsed) that contains the id: err on the side of erasing.
    return true;
  }
}

/**
 * GDPR Art. 17 erasure: removes the subject's reviews, their chunks and vectors, dead-lettered copies, and
 * every stored summary of an affected product (history included, since old summaries cite the erased chunks);
 * affected products get a new revision so the next summarize run (or the caller, right away) re-summarizes
 * them from the remaining reviews. An audit row keeps counts and a hash of the subject id, not the data.
 */
export async function eraseSubject(db: Kysely<Database>, subject: ErasureSubject): Promise<ErasureResult> {
  const manifestWrites: { path: string; manifest: object }[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const reviews = await trx
      .selectFrom('reviews')
      .select(['review_id', 'product_id'])
      .where(
        subject.kind === 'user' ? 'user_id' : 'review_id',
        '=',
        subject.kind === 'user' ? subject.userId : subject.reviewId,
      )
      .execute();
    const reviewIds = reviews.map((r) => r.review_id);
    const products = [...new Set(reviews.map((r) => r.product_id))].sort();

    let chunksErased = 0;
    for (let i = 0; i < reviewIds.length; i += 500) {
      const batch = reviewIds.slice(i, i + 500);
      const deleted = await trx.deleteFrom('chunks').where('review_id', 'in', batch).executeTakeFirst();
      chunksErased += Number(deleted.numDeletedRows);
      await trx.deleteFrom('reviews').where('review_id', 'in', batch).execute();
      // Duplicate-detection signatures and flags keep the user id and text hashes of each review.
      await trx.deleteFrom('text_signatures').where('review_id', 'in', batch).execute();
      await trx.deleteFrom('review_flags').where('review_id', 'in', batch).execute();
    }

    // Parquet snapshots are immutable files: their manifests get tombstones (hashed review ids) that every
    // reader of a snapshot must honour; the files are rewritten only when a snapshot is compacted.
    if (reviewIds.length > 0) {
      const tombstones = reviewIds.map(hashOf);
      const snapshots = await trx.selectFrom('snapshots').select(['snapshot_id', 'path', 'manifest']).execute();
      for (const snapshot of snapshots) {
        const manifest = JSON.parse(snapshot.manifest) as { erased_review_sha256?: string[] };
        manifest.erased_review_sha256 = [...new Set([...(manifest.erased_review_sha256 ?? []), ...tombstones])];
        await trx
          .updateTable('snapshots')
          .set({ manifest: JSON.stringify(manifest) })
          .where('snapshot_id', '=', snapshot.snapshot_id)
          .execute();
        manifestWrites.push({ path: join(snapshot.path, 'manifest.json'), manifest });
      }
    }

    let summariesWithdrawn = 0;
    if (products.length > 0) {
      const deleted = await trx.deleteFrom('summaries').where('product_id', 'in', products).executeTakeFirst();
      summariesWithdrawn = Number(deleted.numDeletedRows);
      await trx.deleteFrom('summary_skips').where('product_id', 'in', products).execute();
      await trx
        .updateTable('products')
        .set({ revision: sql`revision + 1`, updated_at: new Date().toISOString() })
        .where('product_id', 'in', products)
        .execute();
    }

    // Dead-lettered records are raw text: scan for the identifier, then confirm per record.
    const id = subject.kind === 'user' ? subject.userId : subject.reviewId;
    const candidates = await trx
      .selectFrom('rejects')
      .select(['id', 'raw'])
      // LIKE wildcards in the id are escaped, not dropped: "user_1" must find "user_1", not only "user1".
      .where(sql<boolean>`raw like ${`%${id.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`)
      .execute();
    const rejectIds = candidates.filter((row) => rawBelongsTo(row.raw, subject)).map((row) => row.id);
    for (let i = 0; i < rejectIds.length; i += 500) {
      await trx
        .deleteFrom('rejects')
        .where('id', 'in', rejectIds.slice(i, i + 500))
        .execute();
    }

    const erased: ErasureResult = {
      reviews_erased: reviewIds.length,
      chunks_erased: chunksErased,
      rejects_erased: rejectIds.length,
      products_affected: products,
      summaries_withdrawn: summariesWithdrawn,
    };
    await trx
      .insertInto('erasure_audit')
      .values({
        requested_at: new Date().toISOString(),
        subject_kind: subject.kind,
        subject_hash: hashOf(id),
        reviews_erased: erased.reviews_erased,
        chunks_erased: erased.chunks_erased,
        rejects_erased: erased.rejects_erased,
        products_affected: products.length,
        summaries_withdrawn: summariesWithdrawn,
      })
      .execute();
    return erased;
  });
  // After the commit: the store is the source of truth, the files follow it.
  for (const { path, manifest } of manifestWrites) {
    if (existsSync(path)) writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return result;
}
