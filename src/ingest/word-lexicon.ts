/**
 * Word lexicons for language id on short texts: per shop language, the 32-bit hashes of the stems of a Hunspell
 * dictionary whose licence lets us ship a derived list (en, fr, es, nl, pl — de and it are GPL-only and have
 * none). Generated into data/langid/ by scripts/build-langid-lexicon.mjs; hashes, not words, are stored.
 *
 * Two-word texts are where both n-gram detectors fail most ("kleine afmetingen" looks German to eld and
 * fastText alike); whether a word is a dictionary word of a language is the evidence they lack. Loaded lazily
 * once per process: ~670k hashes, 2.7 MB of typed arrays; a lookup is a binary search.
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { type Language, SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { packagePath } from '../package-root.js';
import { sortedIncludes } from '../util/sorted-search.js';

/** FNV-1a over the UTF-16 code units of the NFC, lower-cased word; the build script uses the same function. */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Shop languages with a shippable dictionary (see data/langid/README.md for sources and licences). */
export const LEXICON_LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'nl', 'pl'];

/** Sorted unique little-endian uint32 stem hashes. */
export function lexiconPath(language: Language): string {
  return packagePath('data', 'langid', `lexicon-${language}.u32`);
}

/** Per SUPPORTED_LANGUAGES index: the stem hashes, or undefined for a language without a lexicon. */
let lexicons: (Uint32Array | undefined)[] | undefined;

function load(): (Uint32Array | undefined)[] {
  lexicons ??= SUPPORTED_LANGUAGES.map((language) => {
    if (!LEXICON_LANGUAGES.includes(language)) return undefined;
    // Copy into an aligned buffer: a Buffer may start at any byte offset of its pool.
    const aligned = new Uint8Array(readFileSync(lexiconPath(language))).buffer;
    // The files are little-endian; a Uint32Array reads in the machine's order (swapped in place).
    if (endianness() === 'BE') Buffer.from(aligned).swap32();
    return new Uint32Array(aligned);
  });
  return lexicons;
}

const WORD = /\p{L}+/gu;

/**
 * For each shop language (SUPPORTED_LANGUAGES order), the share of the text's words that are stems of its
 * dictionary; 0 for languages without a lexicon and for texts without words.
 */
export function lexiconShares(text: string): Float64Array {
  const all = load();
  const shares = new Float64Array(SUPPORTED_LANGUAGES.length);
  let words = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    words++;
    const hash = wordHash(match[0]);
    for (let i = 0; i < all.length; i++) if (all[i] && sortedIncludes(all[i]!, hash)) shares[i]! += 1;
  }
  if (words > 0) for (let i = 0; i < shares.length; i++) shares[i]! /= words;
  return shares;
}
