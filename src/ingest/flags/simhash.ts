/**
 * 64-bit SimHash over word 3-shingles of the dedup key, as two 32-bit halves (BigInt is ~10× slower).
 * Near-duplicates differ in few bits; 4 bands of 16 bits: any pair within Hamming distance 3 shares a band.
 */

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface SimHash {
  hi: number;
  lo: number;
}

export function simhash(key: string): SimHash {
  const words = key.split(' ');
  const votes = new Int32Array(64);
  const shingles = words.length < 3 ? [key] : [];
  for (let i = 0; i + 3 <= words.length; i++) shingles.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  for (const shingle of shingles) {
    const a = fnv1a(shingle, 0x811c9dc5);
    const b = fnv1a(shingle, 0x9747b28c);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (a >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) lo |= 1 << bit;
    if (votes[bit + 32]! > 0) hi |= 1 << bit;
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
