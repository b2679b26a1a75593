import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { HashedNgramEmbedder } from '../index/embedder.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { defaultComponents } from '../pipeline/components.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { eraseSubject } from '../privacy/erase.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { queryTerms, searchSnippets } from './search.js';

let workspace: Awaited<ReturnType<typeof tempStore>>;
const embedder = new HashedNgramEmbedder();

beforeAll(async () => {
  workspace = await tempStore();
  const records = [
    inputRecord({
      review_id: 'a1',
      product_id: 'laptop-1',
      category: 'home',
      review_text: 'The keyboard is great to type on. Battery is fine.',
    }),
    inputRecord({
      review_id: 'a2',
      product_id: 'laptop-1',
      category: 'home',
      review_text: 'Great keyboard with quiet keys, very happy.',
      star_rating: 4,
    }),
    inputRecord({
      review_id: 'b1',
      product_id: 'laptop-2',
      category: 'home',
      review_text: 'The keyboard feels cheap and mushy.',
      star_rating: 2,
    }),
    inputRecord({
      review_id: 'c1',
      product_id: 'phone-1',
      category: 'smartphones',
      language: 'de',
      review_text: 'Der Akku hält nicht lange, nach zwei Stunden ist er leer.',
      star_rating: 1,
      verified_purchase: false,
    }),
    inputRecord({
      review_id: 'd1',
      product_id: 'phone-2',
      category: 'smartphones',
      review_text: 'Screen is bright and sharp.',
    }),
  ];
  const path = writeTempFile(workspace.dir, 'in.jsonl', toJsonl(records));
  await runPipeline(workspace.store, openFileSource(path), loadConfig({ minReviews: '1' }, {}), defaultComponents());
});
afterAll(async () => workspace?.cleanup());

const search = (query: string, filters = {}) => searchSnippets(workspace.store.db, 'sqlite', embedder, query, filters);

describe('snippet search', () => {
  it('extracts query terms in any script', () => {
    expect(queryTerms('Akku hält nicht lange!')).toEqual(['akku', 'hält', 'nicht', 'lange']);
    expect(queryTerms('  ?? ')).toEqual([]);
  });

  it('finds matching snippets grouped by product, best product first', async () => {
    const results = await search('great keyboard');
    expect(results.map((r) => r.product_id)).toEqual(['laptop-1', 'laptop-2']);
    expect(results[0]!.snippets[0]!.text).toMatch(/keyboard/i);
    expect(results[0]!.snippets.length).toBe(2);
  });

  it('matches across diacritics and prefixes ("halt" finds "hält", "akk" finds "Akku")', async () => {
    const results = await search('akk halt');
    expect(results.map((r) => r.product_id)).toEqual(['phone-1']);
  });

  it('applies filters for category, rating, language and verified purchase', async () => {
    expect((await search('keyboard', { maxRating: 2 })).map((r) => r.product_id)).toEqual(['laptop-2']);
    expect(await search('keyboard', { category: 'smartphones' })).toEqual([]);
    expect((await search('Akku', { language: 'de' })).length).toBe(1);
    expect(await search('Akku', { verifiedOnly: true })).toEqual([]);
  });

  it('forgets erased reviews (the full-text index follows the chunks table)', async () => {
    await eraseSubject(workspace.store.db, { kind: 'review', reviewId: 'b1' });
    expect((await search('mushy')).length).toBe(0);
  });
});
