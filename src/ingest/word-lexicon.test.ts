import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { LEXICON_LANGUAGES, lexiconPath, lexiconShares, wordHash } from './word-lexicon.js';

const share = (text: string, language: string): number =>
  lexiconShares(text)[SUPPORTED_LANGUAGES.indexOf(language as never)]!;

describe('wordHash', () => {
  it('is 32-bit FNV-1a (reference values)', () => {
    expect(wordHash('')).toBe(0x811c9dc5);
    expect(wordHash('a')).toBe(0xe40c292c);
    expect(wordHash('foobar')).toBe(0xbf9cf968);
  });
});

describe('lexicon files', () => {
  it.each(LEXICON_LANGUAGES)('%s is a sorted, duplicate-free list of thousands of hashes', (language) => {
    const bytes = readFileSync(lexiconPath(language));
    expect(bytes.length % 4).toBe(0);
    const hashes = new Uint32Array(new Uint8Array(bytes).buffer);
    expect(hashes.length).toBeGreaterThan(40_000);
    let unordered = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i]! <= hashes[i - 1]!) unordered++;
    expect(unordered).toBe(0);
  });
});

describe('lexiconShares', () => {
  it('counts dictionary stems per language, case-insensitively', () => {
    expect(share('Snelle levering', 'nl')).toBe(0.5); // "snel" is the stem; "levering" is one
    expect(share('het HUIS', 'nl')).toBe(1);
    expect(share('the battery', 'en')).toBe(1);
    expect(share('tela suave', 'es')).toBe(1);
  });

  it('is 0 for unknown words, empty texts and languages without a lexicon', () => {
    expect(Array.from(lexiconShares('xqzt brrrk'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(lexiconShares(''))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(lexiconShares('123 !!'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(share('die Lieferung war schnell', 'de')).toBe(0);
    expect(share('la consegna era veloce', 'it')).toBe(0);
  });
});
