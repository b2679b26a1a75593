import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Summary } from '../../src/domain/summary.js';
import { openFileSource } from '../../src/ingest/sources/open-source.js';
import { defaultComponents } from '../../src/pipeline/components.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { generateSample } from '../../src/sample/index.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { allLatestSummaries } from '../../src/store/summaries.js';
import { freshPostgresDatabase } from '../../src/test-support/services.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';

// The same pipeline code on PostgreSQL must give the same summaries as on the embedded SQLite store.
let postgres: Store;
let dropDatabase: () => Promise<void>;
let sqlite: Awaited<ReturnType<typeof tempStore>>;
let input: string;
const config = loadConfig({ minReviews: '5' }, {});

beforeAll(async () => {
  const database = await freshPostgresDatabase();
  dropDatabase = database.drop;
  postgres = await openPostgresStore(database.url);
  sqlite = await tempStore();
  const records = [...generateSample({ products: 60, seed: 5 })].map((item) => item.record);
  input = writeTempFile(sqlite.dir, 'reviews.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
});

afterAll(async () => {
  await postgres?.close();
  await dropDatabase?.();
  await sqlite?.cleanup();
});

async function summaries(store: Store): Promise<Omit<Summary, 'generated_at' | 'expires_at'>[]> {
  const out: Omit<Summary, 'generated_at' | 'expires_at'>[] = [];
  for await (const { generated_at: _g, expires_at: _e, ...rest } of allLatestSummaries(store.db)) out.push(rest);
  return out.sort((a, b) => (a.product_id < b.product_id ? -1 : 1));
}

describe('PostgreSQL store', () => {
  it('runs the whole pipeline and produces exactly the summaries of the SQLite store', async () => {
    const onPostgres = await runPipeline(postgres, openFileSource(input), config, defaultComponents());
    const onSqlite = await runPipeline(sqlite.store, openFileSource(input), config, defaultComponents());
    const counts = ({ run_id, seconds, stage_seconds, ...rest }: typeof onPostgres) => rest;
    expect(counts(onPostgres)).toEqual(counts(onSqlite));
    expect(onPostgres.products_summarized).toBeGreaterThan(50);
    expect(await summaries(postgres)).toEqual(await summaries(sqlite.store));
  });

  it('is idempotent on PostgreSQL too', async () => {
    const again = await runPipeline(postgres, openFileSource(input), config, defaultComponents());
    expect(again).toMatchObject({ products_summarized: 0, chunks_written: 0, reviews_accepted: again.reviews_read });
  });
});
