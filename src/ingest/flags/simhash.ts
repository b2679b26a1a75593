/**
 * 64-bit SimHash over word 3-shingles of the dedup key, as two 32-bit halves (BigInt is ~10× slower).
 * Near-duplicates differ in few bits; 4 bands of 16 bits: any pair within Hamming distance 3 shares a band.
 */

const FNV_PRIME = 0x01000193;
const SEED_LO = 0x811c9dc5;
const SEED_HI = 0x9747b28c;

export interface SimHash {
  hi: number;
  lo: number;
}

/** Per-bit counts of set bits over all shingles; reused (simhash is synchronous). */
const setBits = new Int32Array(64);

/**
 * Adds the two FNV-1a hashes of `key[start, end)` to {@link setBits}. A shingle of words i..i+2 of a key split
 * on single spaces is exactly the substring from word i's start to word i+2's end, so no string is built.
 */
function addShingle(key: string, start: number, end: number): void {
  let a = SEED_LO;
  let b = SEED_HI;
  for (let i = start; i < end; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, FNV_PRIME);
  }
  for (let bit = 0; bit < 32; bit++) {
    setBits[bit]! += (a >>> bit) & 1;
    setBits[bit + 32]! += (b >>> bit) & 1;
  }
}

export function simhash(key: string): SimHash {
  setBits.fill(0);
  // Word boundaries of key.split(' '): word w spans [starts[w], ends[w]).
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) {
    ends.push(i);
    starts.push(i + 1);
  }
  ends.push(key.length);
  const words = starts.length;
  let shingles = 0;
  if (words < 3) {
    addShingle(key, 0, key.length);
    shingles = 1;
  } else {
    for (let w = 0; w + 3 <= words; w++) addShingle(key, starts[w]!, ends[w + 2]!);
    shingles = words - 2;
  }
  // A bit is set when more shingles have it set than not (the ±1 vote of the classic formulation).
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (setBits[bit]! * 2 > shingles) lo |= 1 << bit;
    if (setBits[bit + 32]! * 2 > shingles) hi |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

export const toHex = (h: SimHash) => h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
export const fromHex = (hex: string): SimHash => ({
  hi: Number.parseInt(hex.slice(0, 8), 16),
  lo: Number.parseInt(hex.slice(8), 16),
});

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export const hamming = (a: SimHash, b: SimHash) => popcount((a.hi ^ b.hi) >>> 0) + popcount((a.lo ^ b.lo) >>> 0);

/** The 4 band keys (band index × 65536 + 16-bit value). */
export function bands(h: SimHash): number[] {
  return [h.lo & 0xffff, 65536 + (h.lo >>> 16), 131072 + (h.hi & 0xffff), 196608 + (h.hi >>> 16)];
}

export const NEAR_DUPLICATE_DISTANCE = 3;
