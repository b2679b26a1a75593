#!/usr/bin/env node
/**
 * Regenerates data/langid/lexicon-<lang>.u32: the sorted unique 32-bit hashes (wordHash, little-endian) of the
 * stems of the Hunspell dictionary `dictionary-<lang>` (wooorm/dictionaries, devDependencies, pinned) for the
 * shop languages whose dictionary licence allows shipping a derived list (LEXICON_LANGUAGES: en, fr, es, nl, pl).
 * Stems only (the .dic entries, NFC, lower-cased, letters only; no affix expansion) — hashes, never the words.
 *
 * Run after `npm run build` (it reuses the compiled hash and language list):
 *   npm run build && node scripts/build-langid-lexicon.mjs   (the output is committed; runtime needs no dictionary)
 */
import { writeFileSync } from 'node:fs';
import { LEXICON_LANGUAGES, lexiconPath, wordHash } from '../dist/ingest/word-lexicon.js';

const WORD = /^\p{L}+$/u;

for (const language of LEXICON_LANGUAGES) {
  const { default: dictionary } = await import(`dictionary-${language}`);
  const hashes = new Set();
  // The first line of a .dic is the entry count; every other line is `stem[/flags]`.
  for (const line of new TextDecoder().decode(dictionary.dic).split('\n').slice(1)) {
    const stem = line.split('/')[0].trim().normalize('NFC').toLowerCase();
    if (WORD.test(stem)) hashes.add(wordHash(stem));
  }
  const sorted = Uint32Array.from(hashes).sort();
  writeFileSync(lexiconPath(language), new Uint8Array(sorted.buffer));
  console.log(`${language}: ${sorted.length} stems`);
}
