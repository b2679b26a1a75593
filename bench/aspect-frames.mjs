#!/usr/bin/env node
// What the aspect-discovery frames catch on real review text (docs/builtin.md, aspect discovery): the nouns used
// in a frame by at least 3 reviews, over every review of a MARC dev file (no product grouping there). A precision
// check by eye; MARC is research-only, so nothing from it is stored or shipped.
//   npm run build && node bench/aspect-frames.mjs ../shared/data/marc-test-multilingual [de,fr,es]
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const { discoverAspectNouns } = await import(new URL('summarize/aspect-discovery.js', dist));
const { readStarCsv } = await import(new URL('index/evaluate-polarity.js', dist));

const dir = process.argv[2];
const languages = (process.argv[3] ?? 'de,fr,es').split(',');
for (const language of languages) {
  const rows = readStarCsv(join(dir, `marc_test_${language}.dev.csv`), language);
  const chunks = rows.map((row, i) => ({ reviewId: `r${i}`, text: row.text, language }));
  const nouns = discoverAspectNouns(chunks, language, 3);
  console.log(JSON.stringify({ language, reviews: rows.length, nouns: nouns.length, top: nouns.slice(0, 40) }));
}
