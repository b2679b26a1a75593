#!/usr/bin/env node
// Duplicate judging per HTTP-sized batch on a store that already holds N distinctive signatures: one new
// DuplicateDetector per request, as `POST /v1/reviews` does (docs/ingest.md, near-duplicate window).
//   npm run bench:dedup -- [N=200000] [requests=10]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const { openSqliteStore } = await import(new URL('store/store.js', dist));
const { DuplicateDetector } = await import(new URL('ingest/flags/duplicates.js', dist));
const { writeTextSignatures } = await import(new URL('store/text-signatures.js', dist));
const { mulberry32 } = await import(new URL('sample/prng.js', dist));

const stored = Number(process.argv[2] ?? 200_000);
const requests = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'reviewlens-dedup-bench-'));
const store = await openSqliteStore(join(dir, 'store.sqlite'));
const random = mulberry32(7);
const hex = (digits) =>
  Array.from({ length: digits / 8 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
try {
  for (let start = 0; start < stored; start += 10_000) {
    const added = [];
    for (let i = start; i < Math.min(stored, start + 10_000); i++) {
      added.push({
        review_id: `r${i}`,
        product_id: `p${i % 1000}`,
        user_id: `u${i}`,
        text_hash: hex(40),
        user_hash: hex(40),
        simhash: hex(16),
        words: 30,
        verdict: '',
        verdict_detail: '',
      });
    }
    await writeTextSignatures(store.db, { deleted: [], added });
  }
  const ms = [];
  for (let k = 0; k < requests; k++) {
    const batch = Array.from({ length: 5 }, (_, i) => ({
      reviewId: `new-${k}-${i}`,
      productId: 'p1',
      userId: `new-user-${k}-${i}`,
      text: `A fresh review number ${k} ${i} with enough different words to count as distinctive for the detector`,
    }));
    const start = performance.now();
    await new DuplicateDetector(store.db).flag(batch);
    ms.push(Math.round((performance.now() - start) * 10) / 10);
  }
  const later = ms.slice(1).sort((a, b) => a - b);
  console.log(JSON.stringify({ stored, first_request_ms: ms[0], later_median_ms: later[later.length >> 1], ms }));
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
