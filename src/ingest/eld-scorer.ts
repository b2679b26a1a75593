/**
 * eld's scores for SUPPORTED_LANGUAGES, computed without eld's object graph.
 *
 * Why: `eld/medium` keeps its n-gram DB as ~105k JS objects ({ngram: {langIndex: score}} over 60 languages). In the
 * prepare worker that cost ~0.5 s to load, ~2.3 s per 100k reviews to query (string-keyed n-gram objects built per
 * call, dictionary-mode lookups) and every forced full GC (heap-cap.ts) had to mark the whole graph. Only 20k of
 * those n-grams score any of our 7 languages, so this module parses eld's data file once into a small
 * open-addressing hash keyed by integer-packed n-grams (~1.4 MB of typed arrays, nothing for the GC to trace) and
 * replicates eld's algorithm (eld 2.1.0, src/languageDetector.js and LanguageResult.js) step by step, so that
 * `eldScores(text)` equals eld `medium` with `setLanguageSubset(SUPPORTED_LANGUAGES)` then
 * `detect(text).getScores()` exactly (eld-scorer.test.ts checks this against eld itself, also on random input).
 *
 * The data, the byte dictionary and the separators regex are read from the installed `eld` package (Apache-2.0,
 * Copyright 2023 Nito T.M., https://github.com/nitotm/efficient-language-detector-js): eld stays the dependency
 * that provides them. The files are read as text rather than imported, because an imported module namespace would
 * keep eld's DB alive for the life of the process.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';

const LANGUAGES = SUPPORTED_LANGUAGES.length;

/** eld: "In order to reduce DB size we subtract minimum score" — added back to every stored score. */
const BASE_NGRAM_SCORE = 53;
/** eld (LanguageResult.orderAndScale): "Handpicked to scale raw scores values". */
const SCALE = 25;
/** eld reads at most this many UTF-16 units of its input. */
const MAX_INPUT_CHARS = 1000;
/** eld cuts at the first space after this many UTF-8 bytes… */
const CUT_AFTER_BYTES = 350;
/** …and after any character once past this many. */
const ENFORCE_CUT_AFTER_BYTES = 380;
/** eld ignores bytes of a word past this one (except in the word's last n-gram, see eldScores). */
const MAX_WORD_BYTES = 70;
/** A byte-string n-gram key is at most 6 characters (space + 4 bytes + space) except a >71-byte word's last. */
const MAX_PACKED_CHARS = 6;

/**
 * An n-gram key is a string of characters < 256 (eld's byte string). Keys of up to 6 characters are packed into
 * two int32: `lo` = chars 0–3, `hi` = chars 4–5 | length << 16 (never 0, so 0 marks an empty slot).
 */
interface CompactTable {
  mask: number;
  keyLo: Int32Array;
  keyHi: Int32Array;
  /** score + BASE_NGRAM_SCORE per slot × language (SUPPORTED_LANGUAGES order), 0 = no score. */
  scores: Uint16Array;
  /** eld's byte → character code (its `dictionary`). */
  byteChar: Uint8Array;
  separators: RegExp;
}

function slotOf(lo: number, hi: number, mask: number): number {
  return (Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> 12) & mask;
}

function eldFile(relative: string): string {
  return readFileSync(new URL(relative, import.meta.resolve('eld/medium')), 'utf8');
}

/**
 * Evaluates one of eld's small dependency-free modules (dictionary.js, regexPatterns.js) in a throwaway context
 * and returns its named exports.
 */
function evaluateEldModule(relative: string, names: readonly string[]): Record<string, unknown> {
  const source = eldFile(relative).replace(/^export (const|let|function) /gm, '$1 ');
  return vm.runInNewContext(`${source}\n;({ ${names.join(', ')} })`, {}) as Record<string, unknown>;
}

/**
 * A strict scanner for eld's generated ngrams file (`export const ngramsData = {type:…,languages:{0:'am',…},
 * isSubset:false,ngrams:{'key':{11:52,…},bareKey:{…},…}};`): anything unexpected throws, so a format change in
 * an eld upgrade fails loudly instead of scoring silently differently. Keys are packed as they are read (no
 * strings: the file has 105k of them and the table is built in every prepare worker).
 */
class NgramsScanner {
  pos: number;
  /** The last key(), packed as in CompactTable; `keyLength` > 6 (or a character > 255) cannot be packed. */
  lo = 0;
  hi = 0;
  keyLength = 0;
  packable = true;

  constructor(
    readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(what: string): never {
    throw new Error(
      `eld ngrams file: expected ${what} at offset ${this.pos}: ${this.text.slice(this.pos, this.pos + 40)}`,
    );
  }

  expect(literal: string): void {
    if (!this.text.startsWith(literal, this.pos)) this.fail(JSON.stringify(literal));
    this.pos += literal.length;
  }

  tryChar(code: number): boolean {
    if (this.text.charCodeAt(this.pos) !== code) return false;
    this.pos++;
    return true;
  }

  integer(): number {
    let value = 0;
    const start = this.pos;
    for (let code = this.text.charCodeAt(this.pos); code >= 48 && code <= 57; code = this.text.charCodeAt(++this.pos)) {
      value = value * 10 + (code - 48);
    }
    if (this.pos === start || this.pos - start > 9) this.fail('an integer of 1–9 digits');
    return value;
  }

  private push(code: number): void {
    const i = this.keyLength++;
    if (i >= MAX_PACKED_CHARS || code > 255) this.packable = false;
    else if (i < 4) this.lo |= code << (8 * i);
    else this.hi |= code << (8 * (i - 4));
  }

  /** A property key: 'single-quoted' (escapes \' and \\ only) or a bare ASCII identifier. */
  key(): void {
    this.lo = 0;
    this.hi = 0;
    this.keyLength = 0;
    this.packable = true;
    const text = this.text;
    if (this.tryChar(QUOTE)) {
      for (;;) {
        let code = text.charCodeAt(this.pos++);
        if (code === QUOTE) break;
        if (Number.isNaN(code)) this.fail('a closing quote');
        if (code === BACKSLASH) {
          code = text.charCodeAt(this.pos++);
          if (code !== QUOTE && code !== BACKSLASH) this.fail("only \\' or \\\\ escapes");
        }
        this.push(code);
      }
    } else {
      for (let code = text.charCodeAt(this.pos); isIdentifierChar(code, this.keyLength === 0); ) {
        this.push(code);
        code = text.charCodeAt(++this.pos);
      }
      if (this.keyLength === 0) this.fail('a key');
    }
    this.hi |= this.keyLength << 16;
  }

  keyString(): string {
    const start = this.pos;
    this.key();
    return this.text.slice(start, this.pos).replace(/^'|'$/g, '');
  }

  /** `{int:value,…}` calling `entry(int)` at each value; returns after the closing brace. */
  object(entry: (index: number) => void): void {
    this.expect('{');
    if (this.tryChar(CLOSE)) return;
    do {
      const index = this.integer();
      this.expect(':');
      entry(index);
    } while (this.tryChar(COMMA));
    this.expect('}');
  }
}

const QUOTE = 39;
const BACKSLASH = 92;
const COMMA = 44;
const CLOSE = 125;

/** [A-Za-z_$] (and [0-9] after the first): the bare keys eld's generator writes. */
function isIdentifierChar(code: number, first: boolean): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === 95 ||
    code === 36 ||
    (!first && code >= 48 && code <= 57)
  );
}

function buildTable(): CompactTable {
  const { dictionary } = evaluateEldModule('../dictionary.js', ['dictionary']) as { dictionary: string[] };
  const { separators } = evaluateEldModule('../regexPatterns.js', ['separators']) as { separators: RegExp };
  if (dictionary.length !== 256 || dictionary.some((char) => char.length !== 1 || char.charCodeAt(0) > 255)) {
    throw new Error('eld dictionary: expected 256 characters below U+0100');
  }
  const byteChar = Uint8Array.from(dictionary, (char) => char.charCodeAt(0));

  const text = eldFile('../ngrams/medium.js');
  const scanner = new NgramsScanner(text, text.indexOf('languages:{'));
  scanner.expect('languages:');
  const column = new Int32Array(256).fill(-1); // eld language index → our index
  let found = 0;
  scanner.object((index) => {
    const ours = (SUPPORTED_LANGUAGES as readonly string[]).indexOf(scanner.keyString());
    if (index > 255) scanner.fail('a language index below 256');
    if (ours >= 0) {
      column[index] = ours;
      found++;
    }
  });
  if (found !== LANGUAGES) throw new Error('eld medium lacks one of SUPPORTED_LANGUAGES');
  scanner.expect(',isSubset:false,ngrams:{');

  // 20.5k of eld medium's 105k n-grams score one of our languages: 2^16 slots keep probes short (load 0.31).
  const slots = 1 << 16;
  const table: CompactTable = {
    mask: slots - 1,
    keyLo: new Int32Array(slots),
    keyHi: new Int32Array(slots),
    scores: new Uint16Array(slots * LANGUAGES),
    byteChar,
    separators: new RegExp(separators.source, separators.flags),
  };
  const row = new Uint16Array(LANGUAGES);
  let ours = false;
  const entry = (index: number): void => {
    const score = scanner.integer() + BASE_NGRAM_SCORE;
    const at = index < 256 ? column[index]! : -1;
    if (at < 0) return;
    if (score <= 0 || score > 0xffff) scanner.fail(`a score in ${1 - BASE_NGRAM_SCORE}..${0xffff - BASE_NGRAM_SCORE}`);
    row[at] = score;
    ours = true;
  };
  let used = 0;
  do {
    scanner.key();
    scanner.expect(':');
    row.fill(0);
    ours = false;
    scanner.object(entry);
    if (!ours) continue;
    if (!scanner.packable) throw new Error('eld ngrams file: a key of ours is longer than 6 or above U+00FF');
    const { lo, hi } = scanner;
    let slot = slotOf(lo, hi, table.mask);
    while (table.keyHi[slot] !== 0 && (table.keyLo[slot] !== lo || table.keyHi[slot] !== hi)) {
      slot = (slot + 1) & table.mask;
    }
    if (table.keyHi[slot] === 0 && ++used > slots / 2) throw new Error('eld scorer table over half full');
    table.keyLo[slot] = lo;
    table.keyHi[slot] = hi;
    table.scores.set(row, slot * LANGUAGES); // a repeated key overwrites, as in a JS object literal
  } while (scanner.tryChar(COMMA));
  scanner.expect('}};');
  return table;
}

let table: CompactTable | undefined;

function getTable(): CompactTable {
  table ??= buildTable();
  return table;
}

/** Builds the table now (~70 ms; importing eld/medium took ~500 ms) rather than on the first eldScores(). */
export function loadEldScorer(): void {
  getTable();
}

// Per-call scratch, reused: eld's byte string of the text (≤ 384 bytes) and its word boundaries.
const bytes = new Uint8Array(ENFORCE_CUT_AFTER_BYTES + 4);
const wordEnds = new Int32Array(ENFORCE_CUT_AFTER_BYTES + 4);
// Distinct n-grams of one call (eld counts each once): ≤ 384 (each n-gram consumes ≥ 1 byte), so 1024 slots.
const SEEN_SLOTS = 1024;
const seenLo = new Int32Array(SEEN_SLOTS);
const seenHi = new Int32Array(SEEN_SLOTS);
const seenStamp = new Uint32Array(SEEN_SLOTS);
let stamp = 0;
const raw = new Float64Array(LANGUAGES);

/**
 * eld's textProcessor + strToUtf8Bytes: separators → space, trim, lower-case, then UTF-8 bytes mapped through
 * eld's dictionary (ASCII stays itself), words split at spaces, cut after 350/380 bytes. Returns the word count.
 */
function toByteWords(text: string, byteChar: Uint8Array, separators: RegExp): number {
  const str = text.substring(0, MAX_INPUT_CHARS).replace(separators, ' ').trim().toLowerCase();
  let n = 0;
  let words = 0;
  let wordStart = 0;
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (n > wordStart) {
          wordEnds[words++] = n;
          wordStart = n;
        }
        if (countBytes > CUT_AFTER_BYTES) break;
      } else bytes[n++] = code;
      countBytes++;
    } else if (code < 0x800) {
      bytes[n++] = byteChar[0xc0 | (code >> 6)]!;
      bytes[n++] = byteChar[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      bytes[n++] = byteChar[0xe0 | (code >> 12)]!;
      bytes[n++] = byteChar[0x80 | ((code >> 6) & 0x3f)]!;
      bytes[n++] = byteChar[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      // As eld: any surrogate takes the next unit as its pair (NaN past the end counts as 0).
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      bytes[n++] = byteChar[0xf0 | (code >> 18)]!;
      bytes[n++] = byteChar[0x80 | ((code >> 12) & 0x3f)]!;
      bytes[n++] = byteChar[0x80 | ((code >> 6) & 0x3f)]!;
      bytes[n++] = byteChar[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > ENFORCE_CUT_AFTER_BYTES) break;
  }
  if (n > wordStart) wordEnds[words++] = n;
  return words;
}

let longKeys: Set<string> | undefined;

/** The slot of a packed key, −1 when absent. */
function findSlot(t: CompactTable, lo: number, hi: number): number {
  for (let slot = slotOf(lo, hi, t.mask); ; slot = (slot + 1) & t.mask) {
    const slotHi = t.keyHi[slot]!;
    if (slotHi === 0) return -1;
    if (slotHi === hi && t.keyLo[slot] === lo) return slot;
  }
}

/**
 * For tests: the stored score + 53 per SUPPORTED_LANGUAGES language of one n-gram key of eld's byte string
 * (undefined when the table lacks it).
 */
export function storedNgramScores(key: string): number[] | undefined {
  if (key.length > MAX_PACKED_CHARS) return undefined;
  let lo = 0;
  let hi = key.length << 16;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code > 255) return undefined;
    if (i < 4) lo |= code << (8 * i);
    else hi |= code << (8 * (i - 4));
  }
  const t = getTable();
  const slot = findSlot(t, lo, hi);
  return slot < 0 ? undefined : [...t.scores.subarray(slot * LANGUAGES, (slot + 1) * LANGUAGES)];
}

/**
 * Counts the n-gram `bytes[from, to)` with an optional leading and trailing space once per call (eld collects
 * them as keys of an object) and adds its scores. Returns 1 when it was new, else 0.
 */
function addNgram(t: CompactTable, from: number, to: number, lead: boolean, trail: boolean): number {
  const length = to - from + (lead ? 1 : 0) + (trail ? 1 : 0);
  if (length > MAX_PACKED_CHARS) {
    // Only the last n-gram of a word over 71 bytes: never in the DB (keys ≤ 6), but eld still counts it.
    let key = '';
    for (let i = from; i < to; i++) key += String.fromCharCode(bytes[i]!);
    longKeys ??= new Set();
    if (longKeys.has(key)) return 0;
    longKeys.add(key);
    return 1;
  }
  let lo = 0;
  let hi = length << 16;
  let shift = 0;
  if (lead) {
    lo = 32;
    shift = 8;
  }
  for (let i = from; i <= to; i++) {
    const code = i < to ? bytes[i]! : trail ? 32 : -1;
    if (code < 0) break;
    if (shift < 32) lo |= code << shift;
    else hi |= code << (shift - 32);
    shift += 8;
  }

  let seen = (Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> 22) & (SEEN_SLOTS - 1);
  while (seenStamp[seen] === stamp) {
    if (seenLo[seen] === lo && seenHi[seen] === hi) return 0;
    seen = (seen + 1) & (SEEN_SLOTS - 1);
  }
  seenStamp[seen] = stamp;
  seenLo[seen] = lo;
  seenHi[seen] = hi;

  const slot = findSlot(t, lo, hi);
  if (slot < 0) return 1;
  const scores = t.scores;
  const base = slot * LANGUAGES;
  for (let l = 0; l < LANGUAGES; l++) raw[l]! += scores[base + l]!;
  return 1;
}

/**
 * eld medium's score per SUPPORTED_LANGUAGES language (that order; 0 where eld reports none): exactly
 * `detect(text).getScores()[language] ?? 0` of an eld medium instance with `setLanguageSubset(SUPPORTED_LANGUAGES)`.
 */
export function eldScores(text: string): Float64Array {
  const t = getTable();
  const words = toByteWords(text, t.byteChar, t.separators);
  raw.fill(0);
  if (++stamp === 0xffffffff) {
    seenStamp.fill(0);
    stamp = 1;
  }
  longKeys?.clear();
  let ngrams = 0;
  let from = 0;
  for (let w = 0; w < words; w++) {
    const to = wordEnds[w]!;
    // eld's getByteNgrams: 4-byte n-grams at stride 3 over the first 70 bytes, the first with a leading space;
    // then the word's end (from byte len − 4, or the whole word when shorter; eld's `len !== 3` case is the same)
    // with a trailing space — to the real end of the word even past 70 bytes.
    const len = Math.min(to - from, MAX_WORD_BYTES);
    let j = 0;
    for (; j + 4 < len; j += 3) ngrams += addNgram(t, from + j, from + j + 4, j === 0, false);
    ngrams += addNgram(t, from + Math.max(0, len - 4), to, j === 0, true);
    from = to;
  }

  // eld's orderAndScale: mean n-gram score r = raw / ngrams, reported as r / (r + 25), only for raw > 0.
  const scores = new Float64Array(LANGUAGES);
  for (let l = 0; l < LANGUAGES; l++) {
    if (raw[l]! > 0) {
      const ngramScore = raw[l]! / ngrams;
      scores[l] = ngramScore / (ngramScore + SCALE);
    }
  }
  return scores;
}
