import type { Insertable, Kysely } from 'kysely';
import type { Database, EventsTable } from './schema.js';

export const EVENT_TYPES = ['impression', 'expand', 'purchase', 'return', 'feedback'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type NewEvent = Omit<Insertable<EventsTable>, 'id' | 'type'> & { type: EventType };

/**
 * Stores an event once per idempotency key: a retried request (same key) is acknowledged but not counted twice.
 * Returns whether this call stored it.
 */
export async function recordEvent(db: Kysely<Database>, event: NewEvent): Promise<boolean> {
  const result = await db
    .insertInto('events')
    .values(event)
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Records that a stale summary was served, once per stale version; returns whether the request is new. */
export async function requestRefresh(db: Kysely<Database>, productId: string, staleEtag: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('summary_refresh_requests')
      .values({ product_id: productId, stale_etag: staleEtag, requested_at: new Date().toISOString() })
      .onConflict((conflict) => conflict.columns(['product_id', 'stale_etag']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    // The summarize stage picks products whose revision has no summary: bumping it queues the refresh.
    await trx
      .updateTable('products')
      .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date().toISOString() }))
      .where('product_id', '=', productId)
      .execute();
    return true;
  });
}
