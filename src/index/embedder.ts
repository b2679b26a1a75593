import { isWordCode } from './lexical.js';

/**
 * The embedding seam. Implementations: the built-in, weight-free `HashedNgramEmbedder` (below) and, later,
 * model-backed embedders. `id` is stored with every vector; vectors from different ids must never be compared.
 */
export interface Embedder {
  readonly id: string;
  readonly dimension: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export interface HashedNgramEmbedderOptions {
  /** Number of hash buckets (vector length). Default 256. */
  readonly dimension?: number;
}

/** Feature kinds; the index is mixed into the hash and selects the weight. */
const WORD = 0;
const BIGRAM = 1;
const CHAR3 = 2;
const CHAR4 = 3;
/**
 * Word n-grams carry topic identity and weigh more; char n-grams (many per word) add robustness to
 * inflection ("battery"/"batteries"), compounds and typos and weigh less each.
 */
const FEATURE_WEIGHTS = [1.0, 0.7, 0.25, 0.3] as const;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BOW = 60; // '<'
const EOW = 62; // '>'
const SPACE = 32;
const NON_ASCII_RE = /[^\x20-\x7e\t\n\r]/;
const MARKS_RE = /\p{M}+/gu;

function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

function fnvRange(h: number, s: string, start: number, end: number): number {
  let x = h;
  for (let i = start; i < end; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV_PRIME);
  return x;
}

/** murmur3 finaliser: spreads FNV's weak low bits before bucket/sign selection. */
function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Weight-free multilingual embedder by feature hashing.
 *
 * Features, all from the lower-cased NFC text:
 * - word unigrams and bigrams (words = maximal runs of letters/digits/marks) — diacritics kept, so they are
 *   exact lexical identities;
 * - character 3- and 4-grams inside each word with boundary markers ("<ak", "akk", …, "ku>") — computed on
 *   the text with diacritics stripped (NFD minus combining marks), so "qualité"/"qualite" and cross-language
 *   cognates ("batterie"/"battery") still share grams. ("ł", "ß" have no decomposition and stay.)
 * Each feature is hashed with FNV-1a over UTF-16 code units (kind mixed in), finalised with murmur3 fmix32:
 * the low bits choose the bucket, bit 31 the sign. Weight = kind weight × (1 + ln tf). The vector is
 * L2-normalised. A text without any letter or digit has no features and embeds to the zero vector, whose
 * cosine with anything is 0 (see `cosine`).
 */
export class HashedNgramEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly mask: number;
  /**
   * Open-addressing table feature hash → count × 4 + kind (0 = empty slot), reused across calls
   * (embedOne is synchronous); `used` lists the occupied slots so clearing is O(features).
   */
  private keys = new Int32Array(1024);
  private packed = new Int32Array(1024);
  private used: number[] = [];
  private readonly scratch: Float64Array;

  constructor(options: HashedNgramEmbedderOptions = {}) {
    const dimension = options.dimension ?? 256;
    if (!Number.isInteger(dimension) || dimension < 2) {
      throw new RangeError(`dimension must be an integer ≥ 2, got ${dimension}`);
    }
    this.dimension = dimension;
    this.id = `hashed-ngram-v1-d${dimension}`;
    this.mask = (dimension & (dimension - 1)) === 0 ? dimension - 1 : -1;
    this.scratch = new Float64Array(dimension);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): Float32Array {
    this.clearTable();
    const lower = text.normalize('NFC').toLowerCase();
    this.wordFeatures(lower);
    const stripped = NON_ASCII_RE.test(lower) ? lower.normalize('NFD').replace(MARKS_RE, '') : lower;
    this.charFeatures(stripped);

    const out = new Float32Array(this.dimension);
    if (this.used.length === 0) return out;
    const acc = this.scratch;
    acc.fill(0);
    for (const slot of this.used) {
      const hash = this.keys[slot]!;
      const packed = this.packed[slot]!;
      const kind = packed & 3;
      const tf = packed >>> 2;
      const weight = FEATURE_WEIGHTS[kind]! * (1 + Math.log(tf));
      const mixed = fmix32(hash);
      const bucket = this.mask >= 0 ? mixed & this.mask : mixed % this.dimension;
      acc[bucket]! += mixed & 0x80000000 ? -weight : weight;
    }
    let norm = 0;
    for (let i = 0; i < acc.length; i++) norm += acc[i]! * acc[i]!;
    if (norm === 0) return out;
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < acc.length; i++) out[i] = acc[i]! * inv;
    return out;
  }

  private clearTable(): void {
    for (const slot of this.used) this.packed[slot] = 0;
    this.used.length = 0;
  }

  private add(hash: number, kind: number): void {
    const keys = this.keys;
    const packed = this.packed;
    const mask = keys.length - 1;
    let slot = fmix32(hash) & mask;
    for (;;) {
      const p = packed[slot]!;
      if (p === 0) break;
      if (keys[slot] === hash) {
        packed[slot] = p + 4;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = hash;
    packed[slot] = 4 + kind;
    this.used.push(slot);
    if (this.used.length * 2 > keys.length) this.grow();
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldPacked = this.packed;
    const oldUsed = this.used;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.packed = new Int32Array(oldKeys.length * 2);
    this.used = [];
    const mask = this.keys.length - 1;
    for (const old of oldUsed) {
      const hash = oldKeys[old]!;
      let slot = fmix32(hash) & mask;
      while (this.packed[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = hash;
      this.packed[slot] = oldPacked[old]!;
      this.used.push(slot);
    }
  }

  private wordFeatures(s: string): void {
    let prevStart = -1;
    let prevEnd = -1;
    let i = 0;
    const len = s.length;
    while (i < len) {
      if (!isWordCode(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < len && isWordCode(s.charCodeAt(i))) i++;
      this.add(fnvRange(fnvStep(FNV_OFFSET, WORD), s, start, i), WORD);
      if (prevStart >= 0) {
        const h = fnvRange(fnvStep(fnvRange(fnvStep(FNV_OFFSET, BIGRAM), s, prevStart, prevEnd), SPACE), s, start, i);
        this.add(h, BIGRAM);
      }
      prevStart = start;
      prevEnd = i;
    }
  }

  private charFeatures(s: string): void {
    let i = 0;
    const len = s.length;
    while (i < len) {
      if (!isWordCode(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < len && isWordCode(s.charCodeAt(i))) i++;
      // Padded word: '<' + s[start, i) + '>'
      const padded = i - start + 2;
      for (let n = 3; n <= 4; n++) {
        const kind = n === 3 ? CHAR3 : CHAR4;
        for (let k = 0; k + n <= padded; k++) {
          let h = fnvStep(FNV_OFFSET, kind);
          for (let j = k; j < k + n; j++) {
            const code = j === 0 ? BOW : j === padded - 1 ? EOW : s.charCodeAt(start + j - 1);
            h = fnvStep(h, code);
          }
          this.add(h, kind);
        }
      }
    }
  }
}

/** Cosine similarity; 0 when either vector is all zeros. Throws on a dimension mismatch. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`dimension mismatch: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Serialises a vector as Float32 little-endian bytes (a fresh Buffer, independent of the vector). */
export function toBlob(vec: Float32Array): Buffer {
  const buf = Buffer.allocUnsafe(vec.length * 4);
  if (LITTLE_ENDIAN) {
    buf.set(new Uint8Array(vec.buffer, vec.byteOffset, vec.byteLength));
  } else {
    for (let i = 0; i < vec.length; i++) buf.writeFloatLE(vec[i]!, i * 4);
  }
  return buf;
}

/**
 * Reads Float32 little-endian bytes into a fresh, aligned Float32Array. Safe for Buffers that are slices
 * of a larger pool at odd offsets (as SQLite drivers return them); the result never aliases `buf`.
 */
export function fromBlob(buf: Uint8Array): Float32Array {
  if (buf.byteLength % 4 !== 0) throw new RangeError(`blob length ${buf.byteLength} is not a multiple of 4`);
  const out = new Float32Array(buf.byteLength / 4);
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(buf);
  } else {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  }
  return out;
}
