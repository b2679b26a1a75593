import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { sql } from 'kysely';
import { readParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../src/index/embedder.js';
import { indexReviews } from '../src/index/index-stage.js';
import { lexiconSentiment } from '../src/index/sentiment.js';
import { ingest } from '../src/ingest/ingest.js';
import { openFileSource } from '../src/ingest/sources/open-source.js';
import { defaultComponents } from '../src/pipeline/components.js';
import { generateSample } from '../src/sample/index.js';
import { buildServer } from '../src/serve/server.js';
import { createApiKey } from '../src/store/api-keys.js';
import { allLatestSummaries } from '../src/store/summaries.js';
import { summarizeProducts } from '../src/summarize/summarize-stage.js';
import { tempStore, toJsonl, writeTempFile } from '../src/test-support/temp-store.js';

// Planted PII of every supported type goes through ingest (with a Parquet snapshot), index, summarize and the
// API; every table, snapshot file, API response and export is scanned for it. Zero may remain.
const PLANTED = [
  { type: 'EMAIL', value: 'marta.kowalska@example.com', text: 'Write to marta.kowalska@example.com for details.' },
  { type: 'PHONE', value: '+49 30 1234567', text: 'Call me on +49 30 1234567 if you have questions.' },
  { type: 'PHONE', value: '06 12 34 56 78', text: 'Mon numéro est le 06 12 34 56 78, appelez-moi.' },
  { type: 'IBAN', value: 'DE89370400440532013000', text: 'Refund to DE89370400440532013000 please, thank you.' },
  { type: 'CARD', value: '4111 1111 1111 1111', text: 'I paid with card 4111 1111 1111 1111 and it worked.' },
  { type: 'IP', value: '203.0.113.77', text: 'My router at 203.0.113.77 kept dropping the connection.' },
] as const;

let workspace: Awaited<ReturnType<typeof tempStore>>;
let snapshotsDir: string;
let productIds: string[];

beforeAll(async () => {
  workspace = await tempStore();
  snapshotsDir = join(workspace.dir, 'snapshots');
  const records = [...generateSample({ products: 4, seed: 13 })].map(
    (i) => i.record as unknown as Record<string, unknown>,
  );
  productIds = [...new Set(records.map((r) => String(r.product_id)))];
  // Planted in helpful, verified, recent reviews so retrieval would pick them if anything survived.
  const planted = PLANTED.map((pii, i) => ({
    ...records[i]!,
    review_id: `pii-${i}`,
    user_id: `pii-user-${i}`,
    helpful_votes: 90,
    verified_purchase: true,
    created_at: '2026-10-30T10:00:00Z',
    language: 'en',
    review_text: `The battery life is excellent and lasts two days. ${pii.text}`,
  }));
  const path = writeTempFile(workspace.dir, 'r.jsonl', toJsonl([...records, ...planted]));
  await ingest(workspace.store.db, openFileSource(path), { runId: 'pii-run', defaultLanguage: 'en', snapshotsDir });
  const components = defaultComponents();
  await indexReviews(workspace.store.db, { embedder: new HashedNgramEmbedder(), sentiment: lexiconSentiment });
  await summarizeProducts(workspace.store.db, {
    runId: 'pii-run',
    summarizer: components.summarizer,
    retrieval: components.retrieval,
    minReviews: 5,
    ttlSeconds: 60,
    defaultLanguage: 'en',
  });
});
afterAll(async () => workspace?.cleanup());

/** Digits and letters only: a planted value must not survive in any spacing or punctuation. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9@.]/g, '');

function leaks(haystack: string): string[] {
  const flat = squash(haystack);
  return PLANTED.filter((pii) => haystack.includes(pii.value) || flat.includes(squash(pii.value))).map(
    (pii) => `${pii.type}:${pii.value}`,
  );
}

describe('PII end to end', () => {
  it('leaves no planted PII in any table (raw dead-letter copies excepted: none were rejected)', async () => {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'chunks_fts%'`.execute(workspace.store.db);
    const found: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(workspace.store.db);
      const text = rows.rows
        .map((row) => JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? undefined : v)))
        .join('\n');
      for (const leak of leaks(text)) found.push(`${name} ${leak}`);
    }
    expect(found).toEqual([]);
    const rejects = await workspace.store.db.selectFrom('rejects').select('id').execute();
    expect(rejects).toEqual([]);
  });

  it('leaves none in the Parquet snapshot', () => {
    const found: string[] = [];
    let scannedText = '';
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.parquet')) {
          const table = tableFromIPC(readParquet(readFileSync(path)).intoIPCStream());
          const text = JSON.stringify(table.toArray());
          scannedText += text;
          found.push(...leaks(text));
        } else found.push(...leaks(readFileSync(path, 'utf8')));
      }
    };
    walk(snapshotsDir);
    // The scan really read the planted reviews (their redacted text is in the snapshot) …
    expect(scannedText).toContain('pii-0');
    expect(scannedText).toContain('[EMAIL]');
    // … and none of the planted values.
    expect(found).toEqual([]);
  });

  it('leaves none in API responses (summaries, sources), the server log or the export', async () => {
    const logLines: string[] = [];
    const app = buildServer(workspace.store.db, {
      logger: { level: 'trace', destination: { write: (line) => logLines.push(line) } },
    });
    try {
      let responses = '';
      for (const id of productIds) {
        responses += (await app.inject({ url: `/v1/products/${id}/summary` })).body;
        responses += (await app.inject({ url: `/v1/products/${id}/summary/sources` })).body;
        responses += (await app.inject({ url: `/products/${id}` })).body;
      }
      expect(leaks(responses)).toEqual([]);
      // Clients (and attackers) put personal data in URLs too: every planted value as a search and a product id.
      const key = (await createApiKey(workspace.store.db, 'pii-e2e', ['admin'])).key;
      for (const pii of PLANTED) {
        await app.inject({
          url: `/v1/search?q=${encodeURIComponent(pii.value)}`,
          headers: { authorization: `Bearer ${key}` },
        });
        await app.inject({ url: `/v1/products/${encodeURIComponent(pii.text)}/summary` });
      }
    } finally {
      await app.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = logLines.join('');
    expect(log).toContain('incoming request');
    expect(leaks(log)).toEqual([]);
    let exported = '';
    for await (const summary of allLatestSummaries(workspace.store.db)) exported += JSON.stringify(summary);
    expect(exported.length).toBeGreaterThan(0);
    expect(leaks(exported)).toEqual([]);
  });
});
