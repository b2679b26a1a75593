import { it } from 'vitest';
import { ingest } from '../src/ingest/ingest.js';
import { openFileSource } from '../src/ingest/sources/open-source.js';
import { generateSample } from '../src/sample/index.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import type { Store } from '../src/store/store.js';
import { freshPostgresDatabase } from '../src/test-support/services.js';
import { tempStore, toJsonl, writeTempFile } from '../src/test-support/temp-store.js';

// `npm run bench:store`: the same ingest (JSONL in, reviews + rejects out) into SQLite and into PostgreSQL
// (the machine's server, a fresh database), to quote PostgreSQL's throughput as a share of SQLite's.
const REVIEWS_PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 1000);

async function timeIngest(store: Store, path: string, label: string) {
  const started = performance.now();
  const counts = await ingest(store.db, openFileSource(path), { runId: `bench-${label}`, defaultLanguage: 'en' });
  const seconds = (performance.now() - started) / 1000;
  return {
    store: label,
    reviews: counts.reviews_read,
    seconds: Math.round(seconds * 100) / 100,
    reviews_per_second: Math.round(counts.reviews_read / seconds),
  };
}

it('ingest throughput: SQLite vs PostgreSQL', async () => {
  const workspace = await tempStore();
  const database = await freshPostgresDatabase();
  const postgres = await openPostgresStore(database.url);
  try {
    const records = [...generateSample({ products: REVIEWS_PRODUCTS, seed: 1 })].map((i) => i.record);
    const path = writeTempFile(workspace.dir, 'bench.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
    const sqlite = await timeIngest(workspace.store, path, 'sqlite');
    const pg = await timeIngest(postgres, path, 'postgres');
    console.log(JSON.stringify(sqlite));
    console.log(JSON.stringify(pg));
    console.log(
      JSON.stringify({
        postgres_share_of_sqlite: Math.round((pg.reviews_per_second / sqlite.reviews_per_second) * 100) / 100,
      }),
    );
  } finally {
    await postgres.close();
    await database.drop();
    await workspace.cleanup();
  }
});
