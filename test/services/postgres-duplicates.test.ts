import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateDetector, type SignatureInput } from '../../src/ingest/flags/duplicates.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgresDatabase } from '../../src/test-support/services.js';

// The process-wide near-duplicate window reads PostgreSQL signatures in `seq` order (migration 0012).
let store: Store;
let otherProcess: Store;
let dropDatabase: () => Promise<void>;

const LONG =
  'The battery lasts two full days and the screen stays bright even in direct sunlight outdoors. Setup took five ' +
  'minutes, the companion app is clear, and the strap is soft on the wrist during long runs';
const NEAR = LONG.replace('The ', '');
const review = (reviewId: string, userId: string, text: string): SignatureInput => ({
  reviewId,
  productId: 'p1',
  userId,
  text,
});

beforeAll(async () => {
  const database = await freshPostgresDatabase();
  dropDatabase = database.drop;
  store = await openPostgresStore(database.url);
  otherProcess = await openPostgresStore(database.url);
});

afterAll(async () => {
  await otherProcess?.close();
  await store?.close();
  await dropDatabase?.();
});

describe('near-duplicate detection on PostgreSQL', () => {
  it('finds near copies stored by another process after the window was filled, and forgets erased ones', async () => {
    await new DuplicateDetector(store.db).flag([review('x', 'u9', 'Short words only')]);
    await new DuplicateDetector(otherProcess.db).flag([review('a', 'u1', LONG)]);
    const flags = await new DuplicateDetector(store.db).flag([review('c', 'u3', NEAR)]);
    expect(flags.get('c')?.reason).toBe('near_duplicate');

    await store.db.deleteFrom('text_signatures').where('review_id', 'in', ['a', 'c']).execute();
    expect((await new DuplicateDetector(store.db).flag([review('d', 'u4', NEAR)])).size).toBe(0);
  });
});
