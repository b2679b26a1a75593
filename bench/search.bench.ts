import type { Insertable } from 'kysely';
import { it } from 'vitest';
import { CATEGORIES } from '../src/domain/aspects.js';
import { HashedNgramEmbedder } from '../src/index/embedder.js';
import { searchSnippets } from '../src/insights/search.js';
import { generateSample } from '../src/sample/index.js';
import { vectorToBlob } from '../src/store/chunks.js';
import type { Database } from '../src/store/schema.js';
import { tempStore } from '../src/test-support/temp-store.js';

// `npm run bench:search`: snippet search latency over a catalogue of N snippets (default 1,000,000), written
// straight into the chunks table (sentences of the sample generator, real embeddings, FTS index by trigger).
const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const QUERIES = [
  'great battery life',
  'Akku hält nicht lange',
  'écran fissuré',
  'sole came off',
  'comodo e leggero',
  'geluid valt weg',
  'bateria szybko się rozładowuje',
  'bluetooth keeps disconnecting',
];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

it('search latency over a large catalogue', async () => {
  const workspace = await tempStore();
  const embedder = new HashedNgramEmbedder();
  const { db } = workspace.store;
  try {
    const started = performance.now();
    let written = 0;
    let batch: Insertable<Database['chunks']>[] = [];
    const products = new Set<string>();
    const flush = async () => {
      if (batch.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i += 1000)
          await trx
            .insertInto('chunks')
            .values(batch.slice(i, i + 1000))
            .execute();
      });
      batch = [];
    };
    outer: for (let seed = 1; ; seed++) {
      for (const { record, truth } of generateSample({ products: 2000, seed })) {
        const productId = `s${seed}-${record.product_id}`;
        products.add(`${productId}\u0000${record.category ?? CATEGORIES[0]}`);
        for (const [position, sentence] of truth.sentences.entries()) {
          batch.push({
            chunk_id: `s${seed}-${record.review_id}-${position}`,
            review_id: `s${seed}-${record.review_id}`,
            product_id: productId,
            position,
            text: sentence.text,
            sentiment: 0,
            polarity: sentence.polarity,
            aspects: JSON.stringify(sentence.aspect ? [sentence.aspect] : []),
            star_rating: record.star_rating,
            language: truth.language,
            created_at: record.created_at,
            helpful_votes: record.helpful_votes ?? 0,
            verified_purchase: record.verified_purchase ? 1 : 0,
            embedding: vectorToBlob(embedder.embedOne(sentence.text)),
            embedder_id: embedder.id,
          });
          written += 1;
          if (batch.length >= 20_000) await flush();
          if (written >= SNIPPETS) break outer;
        }
      }
    }
    await flush();
    for (const entry of products) {
      const [product_id, category] = entry.split('\u0000') as [string, string];
      await db
        .insertInto('products')
        .values({ product_id, product_name: null, category, revision: 1, updated_at: '' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    console.log(
      JSON.stringify({
        snippets: written,
        products: products.size,
        load_seconds: Math.round((performance.now() - started) / 100) / 10,
      }),
    );

    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of QUERIES) {
        const t = performance.now();
        await searchSnippets(db, 'sqlite', embedder, query, round % 2 ? { category: 'smartphones' } : {});
        latencies.push(performance.now() - t);
      }
    }
    console.log(
      JSON.stringify({
        queries: latencies.length,
        p50_ms: Math.round(percentile(latencies, 0.5)),
        p95_ms: Math.round(percentile(latencies, 0.95)),
        max_ms: Math.round(Math.max(...latencies)),
      }),
    );
  } finally {
    await workspace.cleanup();
  }
});
