/**
 * The near-duplicate window over the store's committed signatures, one per store handle and process, shared by
 * every ingest run of that process (CLI runs, worker jobs, each `POST /v1/reviews`). It was per run before: every
 * HTTP batch paged through all distinctive signatures of the store (about a second per request at a million
 * reviews). Now the first run fills it and each later look reads only the signatures stored since the last one,
 * in storage order (SQLite rowid, PostgreSQL `seq`, migration 0012), so it also sees other processes' writes.
 *
 * The window holds only what was committed: a batch that fails never enters it. Entries are not removed when a
 * review is erased or its text edited, so every candidate is checked against the store before it counts; hits are
 * rare, so that costs one point query now and then. Across concurrent writers the window is best effort, like
 * the rest of duplicate detection (a PostgreSQL transaction that commits after a later-numbered one is missed).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { signaturesAfter, storedSimhash } from '../../store/text-signatures.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { fromHex, hamming, NEAR_DUPLICATE_DISTANCE, type SimHash } from './simhash.js';

const PAGE = 5000;

export class StoreNearDuplicateWindow {
  private readonly index: NearDuplicateIndex;
  /** Storage position of the last signature read. */
  private after = 0;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly minWords: number,
    capacity: number,
  ) {
    this.index = new NearDuplicateIndex(capacity);
  }

  /**
   * Reads the signatures stored since the last read. Reads run one at a time, and each starts after it was asked
   * for: a run that has just committed a batch must find that batch in the window, which sharing a read already
   * in flight would not guarantee.
   */
  catchUp(): Promise<void> {
    const read = this.reading.then(() => this.readNew());
    this.reading = read.catch(() => {});
    return read;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const rows = await signaturesAfter(this.db, this.after, this.minWords, PAGE);
      for (const row of rows) this.index.add(fromHex(row.simhash), row.review_id);
      if (rows.length > 0) this.after = rows[rows.length - 1]!.seq;
      if (rows.length < PAGE) return;
    }
  }

  /** A stored review within Hamming distance 3 of `hash` (not `selfId`) whose signature still says so. */
  async find(hash: SimHash, selfId: string): Promise<string | undefined> {
    for (const id of this.index.matches(hash, selfId)) {
      const stored = await storedSimhash(this.db, id);
      if (stored !== undefined && hamming(hash, fromHex(stored)) <= NEAR_DUPLICATE_DISTANCE) return id;
    }
    return undefined;
  }
}

const windows = new WeakMap<Kysely<Database>, Map<string, StoreNearDuplicateWindow>>();

/** The process's window for this store handle and settings (created empty; `catchUp` fills it). */
export function storeNearDuplicateWindow(
  db: Kysely<Database>,
  minWords: number,
  capacity: number,
): StoreNearDuplicateWindow {
  let byOptions = windows.get(db);
  if (!byOptions) {
    byOptions = new Map();
    windows.set(db, byOptions);
  }
  const key = `${minWords}/${capacity}`;
  let window = byOptions.get(key);
  if (!window) {
    window = new StoreNearDuplicateWindow(db, minWords, capacity);
    byOptions.set(key, window);
  }
  return window;
}
