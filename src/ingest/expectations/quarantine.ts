import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/schema.js';

export const QUARANTINE_FLAG = 'batch_failed';

/**
 * Keeps the reviews a failed batch wrote (inserted or changed by `runId`, i.e. written since `since`) out of
 * the index and the summaries, also for later stand-alone `index`/`summarize` runs: they get the
 * `batch_failed` flag (flagged reviews get no chunks) and a content hash that no incoming record has, so
 * re-ingesting the corrected batch rewrites them with their real flags. Reviews the batch only confirmed
 * unchanged keep their earlier, accepted state.
 */
export async function quarantineRun(
  db: Kysely<Database>,
  runId: string,
  since: string,
  detail: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const written = (query: ReturnType<typeof trx.selectFrom<'reviews'>>) =>
      query.where('last_seen_run', '=', runId).where('ingested_at', '>=', since);
    await trx
      .insertInto('review_flags')
      .columns(['review_id', 'product_id', 'run_id', 'reason', 'detail', 'created_at'])
      .expression(
        written(trx.selectFrom('reviews')).select([
          'review_id',
          'product_id',
          sql<string>`cast(${runId} as text)`.as('run_id'),
          sql<string>`cast(${QUARANTINE_FLAG} as text)`.as('reason'),
          sql<string>`cast(${detail.slice(0, 1000)} as text)`.as('detail'),
          sql<string>`cast(${new Date().toISOString()} as text)`.as('created_at'),
        ]),
      )
      .execute();
    const result = await trx
      .updateTable('reviews')
      .set({
        flags: sql<string>`case when flags = '' then cast(${QUARANTINE_FLAG} as text) else flags || cast(${`,${QUARANTINE_FLAG}`} as text) end`,
        content_hash: sql<string>`'quarantined:' || content_hash`,
      })
      .where('last_seen_run', '=', runId)
      .where('ingested_at', '>=', since)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}
