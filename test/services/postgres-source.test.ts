import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { withColumnMapping } from '../../src/ingest/sources/column-mapping.js';
import { openSource } from '../../src/ingest/sources/open-source.js';
import { postgresSource } from '../../src/ingest/sources/postgres-source.js';
import type { SourceItem } from '../../src/ingest/sources/source-item.js';
import { freshPostgresDatabase } from '../../src/test-support/services.js';
import { tempStore } from '../../src/test-support/temp-store.js';

// A shop's own review table on the machine's PostgreSQL, read in daily windows like a nightly job would.
const CLI = join(import.meta.dirname, '../../bin/reviewlens.js');
const MAPPING = { review_id: 'id', product_id: 'sku', star_rating: 'stars', review_text: 'body', language: 'lang' };
let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let temp: Awaited<ReturnType<typeof tempStore>>;

const TEXTS = [
  'The battery lasts two full days and the sound is clear.',
  'Der Akku hält zwei Tage und der Klang ist sehr klar.',
  'La batterie tient deux jours et le son est très clair.',
];

beforeAll(async () => {
  database = await freshPostgresDatabase();
  temp = await tempStore();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`create table shop_reviews (
      id bigint primary key, sku text not null, stars smallint, body text, lang text,
      created_at timestamptz not null, published date, internal_note text)`);
    // 3 days × 40 rows, every 36 minutes from 2026-03-01T00:00Z; day 2 holds ids 40–79.
    await client.query(
      `insert into shop_reviews (id, sku, stars, body, lang, created_at, published)
       select i, 'sku-' || (i % 4), (i % 5) + 1, ($1::text[])[(i % 3) + 1] || ' #' || i, ($2::text[])[(i % 3) + 1],
              ts, (ts at time zone 'UTC')::date
       from generate_series(0, 119) as i,
            lateral (select timestamptz '2026-03-01T00:00:00Z' + i * interval '36 minutes' as ts) t`,
      [TEXTS, ['en', 'de', 'fr']],
    );
  } finally {
    await client.end();
  }
});

afterAll(async () => {
  await temp?.cleanup();
  await database?.drop();
});

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('PostgreSQL source', () => {
  it('streams exactly the rows of the window, in created_at order, across cursor pages', async () => {
    const source = postgresSource({
      url: database.url,
      table: 'public.shop_reviews',
      since: new Date('2026-03-02T00:00:00Z'),
      until: new Date('2026-03-03T00:00:00Z'),
      fetchRows: 7,
    });
    const items = await collect(source.items());
    expect(items).toHaveLength(40);
    const first = items[0];
    expect(first).toMatchObject({
      kind: 'record',
      position: 1,
      // bigint stays a string, timestamptz becomes ISO 8601, a date stays a calendar date, NULL is absent.
      fields: { id: '40', sku: 'sku-0', stars: 1, created_at: '2026-03-02T00:00:00.000Z', published: '2026-03-02' },
    });
    expect(first?.kind === 'record' && 'internal_note' in first.fields).toBe(false);
    expect(source.name).toBe('postgres:public.shop_reviews[2026-03-02T00:00:00.000Z,2026-03-03T00:00:00.000Z)');
  });

  it('ingests a window with a column mapping; consecutive windows add up without overlap', async () => {
    const window = (since: string, until: string) =>
      withColumnMapping(
        postgresSource({ url: database.url, table: 'shop_reviews', since: new Date(since), until: new Date(until) }),
        MAPPING,
      );
    const day1 = await ingest(temp.store.db, window('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'), {
      runId: 'ingest-pg-day1',
      defaultLanguage: 'en',
    });
    const day2 = await ingest(temp.store.db, window('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'), {
      runId: 'ingest-pg-day2',
      defaultLanguage: 'en',
    });
    expect(day1).toMatchObject({ reviews_read: 40, reviews_accepted: 40, reviews_inserted: 40 });
    expect(day2).toMatchObject({ reviews_read: 40, reviews_accepted: 40, reviews_inserted: 40 });
    const stored = await temp.store.db
      .selectFrom('reviews')
      .select(['review_id', 'product_id', 'star_rating', 'language', 'review_text', 'metadata'])
      .where('review_id', '=', '41')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ product_id: 'sku-1', star_rating: 2, language: 'fr' });
    expect(stored.review_text).toContain('La batterie');
    // Unmapped source columns are kept as metadata, mapped ones are not duplicated there.
    expect(JSON.parse(stored.metadata)).toEqual({ published: '2026-03-02' });
  });

  it('says what is wrong with a missing table or a bad window, without the password', async () => {
    const missing = postgresSource({
      url: database.url,
      table: 'no_such_table',
      since: new Date('2026-03-01'),
      until: new Date('2026-03-02'),
    });
    await expect(collect(missing.items())).rejects.toThrow(/no_such_table/);
    expect(() =>
      openSource({ sourceUrl: database.url, sourceTable: 'shop_reviews', since: '2026-03-02', until: '2026-03-01' }),
    ).toThrow(/empty window/);
    expect(() => openSource({ sourceUrl: 'postgres://u:secret@127.0.0.1/x', sourceTable: 't' })).toThrow(/--since/);
  });

  it('runs from the CLI: reviewlens ingest --source-url … --since … --until … --map …', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        CLI,
        'ingest',
        '--db',
        join(temp.dir, 'cli.sqlite'),
        '--no-snapshot',
        '--source-url',
        database.url,
        '--source-table',
        'shop_reviews',
        '--since',
        '2026-03-03T00:00:00Z',
        '--until',
        '2026-03-04T00:00:00Z',
        '--map',
        Object.entries(MAPPING)
          .map(([field, column]) => `${field}=${column}`)
          .join(','),
      ],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ reviews_read: 40, reviews_accepted: 40, reviews_rejected: 0 });
  });
});
